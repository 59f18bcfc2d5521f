import { describe, expect, it } from 'vitest';
import { BIDI_CONTROLS, CONTROLS, INVISIBLE_CONTROLS, NOT_XML, isInvisibleControl } from '../../src/util/unsafe-characters.js';

/** XML 1.0's Char production, by code point. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff)
    || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

const matches = (pattern: RegExp, text: string) => text.replace(pattern, '') !== text;
const codeUnits = Array.from({ length: 0x10000 }, (_, code) => code);

describe('unsafe characters', () => {
  it('the invisible controls are the same set as a regex and as a predicate, on every UTF-16 code unit', () => {
    const differ = codeUnits.filter((code) => matches(INVISIBLE_CONTROLS, String.fromCharCode(code)) !== isInvisibleControl(code));
    expect(differ).toEqual([]);
    expect(codeUnits.filter(isInvisibleControl).length).toBe(33 + 2 + 1 + 2 + 5 + 4);
  });

  it('CONTROLS adds exactly the C0 controls; the bidi characters are invisible controls', () => {
    for (const code of codeUnits) {
      const char = String.fromCharCode(code);
      expect(matches(CONTROLS, char), `U+${code.toString(16)}`).toBe(code < 0x20 || isInvisibleControl(code));
      if (matches(BIDI_CONTROLS, char)) expect(isInvisibleControl(code)).toBe(true);
    }
    expect(codeUnits.filter((code) => matches(BIDI_CONTROLS, String.fromCharCode(code))).length).toBe(12);
  });

  it('NOT_XML is what XML 1.0 cannot hold: by code point, so a surrogate pair passes and a lone half does not', () => {
    for (const code of codeUnits) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      expect(matches(NOT_XML, String.fromCharCode(code)), `U+${code.toString(16)}`).toBe(!isXmlChar(code));
    }
    for (const text of ['\ud800', '\udc00', 'a\ud83dz', '\ude00b', '\udc00\ud800']) {
      const kept = [...text].filter((c) => isXmlChar(c.codePointAt(0) as number)).join('');
      expect(text.replace(NOT_XML, '')).toBe(kept);
    }
    expect(matches(NOT_XML, '\ud83d\ude00')).toBe(false);
  });
});
