import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { dotString } from '../../src/export/dot-escape.js';
import { escapeMermaidLabel } from '../../src/export/mermaid-escape.js';
import { escapeXml } from '../../src/export/xml-escape.js';

// Text biased towards the characters each format treats specially.
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', "'", '#', '&', ';', '<', '>', '[', ']', '`', '{', '}', '|', '\\', '\n', '\r', '\t', '(', ')',
      '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028', '\u202e', '\u2066', '\ufffe', '\ud800', '\udc00', 'é', '😀'),
    fc.constantFrom('a', 'Z', ' ', '-', '1', 'quot', 'lt', '35'),
  ),
  maxLength: 40,
});

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** What a label may legitimately lose: line breaks and control characters become spaces, bidi controls vanish. */
function flattened(text: string): string {
  return text.replace(BIDI, '').replace(/\r\n/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

describe('escapeMermaidLabel', () => {
  it('leaves nothing that can end a label, open a shape or start markup', () => {
    fc.assert(fc.property(hostileText, (text) => {
      const escaped = escapeMermaidLabel(text);
      const withoutEntities = escaped.replace(/#(?:quot|\d+);/g, '');
      expect(withoutEntities).not.toMatch(/["#&;<>[\]`{|}\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      expect(escaped).not.toMatch(BIDI);
    }), { numRuns: 2000 });
  });

  it('decodes back to the original text, apart from flattened line breaks and controls', () => {
    const decode = (s: string) => s.replace(/#(quot|\d+);/g, (_, code: string) => (code === 'quot' ? '"' : String.fromCharCode(Number(code))));
    fc.assert(fc.property(hostileText, (text) => {
      expect(decode(escapeMermaidLabel(text))).toBe(flattened(text));
    }), { numRuns: 2000 });
  });

  it('keeps a CRLF split by a dropped bidi control one space (a counterexample fast-check found)', () => {
    expect(escapeMermaidLabel('a\r\u202e\nb')).toBe('a b');
  });

  it('escapes the register text of SPEC §5', () => {
    expect(escapeMermaidLabel('A|B <script>')).toBe('A#124;B #60;script#62;');
    expect(escapeMermaidLabel('say "hi"] `x`\nnext')).toBe('say #quot;hi#quot;#93; #96;x#96; next');
    expect(escapeMermaidLabel('#quot;')).toBe('#35;quot#59;');
  });
});

describe('dotString', () => {
  /** Reads one DOT quoted string the way Graphviz's lexer does: `\"` is a quote, any other backslash is kept. */
  function lexDotString(source: string): { body: string; rest: string } {
    expect(source[0]).toBe('"');
    let i = 1;
    let body = '';
    while (i < source.length && source[i] !== '"') {
      if (source[i] === '\\' && i + 1 < source.length) { body += source.slice(i, i + 2); i += 2; } else { body += source[i]; i += 1; }
    }
    expect(source[i]).toBe('"');
    return { body, rest: source.slice(i + 1) };
  }
  /** Graphviz label semantics for the escapes dotString produces. */
  const labelText = (body: string) => body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));

  it('is exactly one quoted string whose label text is the original, line breaks kept as \\n', () => {
    fc.assert(fc.property(hostileText, (text) => {
      const quoted = dotString(text);
      const { body, rest } = lexDotString(quoted);
      expect(rest).toBe('');
      expect(quoted).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      expect(quoted).not.toMatch(BIDI);
      const expected = text.replace(BIDI, '').replace(/\r\n|[\r\n\u2028\u2029]/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ');
      expect(labelText(body)).toBe(expected);
    }), { numRuns: 2000 });
  });

  it('keeps a CRLF split by a dropped bidi control one line break (a counterexample fast-check found)', () => {
    expect(dotString('a\r\u202e\nb')).toBe('"a\\nb"');
  });

  it('doubles backslashes so Graphviz escapes such as \\N are never interpreted', () => {
    expect(dotString('a\\Nb"c\nd')).toBe('"a\\\\Nb\\"c\\nd"');
  });
});

describe('escapeXml', () => {
  const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true, parseTagValue: false, trimValues: false });
  /** XML 1.0 cannot carry these at all; escapeXml swaps them for U+FFFD. */
  const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

  it('round-trips through an XML parser in text and in attributes', () => {
    fc.assert(fc.property(hostileText, (text) => {
      const document = `<r a="${escapeXml(text)}"><t>${escapeXml(text)}</t></r>`;
      expect(XMLValidator.validate(document)).toBe(true);
      const parsed = parser.parse(document) as { r: { '@_a': string; t: string } };
      expect(parsed.r['@_a']).toBe(xmlSafe(text));
      expect(parsed.r.t === '' ? '' : String(parsed.r.t)).toBe(xmlSafe(text));
    }), { numRuns: 2000 });
  });
});
