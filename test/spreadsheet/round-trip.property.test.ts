// What it must show #4: export a generated register to a workbook (and to CSV), import it back, and the register has
// the same entities and fields, and the scan the same findings. In process: the register loader on in-memory files,
// the export's sheets and writers, the import's pure half.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { assembleRegister } from '../../src/register/load-register.js';
import type { Register } from '../../src/register/types.js';
import { runScan } from '../../src/scan/run-scan.js';
import { buildScanResult } from '../../src/scan/scan-result.js';
import { exportSheets } from '../../src/spreadsheet/export-sheets.js';
import { xlsxBytes } from '../../src/spreadsheet/write-xlsx.js';
import { csvFileName, csvText } from '../../src/spreadsheet/write-csv.js';
import { importSpreadsheets } from '../../src/spreadsheet/import-register.js';

const TODAY = '2026-03-01';

// Text as people write it, with the characters that matter here: accents, typographic quotes, formula prefixes,
// quotes, separators, line feeds and tabs inside. Cells are trimmed on import and an empty cell is an absent field,
// so texts are non-empty and trimmed; a carriage return becomes a line feed in a workbook's XML, so none is drawn.
const CHARS = [...'abcXYZ éÉ’«»€ =+-@\'"<>;,|:#&0123\n\t'];
const text = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 14 }).map((a) => a.join(''))
  .filter((s) => s.trim() === s && s !== '');
const tag = text.filter((s) => !/[;\n]/.test(s));
const date = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const level = fc.constantFrom('low', 'medium', 'high', 'critical');
const dataClass = fc.constantFrom('public', 'internal', 'confidential', 'restricted');

function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0))) as T;
}

const registerArb = fc.record({
  zoneCount: fc.integer({ min: 0, max: 3 }),
  vendorCount: fc.integer({ min: 0, max: 4 }),
  systemCount: fc.integer({ min: 1, max: 6 }),
  seed: fc.integer(),
}).chain(({ zoneCount, vendorCount, systemCount }) => {
  const zoneIds = Array.from({ length: zoneCount }, (_, i) => `z${i}`);
  const vendorIds = Array.from({ length: vendorCount }, (_, i) => `v${i}`);
  const systemIds = Array.from({ length: systemCount }, (_, i) => `s${i}`);
  const allZones = [...zoneIds, 'third-party', 'internet'];
  const nodes = [...vendorIds, ...systemIds];
  const zone = fc.record({ trust: fc.integer({ min: 0, max: 4 }), name: opt(text), description: opt(text) });
  const vendor = fc.record({
    name: text, tier: level, zone: opt(fc.constantFrom(...allZones)), owner: opt(text), country: opt(fc.constantFrom('FR', 'DE', 'US')),
    identifiers: opt(fc.record({ siren: opt(fc.constantFrom('123456789', '000000001')), vat: opt(text) })),
    contacts: opt(fc.array(fc.record({ name: text, email: text, role: fc.constantFrom('security', 'account', 'dpo', 'support', 'other'), phone: opt(text) }), { maxLength: 2 })),
    contract: opt(fc.record({ ref: opt(text), start: opt(date), end: date, notice_days: opt(fc.nat(400)), audit_rights: opt(fc.boolean()), breach_notification_hours: opt(fc.constantFrom(24, 72, 0.5)) })),
    assessments: opt(fc.array(fc.record({ date, kind: fc.constantFrom('soc2', 'iso27001', 'pentest', 'sig-lite'), result: fc.constantFrom('pass', 'conditional', 'fail'), expires: opt(date), evidence: opt(text) }), { maxLength: 2 })),
    certifications: opt(fc.array(fc.record({ name: text, expires: opt(date) }), { maxLength: 2 })),
    subprocessors: opt(fc.subarray(vendorIds)),
    data: opt(dataClass), substitutability: opt(fc.constantFrom('easy', 'medium', 'hard', 'none')), exit_plan: opt(fc.boolean()), notes: opt(text),
  });
  const system = fc.record({
    name: text, zone: fc.constantFrom(...allZones),
    kind: opt(fc.constantFrom('application', 'database', 'firewall', 'saas', 'jump-host')),
    vendor: vendorIds.length === 0 ? fc.constant(undefined) : opt(fc.constantFrom(...vendorIds)),
    owner: opt(text), criticality: opt(level), data: opt(dataClass), records: opt(fc.nat(1_000_000)), internet_facing: opt(fc.boolean()),
    end_of_support: opt(date), enforcement: opt(fc.boolean()), redundant: opt(fc.boolean()),
    controls: opt(fc.record({ mfa: opt(fc.boolean()), backups: opt(fc.boolean()) })),
    depends_on: opt(fc.array(fc.oneof(fc.constantFrom(...nodes), fc.record({ any_of: fc.subarray(nodes, { minLength: 1 }) })), { maxLength: 2 })),
    tags: opt(fc.array(tag, { maxLength: 3 })), description: opt(text),
  });
  const link = fc.record({
    explicitId: fc.boolean(), from: fc.constantFrom(...nodes, 'internet'), to: fc.constantFrom(...nodes),
    kind: opt(fc.constantFrom('network', 'remote-access', 'credential')), protocol: opt(fc.constantFrom('https', 'http', 'ssh', 'smb')),
    port: opt(fc.constantFrom(22, 443, 445)), auth: opt(fc.constantFrom('none', 'password', 'mfa')), encrypted: opt(fc.boolean()),
    via: opt(fc.subarray(systemIds, { maxLength: Math.min(2, systemIds.length) })), bidirectional: opt(fc.boolean()), on_demand: opt(fc.boolean()),
    purpose: opt(text), ticket: opt(text),
  });
  const acceptance = fc.record({
    finding: fc.constantFrom('plaintext-protocol:*', 'assessment-overdue:*', 'weak-authentication:*:*'), reason: text, approved_by: text, expires: date, ticket: opt(text),
  });
  return fc.record({
    organization: opt(text),
    zones: fc.tuple(...zoneIds.map(() => zone)),
    vendors: fc.tuple(...vendorIds.map(() => vendor)),
    systems: fc.tuple(...systemIds.map(() => system)),
    links: fc.array(link, { maxLength: 8 }),
    acceptances: fc.array(acceptance, { maxLength: 2 }),
    plaintextOff: fc.boolean(),
  }).map((r) => {
    const seen = new Set<string>();
    const links = r.links.filter((l) => l.from !== l.to).flatMap((l, i) => {
      const { explicitId, ...rest } = l;
      const fallback = `${l.from}-to-${l.to}${l.port === undefined ? '' : `-${l.port}`}`;
      if (l.from === 'internet' && !explicitId) return []; // would take the implicit internet edge's id
      const id = explicitId ? `link-${i}` : fallback;
      if (seen.has(id) || seen.has(fallback)) return [];
      seen.add(id);
      seen.add(fallback);
      return [compact({ ...(explicitId ? { id } : {}), ...rest, via: rest.via?.filter((v) => v !== l.from && v !== l.to) })];
    });
    return {
      config: compact({ version: 1, organization: r.organization, rules: r.plaintextOff ? { 'plaintext-protocol': 'off' } : undefined }),
      entities: {
        zones: r.zones.map((z, i) => compact({ id: zoneIds[i], ...z })),
        vendors: r.vendors.map((v, i) => compact({ id: vendorIds[i], ...v, subprocessors: v.subprocessors?.filter((s) => s !== vendorIds[i]), contract: v.contract && compact(v.contract), identifiers: v.identifiers && compact(v.identifiers) })),
        systems: r.systems.map((s, i) => compact({ id: systemIds[i], ...s, controls: s.controls && compact(s.controls), depends_on: s.depends_on?.filter((d) => d !== systemIds[i]) })),
        links,
        acceptances: r.acceptances.map(compact),
      },
    };
  });
});

function load(files: Record<string, string>): Register {
  const loaded = assembleRegister('/virtual', Object.entries(files).map(([file, text]) => ({ file, bytes: Buffer.from(text) })));
  if (!loaded.register) throw new Error(loaded.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'));
  return loaded.register;
}

/** Everything a register says, without where it says it. */
function essence(register: Register) {
  const strip = (value: unknown): unknown => {
    if (value instanceof Map) return [...value].map(([k, v]) => [k, strip(v)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    if (Array.isArray(value)) return value.map(strip);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).filter(([k]) => !['loc', 'fieldLocs', 'isAnyOf'].includes(k)).map(([k, v]) => [k, strip(v)]));
    }
    return value;
  };
  const acceptances = (strip(register.acceptances) as unknown[]).map((a) => JSON.stringify(a)).sort();
  return { zones: strip(register.zones), vendors: strip(register.vendors), systems: strip(register.systems), links: strip(register.links), acceptances, config: strip(register.config) };
}

function scan(register: Register) {
  const outcome = runScan(register, { today: TODAY });
  return buildScanResult(register, outcome.findings, outcome.remediations, { today: TODAY, rootLabel: '.' });
}

const findingsOf = (register: Register) => scan(register).findings.map((f) => [f.id, f.severity, f.status, f.title].join('|')).sort();

describe('export then import gives back the same register', () => {
  it('through a workbook and through CSV, on generated registers', async () => {
    await fc.assert(fc.asyncProperty(registerArb, async ({ config, entities }) => {
      const original = load({ 'sidedoor.yaml': stringify(config), 'register.yaml': stringify(entities) });
      const sheets = exportSheets(original, scan(original));
      const workbook = await xlsxBytes(sheets, TODAY);
      const viaCsv = sheets.map((s) => ({ name: csvFileName(s), bytes: Buffer.from(csvText(s), 'utf8') }));
      for (const inputs of [[{ name: 'register.xlsx', bytes: workbook }], viaCsv]) {
        const imported = await importSpreadsheets(inputs);
        const errors = imported.problems.filter((p) => p.severity === 'error');
        expect(errors).toEqual([]);
        const back = load(Object.fromEntries((imported.files ?? []).map((f) => [f.path, f.text])));
        expect(essence(back)).toEqual(essence(original));
        expect(findingsOf(back)).toEqual(findingsOf(original));
      }
    }), { numRuns: 40 });
  });
});
