// The splice keeps every byte outside the inserted entity: new == old[0:k] + inserted + old[k:], and `inserted`
// holds the entity and nothing else, on heavily commented files, with CRLF line endings and a byte-order mark too,
// and for entities full of characters YAML cares about (property test).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNode, parse, parseDocument, visit } from 'yaml';
import { AppendError, appendEntity } from '../../src/authoring/append-entity.js';
import { listRegisterFiles } from '../../src/register/discover.js';
import { parseRegisterFile } from '../../src/register/parse-file.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import type { EntityKey } from '../../src/register/schema.js';

const HEAVY = `# yaml-language-server: $schema=../schemas/register-file.schema.json
#
# Systems of the town hall.   "quoted" 'single' : colons # hashes - dashes

zones:   # zones first
  - { id: office, name: "Office: main", trust: 2 }   # a flow map item
  - id: 'admin'
    trust: 4

# The systems list: a comment before it
systems:
  # a leading comment inside the list
  - id: fs-01               # a trailing comment
    name: "File server \\"main\\""
    zone: office
    tags: [files, "with, comma"]
    controls: { mfa: false, backups: true }
    description: >-
      Folded text that spans
      two lines.
    # a commented-out field, owner: nobody

  - id: ad-dc
    name: 'Domain controller: it''s critical'
    zone: admin
    depends_on:
      - fs-01
    # a comment deeper than the dash: it belongs to ad-dc

  # a comment at the dash column: it stays below the new entity
# a comment at column 0 before the links

links:
  - from: fs-01
    to: ad-dc
    port: 389
# a final comment without a newline`;

const WEB = {
  id: 'web-01',
  name: 'Web: "portal" #1',
  zone: 'office',
  kind: 'server',
  tags: ['a', 'yes', '123', '- dash', 'x: y'],
  controls: { mfa: true },
  depends_on: ['ad-dc', { any_of: ['fs-01', 'ad-dc'] }],
  description: 'line one\nline two',
};

/** The splice contract, checked on every result. */
function expectSplice(before: string, after: ReturnType<typeof appendEntity>, entity: Record<string, unknown>, key?: EntityKey) {
  const { text, offset, inserted } = after;
  expect(text).toBe(before.slice(0, offset) + inserted + before.slice(offset));
  // The inserted text holds exactly the entity: one list item (with its key for a new list), no comment, nothing else.
  const doc = parseDocument(inserted.replace(/\r\n/g, '\n'));
  expect(doc.errors).toEqual([]);
  expect(doc.commentBefore ?? doc.comment ?? undefined).toBeUndefined();
  visit(doc, (_key, node) => {
    if (isNode(node)) expect({ before: node.commentBefore, after: node.comment }).toEqual({ before: undefined, after: undefined });
  });
  const parsed: unknown = doc.toJS();
  // A new list comes with its key; an appended item comes alone.
  expect(Array.isArray(parsed) ? parsed : (parsed as Record<string, unknown>)[key ?? '']).toEqual([entity]);
  if (!Array.isArray(parsed)) expect(Object.keys(parsed as object)).toEqual([key]);
}

describe('appendEntity on a heavily commented file', () => {
  it('inserts the system after the last item and the comments under it, and nowhere else', () => {
    const result = appendEntity(HEAVY, 'systems', WEB);
    expectSplice(HEAVY, result, WEB);
    const marker = '    # a comment deeper than the dash: it belongs to ad-dc\n';
    expect(result.offset).toBe(HEAVY.indexOf(marker) + marker.length);
    expect(result.inserted.startsWith('\n  - id: web-01\n    name: ')).toBe(true);
    const parsed = parseDocument(result.text).toJS() as { systems: unknown[]; zones: unknown[]; links: unknown[] };
    expect(parsed.systems).toHaveLength(3);
    expect(parsed.systems[2]).toEqual(WEB);
    expect(parseRegisterFile('systems.yaml', new TextEncoder().encode(result.text)).diagnostics).toEqual([]);
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const crlf = `\uFEFF${HEAVY.replace(/\n/g, '\r\n')}`;
    const result = appendEntity(crlf, 'systems', WEB);
    expectSplice(crlf, result, WEB);
    expect(result.text.startsWith('\uFEFF')).toBe(true);
    expect(result.inserted.replace(/\r\n/g, '')).not.toContain('\n');
    expect(result.inserted.endsWith('\r\n')).toBe(true);
  });

  it('appends to a list of flow-map items, one item per line, with no blank line', () => {
    const result = appendEntity(HEAVY, 'zones', { id: 'dmz', trust: 2 });
    expectSplice(HEAVY, result, { id: 'dmz', trust: 2 });
    expect(result.inserted).toBe('  - id: dmz\n    trust: 2\n');
    expect(HEAVY.slice(result.offset).startsWith('\n# The systems list')).toBe(true);
  });

  it('appends after the last line of a file without a final newline', () => {
    const result = appendEntity(HEAVY, 'links', { from: 'ad-dc', to: 'fs-01' });
    expectSplice(HEAVY, result, { from: 'ad-dc', to: 'fs-01' });
    expect(HEAVY.slice(result.offset)).toBe('# a final comment without a newline');
  });

  it('adds a missing key at the end, after a blank line', () => {
    const vendor = { id: 'acme', name: 'ACME', tier: 'low' };
    const result = appendEntity(HEAVY, 'vendors', vendor);
    expect(result.offset).toBe(HEAVY.length);
    expect(result.inserted).toBe('\n\nvendors:\n  - id: acme\n    name: ACME\n    tier: low\n');
    expect(result.text.startsWith(HEAVY)).toBe(true);
  });
});

describe('appendEntity on other shapes', () => {
  const zone = { id: 'dmz', trust: 2 };

  it('creates the list in an empty file and in a file of comments only', () => {
    expect(appendEntity('', 'zones', zone).text).toBe('zones:\n  - id: dmz\n    trust: 2\n');
    const comments = '# only a comment\n';
    const result = appendEntity(comments, 'zones', zone);
    expect(result.text).toBe('# only a comment\n\nzones:\n  - id: dmz\n    trust: 2\n');
  });

  it('fills a key that has no value yet, right below it', () => {
    const before = 'zones:   # none yet\n# a comment\nsystems:\n  - id: a\n    name: A\n    zone: x\n';
    const result = appendEntity(before, 'zones', zone);
    expectSplice(before, result, zone);
    expect(result.text).toBe('zones:   # none yet\n  - id: dmz\n    trust: 2\n# a comment\nsystems:\n  - id: a\n    name: A\n    zone: x\n');
  });

  it('follows an indentless list, a wide dash and four-space nesting', () => {
    const indentless = 'zones:\n- id: a\n  trust: 1\n';
    // One multi-line item says nothing about blank lines: the new item gets one, like the samples.
    expect(appendEntity(indentless, 'zones', zone).inserted).toBe('\n- id: dmz\n  trust: 2\n');
    const wide = 'systems:\n    -   id: a\n        name: A\n        zone: x\n        controls:\n            mfa: true\n        tags:\n            - t\n';
    const system = { id: 'b', name: 'B', zone: 'x', controls: { mfa: false }, tags: ['u'] };
    const result = appendEntity(wide, 'systems', system);
    expectSplice(wide, result, system);
    expect(result.inserted).toBe('\n    -   id: b\n        name: B\n        zone: x\n        controls:\n            mfa: false\n        tags:\n            - u\n');
    const flat = 'systems:\n- id: a\n  name: A\n  zone: x\n  tags:\n  - t\n- id: c\n  name: C\n  zone: x\n';
    const flatResult = appendEntity(flat, 'systems', system);
    expectSplice(flat, flatResult, system);
    expect(flatResult.inserted).toBe('- id: b\n  name: B\n  zone: x\n  controls:\n    mfa: false\n  tags:\n  - u\n');
  });

  it('separates items by a blank line only where the list does', () => {
    const tight = 'zones:\n  - id: a\n    trust: 1\n  - id: b\n    trust: 1\n';
    expect(appendEntity(tight, 'zones', zone).inserted).toBe('  - id: dmz\n    trust: 2\n');
    const airy = 'zones:\n  - id: a\n    trust: 1\n\n  - id: b\n    trust: 1\n';
    expect(appendEntity(airy, 'zones', zone).inserted).toBe('\n  - id: dmz\n    trust: 2\n');
  });

  it('keeps a keep-chomping block scalar at the end of the last item intact', () => {
    const before = 'zones:\n  - id: a\n    trust: 1\n    description: |+\n      kept\n\n\nlinks: []\n';
    const result = appendEntity(before, 'zones', zone);
    expectSplice(before, result, zone);
    expect((parse(result.text) as { zones: { description?: string }[] }).zones[0].description).toBe('kept\n\n\n');
  });

  it('quotes text ending in a newline rather than let the blank line after it join a keep-chomping block scalar', () => {
    const before = 'zones:\n  - id: a\n    trust: 1\n\n# next\nlinks: []\n';
    const keep = { id: 'dmz', trust: 2, description: 'two\nlines\n\n' };
    const result = appendEntity(before, 'zones', keep);
    expectSplice(before, result, keep);
    expect(result.inserted).toBe('\n  - id: dmz\n    trust: 2\n    description: "two\\nlines\\n\\n"\n');
    const clip = { id: 'dmz', trust: 2, description: 'two\nlines\n' };
    expect(appendEntity(before, 'zones', clip).inserted).toBe('\n  - id: dmz\n    trust: 2\n    description: |\n      two\n      lines\n');
  });

  it.each<[string, string, RegExp]>([
    ['a flow list', 'zones: [{ id: a, trust: 1 }]\n', /flow list/],
    ['an explicit null', 'zones: ~\n', /not a list/],
    ['a mapping', 'zones: { id: a }\n', /not a list/],
    ['a root list', '- id: a\n', /not a block mapping/],
    ['a flow root mapping', '{ zones: [] }\n', /not a block mapping/],
    ['invalid YAML', 'zones:\n  - id: [\n', /not valid YAML/],
    ['a document end marker', 'links:\n  - { from: a, to: b }\n...\n', /could not append/],
  ])('refuses %s, changing nothing', (_what, before, message) => {
    expect(() => appendEntity(before, 'zones', zone)).toThrow(AppendError);
    expect(() => appendEntity(before, 'zones', zone)).toThrow(message);
  });
});

describe('appendEntity, property: any entity round-trips and only the entity is inserted', () => {
  const tricky = fc.string({
    unit: fc.constantFrom('a', 'Z', '0', ' ', '"', "'", '#', ':', '-', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', '\t', '\n', '\\', '?', 'é', '€', '😀', '\u0085', '\u2028', '\ufeff'),
    maxLength: 24,
  });
  const scalar = fc.oneof(tricky, fc.string({ maxLength: 12 }), fc.constantFrom('yes', 'no', 'null', '~', '123', '1e3', '0x1f', '2026-01-01', '', ' lead', 'trail '), fc.integer(), fc.boolean());
  const entity = fc.record({
    id: fc.constantFrom('x', 'web-01', 'constructor', '__proto__x'),
    name: tricky,
    note: scalar,
    tags: fc.array(scalar, { maxLength: 3 }),
    nested: fc.record({ a: scalar, b: fc.array(fc.record({ c: scalar }), { maxLength: 2 }) }),
  });
  const keys = fc.constantFrom<EntityKey>('zones', 'systems', 'links', 'vendors', 'acceptances');

  it('on the heavy file, LF and CRLF', () => {
    fc.assert(fc.property(entity, keys, fc.boolean(), (value, key, crlf) => {
      const before = crlf ? HEAVY.replace(/\n/g, '\r\n') : HEAVY;
      const result = appendEntity(before, key, value);
      expectSplice(before, result, value, key);
      const list = (parse(result.text) as Record<string, unknown[]>)[key];
      expect(list[list.length - 1]).toEqual(value);
    }), { numRuns: 300 });
  });
});

describe('appendEntity on every file of the sample registers', () => {
  const samples = ['city', 'minimal'].flatMap((name) => {
    const root = join(REPO_ROOT, 'samples', name);
    return listRegisterFiles(root).files.map((file) => [`${name}/${file}`, readFileSync(join(root, file), 'utf8')] as const);
  });
  const entities: [EntityKey, Record<string, unknown>][] = [
    ['zones', { id: 'lab', name: 'Lab', trust: 2 }],
    ['systems', { id: 'lab-pc', name: 'Lab PC', zone: 'lab', controls: { mfa: true }, tags: ['lab'] }],
    ['links', { from: 'lab-pc', to: 'ad-dc', protocol: 'ldaps', port: 636 }],
    ['acceptances', { finding: 'weak-authentication:*', reason: 'r', approved_by: 'a', expires: '2027-01-01' }],
  ];

  it.each(samples)('%s keeps every byte and still validates', (file, text) => {
    for (const [key, entity] of entities) {
      if (file.endsWith('sidedoor.yaml') && key !== 'zones') continue;
      const result = appendEntity(text, key, entity);
      expectSplice(text, result, entity, key);
      const parsed = parseRegisterFile(file.replace(/^[a-z]+\//, ''), new TextEncoder().encode(result.text));
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.entities.filter((e) => e.key === key).at(-1)?.data).toEqual(entity);
    }
  });
});
