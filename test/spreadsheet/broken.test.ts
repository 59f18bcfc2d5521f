// What it must show #3: each broken spreadsheet gives exit 2, an error located in the spreadsheet, and no file
// written. Run through the built CLI, on real files.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, writeTree } from '../helpers/run-cli.js';
import { listFiles, workbook } from './helpers.js';
import { buildZip, workbookZip } from './zip-builder.js';

const ZONES = 'id,name,trust\nlan,LAN,2\n';

function importInto(files: Record<string, string | Uint8Array>, args: string[] = []) {
  const dir = writeTree(files);
  const out = join(dir, 'register');
  const run = runCli(['import', ...Object.keys(files).map((f) => join(dir, f)), '--out', out, ...args]);
  return { ...run, written: listFiles(out) };
}

describe('sidedoor import refuses broken spreadsheets, located, writing nothing', () => {
  it('an unknown tier value, in CSV', () => {
    const run = importInto({ 'vendors.csv': 'Fournisseur;Criticité\nParkCo SAS;Critique\nAcme;Très élevé\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("vendors.csv:3:2  tier 'Très élevé' is not one of critical, high, medium, low (map it in the mapping file)");
    expect(run.stderr).toContain('nothing written');
    expect(run.written).toEqual([]);
  });

  it('an unknown tier value, in a workbook sheet', async () => {
    const bytes = await workbook({ Fournisseurs: [['Nom', 'Pays', 'Contact', 'Criticité'], ['ParkCo', 'FR', null, 'Critique'], ['Acme', 'FR', null, 'Très élevé']] });
    const run = importInto({ 'vendors.xlsx': bytes });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("vendors.xlsx:Fournisseurs!D3  tier 'Très élevé' is not one of critical, high, medium, low");
    expect(run.written).toEqual([]);
  });

  it('a dangling vendor name', () => {
    const run = importInto({
      'zones.csv': ZONES,
      'vendors.csv': 'name,tier\nParkCo SAS,high\n',
      'systems.csv': 'name,zone,vendor\nParking app,lan,ParkCo SAS\nTicketing,lan,ParkCorp\n',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/systems\.csv:3:3 {2}vendor 'ParkCorp' is not in the spreadsheet \(no id or name matches\)/);
    expect(run.written).toEqual([]);
  });

  it('a duplicate id', () => {
    const run = importInto({ 'zones.csv': ZONES, 'systems.csv': 'id,name,zone\nweb-01,Web,lan\ndb-01,DB,lan\nweb-01,Web again,lan\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("systems.csv:4:1  duplicate id 'web-01': already used at systems.csv:2:1");
    expect(run.written).toEqual([]);
  });

  it('an impossible date', () => {
    const run = importInto({ 'vendors.csv': 'Fournisseur;Criticité;Date de fin de contrat\nParkCo;Élevé;31/02/2026\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("vendors.csv:2:3  '31/02/2026' is not a real date");
    expect(run.written).toEqual([]);
  });

  it('a zip bomb that declares its size: refused from the directory, before inflating', () => {
    const bomb = workbookZip('Vendors', '<worksheet/>', [{ name: 'xl/bomb.xml', data: Buffer.from('x'), declaredSize: 0xfffffff0 }]);
    const run = importInto({ 'vendors.xlsx': bomb });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/vendors\.xlsx {2}the workbook declares \d+ bytes once uncompressed, over the \d+-byte limit \(a zip bomb\?\)/);
    expect(run.written).toEqual([]);
  });

  it('a zip bomb that lies about its size: refused while inflating, at the declared size', () => {
    const bomb = workbookZip('Vendors', '<worksheet/>', [{ name: 'xl/bomb.xml', data: Buffer.alloc(20 * 1024 * 1024), declaredSize: 1000 }]);
    expect(bomb.length).toBeLessThan(100_000);
    const run = importInto({ 'vendors.xlsx': bomb });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('vendors.xlsx  zip entry xl/bomb.xml inflates to more than the 1000 bytes it declares (a zip bomb?)');
    expect(run.written).toEqual([]);
  });

  it('a zip with too many entries', () => {
    const entries = Array.from({ length: 1001 }, (_, i) => ({ name: `xl/e${i}.xml`, data: Buffer.from('<a/>') }));
    const run = importInto({ 'vendors.xlsx': buildZip(entries) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('vendors.xlsx  the workbook has 1001 zip entries, over the 1000-entry limit');
  });

  it('a 200,000-row sheet, over the row limit', () => {
    const rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>tier</t></is></c></row>'];
    for (let r = 2; r <= 200_001; r++) rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>v${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>low</t></is></c></row>`);
    const big = workbookZip('Vendors', `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`);
    const run = importInto({ 'vendors.xlsx': big });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('vendors.xlsx:Vendors!A100002  the sheet has more than 100000 rows, over the limit; raise it with --max-rows');
    expect(run.written).toEqual([]);
  });

  it('a CSV over the row limit', () => {
    const run = importInto({ 'vendors.csv': `name,tier\n${'Acme,low\n'.repeat(11)}` }, ['--max-rows', '10']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('vendors.csv:12  the file has more than 10 rows, over the limit');
    expect(run.written).toEqual([]);
  });

  it('an existing file is never overwritten without --force', () => {
    const dir = writeTree({ 'vendors.csv': 'name,tier\nAcme,low\n', 'register/sidedoor.yaml': 'version: 1\n' });
    const out = join(dir, 'register');
    const refused = runCli(['import', join(dir, 'vendors.csv'), '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/this file already exists: .*sidedoor\.yaml; nothing written \(use --force to overwrite\)/);
    expect(listFiles(out)).toEqual(['sidedoor.yaml']);
    const forced = runCli(['import', join(dir, 'vendors.csv'), '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(listFiles(out)).toEqual(['sidedoor.yaml', 'vendors.yaml']);
  });

  it('a sheet name with a line break cannot break out of the source comment', async () => {
    const ExcelJS = (await import('../../src/spreadsheet/read-xlsx.js')).loadExcelJs;
    const wb = new (await ExcelJS()).Workbook();
    wb.addWorksheet('Vendors').addRow(['name', 'tier']);
    wb.getWorksheet('Vendors')!.addRow(['Acme', 'low']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer() as ArrayBuffer);
    // Excel forbids such names, a hand-made workbook does not: rename the sheet inside the zip's XML.
    const { buildZip } = await import('./zip-builder.js');
    const { inspectWorkbookZip } = await import('../../src/spreadsheet/zip-guard.js');
    const { DEFAULT_IMPORT_LIMITS } = await import('../../src/spreadsheet/limits.js');
    const entries = [...inspectWorkbookZip('x.xlsx', bytes, DEFAULT_IMPORT_LIMITS)].map(([name, data]) => ({
      name, data: name === 'xl/workbook.xml' ? Buffer.from(data.toString('utf8').replace('name="Vendors"', 'name="Vendors&#10;  - injected"')) : data,
    }));
    const dir = writeTree({ 'vendors.xlsx': buildZip(entries) });
    const out = join(dir, 'register');
    const run = runCli(['import', join(dir, 'vendors.xlsx'), '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(join(out, 'vendors.yaml'), 'utf8');
    expect(text).toContain('  # vendors.xlsx, sheet Vendors\\u{a}  - injected, row 2\n  - id: acme');
    expect(text).not.toMatch(/^ {2}- injected/m);
  });

  it('a loader error on the generated register is put back on its cell', () => {
    const run = importInto({ 'vendors.csv': 'name,tier,country\nAcme,low,France\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("vendors.csv:2:3  vendor 'acme': `country` must be an ISO 3166-1 alpha-2 code such as FR");
    expect(run.written).toEqual([]);
  });
});
