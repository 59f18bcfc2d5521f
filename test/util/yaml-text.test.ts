import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlString, yamlStringList } from '../../src/util/yaml-text.js';

// Every string must read back unchanged wherever the generator puts it: a block value, a flow-mapping value and a
// flow-sequence item.
function roundTrips(value: string): void {
  const rendered = yamlString(value);
  expect(parse(`key: ${rendered}\n`)).toEqual({ key: value });
  expect(parse(`- { key: ${rendered}, other: 1 }\n`)).toEqual([{ key: value, other: 1 }]);
  expect(parse(`list: [${rendered}, x]\n`)).toEqual({ list: [value, 'x'] });
}

describe('yamlString', () => {
  it('round-trips any string of code points', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), roundTrips), { numRuns: 2000 });
  });

  it('round-trips any string of UTF-16 code units, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 20 }), roundTrips),
      { numRuns: 2000 });
  });

  it('round-trips strings built from YAML indicator characters', () => {
    const pieces = fc.constantFrom('-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`',
      ' ', 'a', '1', '.', 'true', 'null', '~', '\n', '\t', 'no', '0x1F', '1e3', '---', '...', '<<', '=');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 8 }).map((p) => p.join('')), roundTrips), { numRuns: 3000 });
  });

  it('keeps ids and ordinary names plain, quotes what YAML would read as something else', () => {
    expect(yamlString('office-ws-0142')).toBe('office-ws-0142');
    expect(yamlString('Stationnement & mobilité')).toBe('Stationnement & mobilité');
    expect(yamlString("L'Hostis")).toBe("L'Hostis");
    for (const tricky of ['123456789', 'yes', 'No', 'null', 'true', '', ' padded', 'padded ', 'a: b', 'a #b', '-x', '2026-12-06', '.inf']) {
      expect(yamlString(tricky)).toMatch(/^"/);
      roundTrips(tricky);
    }
  });

  it('renders flow lists', () => {
    expect(yamlStringList(['a', 'b c', '1'])).toBe('[a, b c, "1"]');
    expect(parse(`x: ${yamlStringList(['a', 'b, c', '1'])}`)).toEqual({ x: ['a', 'b, c', '1'] });
  });
});
