// Fuzzing the loader and the scan engine. fast-check builds small registers, mutates them (random keys, values of
// the wrong type, deleted references, duplicated ids, prototype-member ids, random unicode in names, random policy
// selectors and acceptance patterns), writes them as YAML, then mutates the text (YAML syntax fragments, control
// characters, bytes that are not UTF-8, truncation). Thousands go through the loader, the scan engine and the
// reporters in-process; a hundred through the built CLI (the counts are in test/support/case-counts.ts). The
// properties: no exception, an invalid register always explained by located diagnostics, none of them twice, a valid
// one scanned with unique, located findings whatever the file order, and a CLI that exits 0, 1 or 2 (agreeing with
// the in-process run), in bounded time, with no stack.

import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assembleRegister } from '../../src/register/load-register.js';
import { runScan } from '../../src/scan/run-scan.js';
import { buildScanResult } from '../../src/scan/scan-result.js';
import { loadReporter, REPORT_FORMATS } from '../../src/report/index.js';
import { RULES } from '../../src/rules/index.js';
import { severityRank } from '../../src/findings/types.js';
import { expectCleanRun, inBatches, PARALLEL_RUNS, runBoundedAsync, TODAY } from './hostile-cli.js';
import { chunkRanges, FUZZ } from '../support/case-counts.js';

// --- register model --------------------------------------------------------------------------------------------
// A coherent core (every value valid, every reference resolved to a defined id, so a fair share of registers load
// and reach the scan engine), then a chaos layer of structural mutations and text damage on some of them.

const ZONE_IDS = ['office', 'admin', 'dmz', 'constructor', 'valueof', 'internet', 'third-party'];
const VENDOR_IDS = ['parkco', 'constructor', 'v-1'];
const SYSTEM_IDS = ['a', 'b', 'c', 'tostring', 'hasownproperty', 'valueof', 'isprototypeof'];
const WEIRD_IDS = ['__proto__', 'prototype', 'Constructor', '', '-x', 'a'.repeat(70), 'x y', 'é', '0', 'a..b', 'internet'];
const RULE_IDS = RULES.map((rule) => rule.meta.id);
/** Every reporter, loaded once up front: the checks below run them synchronously. */
const reporters = new Map(await Promise.all(REPORT_FORMATS.map(async (format) => [format, await loadReporter(format)] as const)));

const weirdText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('\u001b[31mred\u001b[0m', '\u001b]0;t\u0007', 'a|b', '<script>', '`x`', 'line\nbreak', '\r', '\u0000',
    '\u202eevil', '😀', '\uD800', '%25', '::error::x', '#quot;', '&amp;'),
);
const anyScalar = fc.oneof(weirdText, fc.integer({ min: -5, max: 70_000 }), fc.double(), fc.boolean(), fc.constant(null));
const anyValue = fc.oneof(anyScalar, fc.array(anyScalar, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('id', 'x', '__proto__', 'any_of'), anyScalar, { maxKeys: 2 }));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
const date = fc.constantFrom('2020-01-01', '2025-12-01', '2026-06-01', '2026-06-02', '2026-08-15', '2099-12-31');
/** A reference, resolved later to one of the ids actually defined (by index), so that it never dangles. */
const ref = fc.nat();

const zone = fc.record({ id: fc.constantFrom(...ZONE_IDS), trust: fc.integer({ min: 0, max: 4 }), name: maybe(weirdText) }, { requiredKeys: ['id', 'trust'] });
const vendor = fc.record({
  id: fc.constantFrom(...VENDOR_IDS), name: weirdText, tier: fc.constantFrom('critical', 'high', 'medium', 'low'),
  zone: maybe(ref), owner: maybe(weirdText), subprocessors: maybe(fc.array(ref, { maxLength: 2 })),
  substitutability: maybe(fc.constantFrom('easy', 'none')), exit_plan: maybe(fc.boolean()),
  contract: maybe(fc.record({ end: date }, { requiredKeys: [] })),
  contacts: maybe(fc.array(fc.record({ name: weirdText, email: fc.constant('a@b.example'), role: fc.constantFrom('security', 'other') }), { maxLength: 2 })),
  assessments: maybe(fc.array(fc.record({ date, kind: fc.constantFrom('soc2', 'other'), result: fc.constantFrom('pass', 'fail') }), { maxLength: 2 })),
}, { requiredKeys: ['id', 'name', 'tier'] });
const system = fc.record({
  id: fc.constantFrom(...SYSTEM_IDS), name: weirdText, zone: ref, vendor: maybe(ref),
  kind: maybe(fc.constantFrom('application', 'database', 'firewall', 'messaging', 'saas', 'jump-host')),
  criticality: maybe(fc.constantFrom('low', 'medium', 'high', 'critical')), data: maybe(fc.constantFrom('public', 'confidential', 'restricted')),
  records: maybe(fc.nat()), internet_facing: maybe(fc.boolean()), end_of_support: maybe(date), enforcement: maybe(fc.boolean()),
  redundant: maybe(fc.boolean()), owner: maybe(weirdText),
  depends_on: maybe(fc.array(fc.oneof(ref, fc.array(ref, { minLength: 1, maxLength: 3 })), { maxLength: 3 })),
  controls: maybe(fc.record({ mfa: fc.boolean(), audit_log: fc.boolean(), rate_limit: fc.boolean() }, { requiredKeys: [] })),
}, { requiredKeys: ['id', 'name', 'zone'] });
const link = fc.record({
  from: ref, to: ref, kind: maybe(fc.constantFrom('network', 'remote-access', 'credential')),
  protocol: maybe(fc.constantFrom('https', 'http', 'smb', 'ldap', 'rdp')), port: maybe(fc.integer({ min: 1, max: 65_535 })),
  auth: maybe(fc.constantFrom('none', 'password', 'mfa')), via: maybe(fc.array(ref, { maxLength: 2 })),
  bidirectional: maybe(fc.boolean()), on_demand: maybe(fc.boolean()), encrypted: maybe(fc.boolean()),
}, { requiredKeys: ['from', 'to'] });
const pattern = fc.array(fc.oneof(fc.constantFrom('*', ...RULE_IDS), fc.constantFrom(...SYSTEM_IDS, ...VENDOR_IDS, 'admin', 'low-trust-to-sensitive')),
  { minLength: 1, maxLength: 4 }).map((parts) => parts.join(':'));
const someText = weirdText.filter((text) => text.trim() !== '');
const acceptance = fc.record({ finding: pattern, reason: someText, approved_by: someText, expires: date });
const selector = fc.record({
  zones: maybe(fc.array(fc.constantFrom(...ZONE_IDS), { maxLength: 2 })), systems: maybe(fc.array(fc.constantFrom(...SYSTEM_IDS), { maxLength: 2 })),
  vendors: maybe(fc.oneof(fc.constant(true as const), fc.array(fc.constantFrom(...VENDOR_IDS), { maxLength: 2 }))),
  trust_max: maybe(fc.integer({ min: 0, max: 4 })), trust_min: maybe(fc.integer({ min: 0, max: 4 })),
  data_min: maybe(fc.constantFrom('internal', 'restricted')), kinds: maybe(fc.array(fc.constantFrom('application', 'database'), { maxLength: 2 })),
  internet_facing: maybe(fc.boolean()),
}, { requiredKeys: [] });
const config = fc.record({
  version: fc.constant(1), organization: maybe(weirdText),
  policy: maybe(fc.record({
    builtin: maybe(fc.boolean()),
    segmentation: maybe(fc.uniqueArray(fc.record({
      id: fc.constantFrom('p1', 'p2', 'constructor'), from: maybe(selector), to: maybe(selector),
      allow_via: maybe(fc.array(fc.constantFrom(...SYSTEM_IDS), { maxLength: 2 })), severity: maybe(fc.constantFrom('critical', 'low')),
      description: maybe(weirdText),
    }, { requiredKeys: ['id'] }), { selector: (rule) => rule.id, maxLength: 2 })),
  }, { requiredKeys: [] })),
  review: maybe(fc.record({ contract_warning_days: fc.integer({ min: 0, max: 400 }), bulk_records_threshold: fc.integer({ min: 0, max: 100 }) }, { requiredKeys: [] })),
  rules: maybe(fc.dictionary(fc.constantFrom(...RULE_IDS),
    fc.oneof(fc.constant('off'), fc.constantFrom('high', 'info'), fc.record({ severity: fc.constantFrom('off', 'high', 'info'), threshold: maybe(fc.integer({ min: 1, max: 5 })) }, { requiredKeys: [] })),
    { maxKeys: 2 })),
}, { requiredKeys: ['version'] });

const body = fc.record({
  zones: fc.uniqueArray(zone, { selector: (z) => z.id, maxLength: 4 }),
  vendors: fc.uniqueArray(vendor, { selector: (v) => v.id, maxLength: 3 }),
  systems: fc.uniqueArray(system, { selector: (s) => s.id, minLength: 1, maxLength: 6 }),
  links: fc.array(link, { maxLength: 8 }),
  acceptances: fc.array(acceptance, { maxLength: 3 }),
});

type Plain = Record<string, unknown>;
type Body = Record<string, Plain[]>;

/** Resolves every reference index to a defined id: zones of systems and vendors, nodes of links and dependencies,
 * systems of `via`; drops links that would get the same default id (an ambiguity the loader rejects). */
function resolveReferences(model: Body): Body {
  const pick = (index: unknown, ids: readonly string[]) => ids[(index as number) % ids.length];
  const zones = [...model.zones.map((z) => z.id as string), 'internet', 'third-party'];
  const vendors = model.vendors.map((v) => v.id as string);
  const systems = model.systems.map((s) => s.id as string);
  const nodes = [...vendors, ...systems, 'internet'];
  for (const v of model.vendors) {
    if (v.zone !== undefined) v.zone = pick(v.zone, zones);
    const others = vendors.filter((id) => id !== v.id);
    if (Array.isArray(v.subprocessors)) {
      if (others.length === 0) delete v.subprocessors;
      else v.subprocessors = [...new Set(v.subprocessors.map((i) => pick(i, others)))];
    }
  }
  for (const s of model.systems) {
    s.zone = pick(s.zone, zones);
    if (s.vendor !== undefined) {
      if (vendors.length === 0) delete s.vendor;
      else s.vendor = pick(s.vendor, vendors);
    }
    if (Array.isArray(s.depends_on)) {
      s.depends_on = s.depends_on.map((d) => (Array.isArray(d) ? { any_of: d.map((i) => pick(i, [...vendors, ...systems])) } : pick(d, [...vendors, ...systems])));
    }
  }
  const seen = new Set<string>();
  model.links = model.links.filter((l) => {
    l.from = pick(l.from, nodes);
    l.to = pick(l.to, nodes.filter((n) => n !== 'internet'));
    if (Array.isArray(l.via)) l.via = l.via.map((i) => pick(i, systems));
    // An internet-facing system already has the implicit link `internet-to-<id>`: give explicit ones from the
    // internet a port, so their default id differs.
    if (l.from === 'internet' && l.port === undefined) l.port = 443;
    const id = `${l.from as string}-to-${l.to as string}${l.port === undefined ? '' : `-${l.port as number}`}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return model;
}

/** Structural mutations of the register model: the kinds of mistakes (or attacks) a hand-edited register carries. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('add-key' as const), key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'zone', 'links', 'ïd'), fc.string({ maxLength: 6 })), value: anyValue, at: fc.nat() }),
  fc.record({ kind: fc.constant('wrong-type' as const), field: fc.constantFrom('id', 'name', 'zone', 'trust', 'tier', 'depends_on', 'from', 'to', 'via', 'port', 'expires', 'finding', 'records', 'controls'), value: anyValue, at: fc.nat() }),
  fc.record({ kind: fc.constant('weird-id' as const), id: fc.constantFrom(...WEIRD_IDS, ...SYSTEM_IDS, ...VENDOR_IDS), field: fc.constantFrom('id', 'zone', 'from', 'to', 'vendor'), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('top-level' as const), key: fc.constantFrom('zones', 'systemz', 'policy', 'version', '__proto__'), value: anyValue }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function mutate(model: Body, change: Mutation): void {
  if (change.kind === 'top-level') {
    setOwn(model, change.key, change.value);
    return;
  }
  const lists = Object.values(model).filter((list): list is Plain[] => Array.isArray(list) && list.length > 0);
  if (lists.length === 0) return;
  const list = lists[change.at % lists.length];
  const index = change.at % list.length;
  const entity = list[index];
  if (typeof entity !== 'object' || entity === null) return;
  if (change.kind === 'delete') list.splice(index, 1);
  else if (change.kind === 'duplicate') list.push({ ...entity });
  else if (change.kind === 'weird-id') setOwn(entity, change.field, change.id);
  else setOwn(entity, change.kind === 'add-key' ? change.key : change.field, change.value);
}

/** Text-level damage: YAML syntax in the wrong place, control characters, bytes that are not UTF-8, truncation. */
const FRAGMENTS = ['&a ', '*a', '*nope', '!!binary ', '!!js/function ', '<<: *a\n', '{', '}', '[', ']', ': ', '- ', '\t', '\n', '#',
  '"', "'", '|\n', '>-\n', '%YAML 1.1\n', '---\n', '...\n', '? ', '@', '`', '\u0000', '\u001b[31m', '\uFEFF', 'é', '😀',
  '\r\n', '  ', 'zones:\n', '- id: x\n'];
const position = fc.double({ min: 0, max: 1, noNaN: true });
const textDamage = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 3 }).map((p) => p.join('')) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('bytes' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
);
type TextDamage = typeof textDamage extends fc.Arbitrary<infer T> ? T : never;

function damage(bytes: Uint8Array, change: TextDamage): Uint8Array {
  const at = Math.floor(change.at * bytes.length);
  if (change.kind === 'truncate') return bytes.slice(0, at);
  if (change.kind === 'delete') return new Uint8Array([...bytes.slice(0, at), ...bytes.slice(at + change.length)]);
  const inserted = change.kind === 'bytes' ? change.bytes : new TextEncoder().encode(change.text);
  return new Uint8Array([...bytes.slice(0, at), ...inserted, ...bytes.slice(at)]);
}

interface FuzzRegister { files: Map<string, Uint8Array> }

function yamlBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(stringify(value, { aliasDuplicateObjects: false }));
}

/** About half the registers are left coherent; the rest get mutations, text damage, or both. */
const chaos = fc.record({
  mutations: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) }),
  damage: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.record({ file: fc.nat(), change: textDamage }), { minLength: 1, maxLength: 2 }) }),
});

/** A register: sidedoor.yaml plus the body split across two files. */
const fuzzRegister: fc.Arbitrary<FuzzRegister> = fc.record({ config, body, split: fc.nat(), chaos }).map(({ config: settings, body: model, split, chaos: { mutations, damage: damages } }) => {
  const mutable = resolveReferences(structuredClone(model) as unknown as Body);
  for (const change of mutations) mutate(mutable, change);
  const first: Body = {};
  const second: Body = {};
  for (const [key, list] of Object.entries(mutable)) {
    if (!Array.isArray(list)) {
      setOwn(first, key, list);
      continue;
    }
    const cut = list.length === 0 ? 0 : split % (list.length + 1);
    if (cut > 0) first[key] = list.slice(0, cut);
    if (cut < list.length) second[key] = list.slice(cut);
  }
  const names = ['sidedoor.yaml', 'register.yaml', 'more/extra.yml'];
  const contents = [yamlBytes(settings), yamlBytes(first), yamlBytes(second)];
  for (const { file, change } of damages) contents[file % 3] = damage(contents[file % 3], change);
  return { files: new Map(names.map((name, i) => [name, contents[i]])) };
});

// --- the in-process pipeline -----------------------------------------------------------------------------------

interface Outcome {
  valid: boolean;
  findingIds: string[];
  failsAtHigh: boolean;
}

const ROOT = '/fuzz-register';

/** Loads (files in the given order), checks every diagnostic or finding is sound, renders, returns the outcome. */
function loadAndScan(files: Map<string, Uint8Array>, order: 'sorted' | 'reversed' = 'sorted', formats: 'all' | 'json' = 'all'): Outcome & { json?: string } {
  const names = [...files.keys()].sort();
  if (order === 'reversed') names.reverse();
  const loaded = assembleRegister(ROOT, names.map((file) => ({ file, bytes: files.get(file) as Uint8Array })));
  // Checked with plain conditions and one expect: thousands of runs, each with many diagnostics and findings.
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const d of loaded.diagnostics) {
    if (!names.includes(d.file) || !(d.line >= 1) || !(d.column >= 1) || d.message.length === 0) problems.push(`diagnostic ${JSON.stringify(d)}`);
    // Each diagnostic once: the same message at the same place twice is noise that hides the rest.
    const key = `${d.file}:${d.line}:${d.column}  ${d.message}`;
    if (seen.has(key)) problems.push(`diagnostic twice: ${key}`);
    seen.add(key);
  }
  if (!loaded.register) {
    if (!loaded.diagnostics.some((d) => d.severity === 'error')) problems.push('an invalid register without an error');
    expect(problems).toEqual([]);
    return { valid: false, findingIds: [], failsAtHigh: false };
  }
  const outcome = runScan(loaded.register, { today: TODAY });
  const ids = outcome.findings.map((f) => f.id);
  if (new Set(ids).size !== ids.length) problems.push(`duplicate finding ids: ${ids.join(' ')}`);
  for (const finding of outcome.findings) {
    if (!finding.id.startsWith(`${finding.rule}:`) || !names.includes(finding.location.file) || !(finding.location.line >= 1)) {
      problems.push(`finding ${finding.id} at ${JSON.stringify(finding.location)}`);
    }
  }
  expect(problems).toEqual([]);
  const result = buildScanResult(loaded.register, outcome.findings, outcome.remediations, { today: TODAY, rootLabel: '.' });
  const options = { rules: RULES.map((rule) => rule.meta), failOn: 'high' as const, uriBase: '', color: true, width: 100 };
  let json = '';
  for (const [format, reporter] of reporters) {
    if (formats === 'json' && format !== 'json') continue;
    const text = reporter(result, options);
    if (format === 'json') json = text;
  }
  expect(JSON.parse(json).findings.map((f: { id: string }) => f.id)).toEqual(ids);
  const failsAtHigh = outcome.findings.some((f) => f.status === 'open' && severityRank(f.severity) <= severityRank('high'));
  return { valid: true, findingIds: ids, failsAtHigh, json };
}

// The case counts live in test/support/case-counts.ts; each chunk is a test with its own seed, so the strength (the
// total number of registers) is unchanged while no single test comes near its timeout.
const SEED = 20261206;
const CLI_SEED = 20261207;
/** The CLI cross-check's registers, drawn once (shared by its chunks). */
const cliSamples = fc.sample(fuzzRegister, { numRuns: FUZZ.cliRegisters, seed: CLI_SEED });

describe('fuzz: random and damaged registers', () => {
  it.each(chunkRanges(FUZZ.inProcessRegisters, FUZZ.inProcessChunks))(
    'the loader, the scan engine and every reporter never throw, and explain or scan every register (in-process, chunk $label)',
    ({ index, start, end }) => {
      let valid = 0;
      fc.assert(fc.property(fuzzRegister, (register) => {
        const sorted = loadAndScan(register.files);
        if (sorted.valid) valid += 1;
        // Nothing in any output may depend on the order files are read in.
        const reversed = loadAndScan(register.files, 'reversed', 'json');
        expect(reversed.json).toBe(sorted.json);
      }), { numRuns: end - start, seed: SEED + index });
      // The generator must reach the scan engine often enough for the property to mean something (a third or more).
      expect(valid).toBeGreaterThan((end - start) / 3);
    },
  );

  it.each(chunkRanges(FUZZ.cliRegisters, FUZZ.cliChunks))(
    'the built CLI exits 0, 1 or 2 as the in-process run predicts, in bounded time and without a stack trace (chunk $label)',
    async ({ start, end }) => {
      const base = mkdtempSync(join(tmpdir(), 'sidedoor-fuzz-'));
      const tasks = cliSamples.slice(start, end).map((register, n) => async () => {
        const dir = join(base, String(n));
        for (const [file, bytes] of register.files) {
          mkdirSync(dirname(join(dir, file)), { recursive: true });
          writeFileSync(join(dir, file), bytes);
        }
        return { register, run: await runBoundedAsync(['scan', '--register', dir, '--no-cache', '--format', 'json', '--today', TODAY]) };
      });
      let scanned = 0;
      for (const { register, run } of await inBatches(tasks, PARALLEL_RUNS)) {
        expectCleanRun(run);
        const expected = loadAndScan(register.files, 'sorted', 'json');
        if (!expected.valid) {
          expect(run.code, run.stdout).toBe(2);
          expect(run.stderr).toMatch(/^(sidedoor\.yaml|register\.yaml|more\/extra\.yml):\d+:\d+ {2}\S/m);
          continue;
        }
        scanned += 1;
        expect(run.code, run.stderr).toBe(expected.failsAtHigh ? 1 : 0);
        expect((JSON.parse(run.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id)).toEqual(expected.findingIds);
      }
      // Each chunk must reach the scan through the CLI, not only refusals (a fifth or more).
      expect(scanned).toBeGreaterThan((end - start) / 5);
      rmSync(base, { recursive: true, force: true });
    },
  );
});
