// The parse cache's entries as hostile input (format 4, src/register/parsed-file-codec.ts): an entry truncated,
// with characters replaced, inserted or deleted, with its numbers swapped for others, or its columns out of step,
// never throws when decoded, and decodes either to nothing (the file is then re-parsed) or to a parse result whose
// every part has its type: known entity kinds, data records, positive integer positions for every field path.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_KEYS } from '../../src/register/register-names.js';
import { decodeParsedFile, decodeParsedFileBytes, encodeParsedFile } from '../../src/register/parsed-file-codec.js';
import { parseRegisterFile } from '../../src/register/parse-file.js';
import type { LocationTable, ParsedFile } from '../../src/register/parse-file.js';
import { FieldLocations } from '../../src/register/field-locations.js';
import { SAMPLE_CITY } from '../helpers/run-cli.js';

const SAMPLES = ['sidedoor.yaml', 'vendors/rempart.yaml', 'links/services.yaml', 'systems/admin.yaml'].map((file) => {
  const parsed = parseRegisterFile(file, readFileSync(join(SAMPLE_CITY, file)));
  return { file, encoded: encodeParsedFile(parsed) };
});

/** Characters that change a JSON text's structure or numbers, and a few that do not. */
const CHARACTERS = ['{', '}', '[', ']', ',', ':', '"', '\\', '0', '1', '-', '.', 'e', '9', ' ', 'a', 'n', 'k', 'p', 'd', 't', '\u00e9'];

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), with: fc.constantFrom(...CHARACTERS) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), with: fc.constantFrom(...CHARACTERS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), with: fc.constantFrom('0', '-1', '1.5', '1e400', '"1"', 'null', '[]', '{}', '99999999999') }),
);

interface Damage { kind: 'truncate' | 'replace' | 'insert' | 'delete' | 'number'; at: number; with?: string; length?: number }

function damaged(text: string, d: Damage): string {
  const at = d.at % (text.length + 1);
  if (d.kind === 'truncate') return text.slice(0, at);
  if (d.kind === 'replace') return text.slice(0, at) + (d.with ?? '') + text.slice(at + 1);
  if (d.kind === 'insert') return text.slice(0, at) + (d.with ?? '') + text.slice(at);
  if (d.kind === 'delete') return text.slice(0, at) + text.slice(at + (d.length ?? 1));
  // A number of the text (the at-th, cyclically) replaced by another value.
  const numbers = [...text.matchAll(/(?<=[[,:])\d+(?=[\],}])/g)];
  if (numbers.length === 0) return text;
  const n = numbers[d.at % numbers.length];
  return text.slice(0, n.index) + (d.with ?? '') + text.slice((n.index ?? 0) + n[0].length);
}

function isPosition(line: unknown, column: unknown): boolean {
  return Number.isInteger(line) && Number.isInteger(column) && (line as number) > 0 && (column as number) > 0;
}

function expectTableWellFormed(file: string, locs: LocationTable): void {
  const lookup = FieldLocations.of(file, locs);
  for (const path of locs.paths) {
    expect(typeof path).toBe('string');
    const at = lookup.get(path);
    expect(at !== undefined && isPosition(at.line, at.column), path).toBe(true);
  }
}

function expectWellFormed(file: string, parsed: ParsedFile): void {
  expect(parsed.file).toBe(file);
  for (const e of parsed.entities) {
    expect(ENTITY_KEYS).toContain(e.key);
    expect(typeof e.data === 'object' && e.data !== null && !Array.isArray(e.data)).toBe(true);
    expect(e.loc.file).toBe(file);
    expect(isPosition(e.loc.line, e.loc.column)).toBe(true);
    expectTableWellFormed(file, e.locs);
  }
  if (parsed.config) {
    expect(isPosition(parsed.config.loc.line, parsed.config.loc.column)).toBe(true);
    expectTableWellFormed(file, parsed.config.locs);
  }
  for (const d of parsed.diagnostics) expect(isPosition(d.line, d.column) && typeof d.message === 'string').toBe(true);
  for (const { key, id } of parsed.invalidIds) expect(ENTITY_KEYS.includes(key) && typeof id === 'string').toBe(true);
}

describe('hostile corpus: damaged parse cache entries', () => {
  it('decode to nothing or to a well-formed parse result, never throw', () => {
    let served = 0;
    fc.assert(fc.property(fc.constantFrom(...SAMPLES), fc.array(damage, { minLength: 1, maxLength: 3 }), (sample, damages) => {
      const text = damages.reduce((t, d) => damaged(t, d), sample.encoded);
      const bytes = Buffer.from(text, 'utf8');
      for (const decoded of [decodeParsedFile(sample.file, text), decodeParsedFileBytes(sample.file, bytes)]) {
        if (decoded === undefined) continue;
        served++;
        expectWellFormed(sample.file, decoded);
      }
      // Bytes outside ASCII are never read as the Latin-1 they would be taken for.
      if (/[^\x00-\x7f]/.test(text)) expect(decodeParsedFileBytes(sample.file, bytes)).toBeUndefined();
    }), { numRuns: 2000 });
    // Damage inside a string or to a number that stays a position keeps the entry well formed: such entries were
    // decoded and checked too.
    expect(served).toBeGreaterThan(0);
  });

  it('the undamaged samples decode, so the property above is not vacuous', () => {
    for (const sample of SAMPLES) {
      const decoded = decodeParsedFileBytes(sample.file, Buffer.from(sample.encoded, 'latin1'));
      expect((decoded?.entities.length ?? 0) + (decoded?.config ? 1 : 0)).toBeGreaterThan(0);
    }
  });
});
