// What it must show #1: the two sample spreadsheets of samples/import/ import into registers that validate and scan,
// and the same input gives byte-identical files.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { listFiles } from './helpers.js';

const FR = join(REPO_ROOT, 'samples', 'import', 'fr');
const EN = join(REPO_ROOT, 'samples', 'import', 'en', 'vendor-register.xlsx');
const frFiles = () => readdirSync(FR).filter((f) => f.endsWith('.csv')).sort().map((f) => join(FR, f));

function importTo(files: string[], extra: string[] = []) {
  const out = join(mkdtempSync(join(tmpdir(), 'sidedoor-import-')), 'register');
  return { out, run: runCli(['import', ...files, '--out', out, ...extra]) };
}

/** Validates the imported register, scans it, and checks that both samples import whole (40 vendors, 80 systems and
 * 100 links at least); returns the scan. */
function validatedScan(register: string) {
  expect(runCli(['validate', '--register', register, '--no-cache']).code).toBe(0);
  const run = runCli(['scan', '--register', register, '--today', '2026-01-15', '--format', 'json', '--no-cache']);
  expect([0, 1]).toContain(run.code);
  const scan = JSON.parse(run.stdout) as { register: { vendors: number; systems: number; links: number }; findings: unknown[] };
  expect(scan.register.vendors).toBeGreaterThanOrEqual(40);
  expect(scan.register.systems).toBeGreaterThanOrEqual(80);
  expect(scan.register.links).toBeGreaterThanOrEqual(100);
  return scan;
}

describe('sample spreadsheets', () => {
  it('the French Windows-1252 CSV set imports, validates and scans', () => {
    const bytes = readFileSync(join(FR, 'fournisseurs.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(bytes.toString('latin1').split('\r\n')[0]).toContain(';');
    const { out, run } = importTo(frFiles());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('fournisseurs.csv  note: not valid UTF-8: read as Windows-1252');
    const scan = validatedScan(out);
    expect(scan.findings.length).toBeGreaterThan(0);
    const systems = readFileSync(join(out, 'systems.yaml'), 'utf8');
    // Windows-1252 0x92 is the typographic apostrophe; ids are folded to ASCII; references by name resolved.
    expect(systems).toContain('name: "Bastion d’administration"');
    expect(systems).toContain('id: bastion-d-administration');
    expect(systems).toContain('# systemes.csv, line 3');
    expect(readFileSync(join(out, 'vendors.yaml'), 'utf8')).toMatch(/notes: "Contrat renouvelé; revue en comité\\nvoir le dossier/);
  });

  it('the English multi-sheet workbook with Excel dates imports, validates and scans', () => {
    const { out, run } = importTo([EN]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("vendor-register.xlsx!Read me  note: skipped: 'Read me' does not name a table kind");
    validatedScan(out);
    const vendors = readFileSync(join(out, 'vendors.yaml'), 'utf8');
    expect(vendors).toContain('# vendor-register.xlsx, sheet Suppliers, row 2');
    expect(vendors).toMatch(/end: "20\d\d-\d\d-\d\d"/);
  });

  it('the same input gives byte-identical files, in both layouts', () => {
    for (const layout of ['kind', 'vendor']) {
      const a = importTo(frFiles(), ['--layout', layout]);
      const b = importTo(frFiles(), ['--layout', layout]);
      expect(a.run.code).toBe(0);
      const files = listFiles(a.out);
      expect(listFiles(b.out)).toEqual(files);
      if (layout === 'vendor') expect(files.some((f) => f.startsWith('vendors/'))).toBe(true);
      for (const f of files) expect(readFileSync(join(b.out, f))).toEqual(readFileSync(join(a.out, f)));
    }
  });
});
