// The differential proof of the fast read path (src/register/fast-read.ts): over every fixture and sample (as written,
// with CRLF line ends, with a BOM), a hostile corpus, a generated S register and a fast-check corpus of
// register-shaped YAML and damaged text, parseRegisterFile gives the same values, the same locations and the same
// diagnostics as the `yaml` path alone. Location tables are compared as path → position maps (their order differs,
// and nothing reads it: FieldLocations looks paths up). The fast path must also really answer for real registers,
// or this would only compare the `yaml` path with itself.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlFilesUnder } from '../helpers/yaml-files.js';
import { generateRegister } from '../../src/bench/generate-register.js';
import { readRegisterFast, readRegisterFileFast } from '../../src/register/fast-read.js';
import { CONFIG_FILE, MAX_NESTING_DEPTH, parseRegisterFile } from '../../src/register/parse-file.js';
import type { LocationTable, ParsedFile } from '../../src/register/parse-file.js';

const repo = join(import.meta.dirname, '..', '..');
const encoder = new TextEncoder();

function table(locs: LocationTable): [string, number, number][] {
  return locs.paths.map((path, i): [string, number, number] => [path, locs.positions[2 * i], locs.positions[2 * i + 1]])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function comparable(parsed: ParsedFile) {
  return {
    ...parsed,
    entities: parsed.entities.map((e) => ({ ...e, locs: table(e.locs) })),
    config: parsed.config && { ...parsed.config, locs: table(parsed.config.locs) },
  };
}

/** Asserts both paths agree on `bytes`; returns whether the fast path answered by itself. */
function agree(file: string, bytes: Uint8Array): boolean {
  const both = parseRegisterFile(file, bytes);
  const reference = parseRegisterFile(file, bytes, { fast: false });
  expect(comparable(both), file).toEqual(comparable(reference));
  // The fast path alone (what a scan tries before it loads the `yaml` path) answers as parseRegisterFile does, or not at all.
  const alone = readRegisterFileFast(file, bytes);
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  if (alone?.parsed !== undefined) expect(alone.parsed, file).toEqual(both);
  // Handed a refused attempt, whose text the `yaml` path reads in place of the bytes, parseRegisterFile answers as it
  // does when it makes the attempt itself.
  if (alone?.problem !== undefined) {
    expect(alone.text, file).toBe(text);
    expect(comparable(parseRegisterFile(file, bytes, { attempt: alone })), file).toEqual(comparable(both));
  }
  return readRegisterFast(file, text, file === CONFIG_FILE, MAX_NESTING_DEPTH).parsed !== undefined;
}

function variants(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  return [bytes, Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'latin1'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])];
}

describe('the fast read path agrees with the yaml path', () => {
  it('on every sample and fixture file, as written, with CRLF line ends and with a BOM', () => {
    let answered = 0;
    let files = 0;
    for (const dir of ['samples', 'test/fixtures']) {
      const root = join(repo, dir);
      for (const path of yamlFilesUnder(root)) {
        // Locations embed the register-relative name; sidedoor.yaml must keep its name to be read as the config.
        const name = relative(root, path).split('/').slice(1).join('/');
        for (const bytes of variants(readFileSync(path))) {
          files++;
          if (agree(name, bytes)) answered++;
        }
      }
    }
    expect(files).toBeGreaterThan(100);
    // The samples are valid: the fast path must read most of the corpus itself.
    expect(answered).toBeGreaterThan(files / 2);
  });

  it('on a generated S register, where the fast path reads every file', () => {
    let files = 0;
    for (const { path, content } of generateRegister({ size: 'S', seed: 7 })) {
      files++;
      expect(agree(path, encoder.encode(content)), path).toBe(true);
    }
    expect(files).toBeGreaterThan(40);
  });

  it('on a hostile corpus, falling back to the yaml path wherever there is anything to report', () => {
    const corpus: Record<string, string> = {
      duplicateKey: 'systems:\n  - id: a\n    id: b\n    name: A\n    zone: z\n',
      duplicateTopKey: 'zones: []\nzones: []\n',
      collectionKey: '? [a, b]\n: 1\n',
      flowCollectionKey: 'systems:\n  - {[a]: 1}\n',
      aliasBomb: `a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n`,
      aliasInEntity: 'zones:\n  - &z {id: office, trust: 2}\n  - *z\n',
      anchorOnly: 'zones:\n  - &z {id: office, trust: 2}\n',
      tagged: 'zones:\n  - id: !!str office\n    trust: 2\n',
      mergeKey: 'zones:\n  - <<: {id: office}\n    trust: 2\n',
      protoKey: 'zones:\n  - id: office\n    trust: 2\n    __proto__: {x: 1}\n',
      coreSchema: 'zones:\n  - id: office\n    trust: 2\n    name: no\n    description: 2026-01-01\n',
      yes: 'zones:\n  - {id: office, trust: 2, name: yes}\n',
      numbers: 'zones:\n  - {id: a, trust: 0x2}\n  - {id: b, trust: 0o2}\n  - {id: c, trust: +2}\n  - {id: d, trust: 2.0}\n  - {id: e, trust: 2e0}\n',
      nullsAndBools: 'zones:\n  - {id: a, trust: ~}\n  - {id: b, trust: true}\n  - {id: c, trust: .inf}\n  - {id: d, trust: .NaN}\n',
      twoDocs: 'zones: []\n---\nzones: []\n',
      directive: '%YAML 1.2\n---\nzones: []\n',
      explicitStart: '---\nzones:\n  - {id: office, trust: 2}\n',
      empty: '',
      commentsOnly: '# nothing\n',
      scalarRoot: 'just text\n',
      listRoot: '- a\n- b\n',
      unknownKey: 'zone:\n  - {id: office, trust: 2}\n',
      configKeyElsewhere: 'policy: {}\n',
      notAList: 'zones: {id: office}\n',
      nullList: 'zones:\n',
      scalarItem: 'zones:\n  - office\n',
      emptyItem: 'zones:\n  -\n',
      blockScalarItem: 'systems:\n  - id: a\n    name: A\n    zone: z\n    depends_on:\n      - |\n        b\n',
      quoted: `systems:\n  - "id": 'a'\n    name: "A \\u00e9"\n    zone: z\n    depends_on: ['b', "c"]\n`,
      invalidEntity: 'zones:\n  - {id: Office, trust: 9}\n',
      tabs: 'zones:\n\t- {id: office, trust: 2}\n',
      badIndent: 'zones:\n  - id: office\n   trust: 2\n',
      multilineKey: 'zones:\n  - ? id\n      x\n    : a\n',
      controlChars: 'zones:\n  - {id: office, trust: 2, name: "a\u0007b"}\n',
      rawControl: 'zones:\n  - {id: office, trust: 2, name: a\u0001b}\n',
      deep: `zones:\n  - ${'['.repeat(MAX_NESTING_DEPTH + 5)}${']'.repeat(MAX_NESTING_DEPTH + 5)}\n`,
      unterminated: 'zones:\n  - {id: office, trust: 2\n',
      trailingGarbage: 'zones: []\n]\n',
      crOnly: 'zones:\r  - {id: office, trust: 2}\r',
      noSpaceComment: 'zones:\n  - {id: office, trust: 2}#c\n',
      plainMultiline: 'zones:\n  - id: office\n    trust: 2\n    name: a\n      b\n',
    };
    for (const [name, text] of Object.entries(corpus)) {
      for (const bytes of variants(encoder.encode(text))) agree(`${name}.yaml`, bytes);
      agree(CONFIG_FILE, encoder.encode(text));
    }
    // Bytes that are not UTF-8 never reach either parser.
    agree('bad.yaml', Uint8Array.from([0x7a, 0x3a, 0x20, 0xff, 0x0a]));
  });

  it('on fast-check registers written in varied YAML styles, and on damaged text', () => {
    const id = fc.constantFrom('office', 'admin', 'a', 'b', 'c.d', 'x-1', '__proto__', 'constructor', 'Bad', '');
    const scalar = fc.oneof(
      fc.constantFrom('no', 'yes', 'on', 'null', '~', 'true', 'False', '2026-01-01', '0x1F', '0o17', '017', '+1', '-0', '1e3',
        '.5', '1.', '.inf', '-.Inf', '.nan', '1_000', 'a: b', '- x', '#x', '"q"', "'s'", 'a\nb', ' lead', 'trail ', '\t', '@x', '`x`'),
      fc.string({ maxLength: 8 }), fc.integer({ min: -3, max: 5000 }), fc.boolean(), fc.constant(null), fc.double({ noNaN: true }),
    );
    const entity = fc.dictionary(fc.constantFrom('id', 'name', 'zone', 'trust', 'kind', 'vendor', 'from', 'to', 'depends_on', 'controls', 'x'),
      fc.oneof(id, scalar, fc.array(fc.oneof(id, scalar), { maxLength: 3 }), fc.dictionary(fc.constantFrom('mfa', 'any_of', 'y'), scalar, { maxKeys: 2 })),
      { minKeys: 1, maxKeys: 5 });
    const file = fc.dictionary(fc.constantFrom('zones', 'vendors', 'systems', 'links', 'acceptances', 'policy', 'version'),
      fc.oneof(fc.array(entity, { maxLength: 3 }), scalar), { maxKeys: 3 });
    const valid = fc.record({
      zones: fc.array(fc.record({ id, trust: fc.integer({ min: 0, max: 4 }), name: scalar }, { requiredKeys: ['id', 'trust'] }), { maxLength: 3 }),
      systems: fc.array(fc.record({ id, name: fc.string({ maxLength: 6 }), zone: id, depends_on: fc.array(id, { maxLength: 3 }) }, { requiredKeys: ['id', 'name', 'zone'] }), { maxLength: 3 }),
    }, { requiredKeys: [] });
    const style = fc.record({
      collectionStyle: fc.constantFrom('any', 'block', 'flow'), indent: fc.constantFrom(2, 4), indentSeq: fc.boolean(),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'), defaultKeyType: fc.constantFrom(null, 'QUOTE_DOUBLE', 'PLAIN'),
    });
    const fragment = fc.constantFrom('\n', ' ', '  ', '\t', ':', ': ', '- ', '-', '{', '}', '[', ']', ',', '#', ' #', '&a ', '*a', '!x ',
      '? ', '|', '>', '"', "'", '---\n', '...\n', '%', '\r', '\u0000', '\uFEFF', 'é', 'no', '<<: ', 'x: y');
    const damage = fc.array(fc.tuple(fc.nat(), fc.oneof(fragment, fc.constant('')), fc.nat({ max: 3 })), { maxLength: 3 });

    fc.assert(fc.property(fc.oneof(file, valid), style, damage, fc.boolean(), (content, options, edits, isConfig) => {
      let text = stringify(content, {
        ...options, collectionStyle: options.collectionStyle as 'any', defaultKeyType: options.defaultKeyType as 'PLAIN' | null,
        defaultStringType: options.defaultStringType as 'PLAIN',
      });
      for (const [at, insert, remove] of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + insert + text.slice(i + remove);
      }
      agree(isConfig ? CONFIG_FILE : 'f.yaml', encoder.encode(text));
    }), { numRuns: 1500 });
  });
});
