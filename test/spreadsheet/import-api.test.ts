// The import's pure half on workbooks built in memory: what a cell becomes, and where each entity is written.

import { describe, expect, it } from 'vitest';
import { importSpreadsheets } from '../../src/spreadsheet/import-register.js';
import { loadExcelJs } from '../../src/spreadsheet/read-xlsx.js';

async function workbookWith(build: (wb: import('exceljs').Workbook) => void): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

describe('importSpreadsheets', () => {
  it('reads a formula as its cached result (never evaluating it), rich text and hyperlinks as their text, dates as days', async () => {
    const bytes = await workbookWith((wb) => {
      const ws = wb.addWorksheet('Vendors');
      ws.addRow(['Name', 'Tier', 'Notes', 'Contract end', 'Exit plan', 'Owner']);
      ws.addRow([
        { richText: [{ text: 'Park' }, { text: 'Co', font: { bold: true } }] },
        { formula: 'IF(TRUE,"high","low")', result: 'high' },
        { text: 'see the contract', hyperlink: 'https://example.com/contract' },
        new Date('2027-06-30T00:00:00Z'),
        true,
        { formula: 'WEBSERVICE("http://evil.example")', result: 'Mobility' },
      ]);
    });
    const result = await importSpreadsheets([{ name: 'v.xlsx', bytes }]);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const vendors = result.files!.find((f) => f.path === 'vendors.yaml')!.text;
    expect(vendors).toBe([
      'vendors:', '  # v.xlsx, sheet Vendors, row 2', '  - id: parkco', '    name: ParkCo', '    tier: high', '    owner: Mobility',
      '    contract:', '      end: "2027-06-30"', '    exit_plan: true', '    notes: see the contract', '',
    ].join('\n'));
  });

  it('with --layout vendor, a vendor\'s file holds its systems and the links that start from them', async () => {
    const bytes = await workbookWith((wb) => {
      wb.addWorksheet('Zones').addRows([['Id', 'Trust'], ['lan', 2], ['dc', 3]]);
      wb.addWorksheet('Vendors').addRows([['Name', 'Tier'], ['ParkCo', 'high']]);
      wb.addWorksheet('Systems').addRows([['Name', 'Zone', 'Vendor'], ['Parking app', 'lan', 'ParkCo'], ['File server', 'dc', null]]);
      wb.addWorksheet('Links').addRows([['From', 'To', 'Protocol', 'Port'], ['Parking app', 'File server', 'smb', 445], ['File server', 'Parking app', 'https', 443], ['ParkCo', 'Parking app', 'rdp', 3389]]);
    });
    const result = await importSpreadsheets([{ name: 'r.xlsx', bytes }], { layout: 'vendor' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.files!.map((f) => f.path)).toEqual(['sidedoor.yaml', 'links.yaml', 'systems.yaml', 'vendors/parkco.yaml', 'zones.yaml']);
    const parkco = result.files!.find((f) => f.path === 'vendors/parkco.yaml')!.text;
    expect(parkco).toContain('  - id: parking-app\n');
    expect(parkco).toContain('  - from: parking-app\n    to: file-server\n    protocol: smb\n    port: 445\n');
    expect(parkco).toContain('  - from: parkco\n    to: parking-app\n    protocol: rdp\n    port: 3389\n');
    expect(result.files!.find((f) => f.path === 'links.yaml')!.text).toContain('  - from: file-server\n    to: parking-app\n');
    expect(result.register!.links.filter((l) => !l.implicit).map((l) => l.id)).toEqual(['file-server-to-parking-app-443', 'parkco-to-parking-app-3389', 'parking-app-to-file-server-445']);
  });

  it('a name shared by a vendor and a system must be written as an id', async () => {
    const bytes = await workbookWith((wb) => {
      wb.addWorksheet('Vendors').addRows([['Name', 'Tier'], ['Salesforce', 'high']]);
      wb.addWorksheet('Systems').addRows([['Id', 'Name', 'Zone'], ['crm', 'Salesforce', 'third-party']]);
      wb.addWorksheet('Links').addRows([['From', 'To'], ['Salesforce', 'crm']]);
    });
    const result = await importSpreadsheets([{ name: 'r.xlsx', bytes }]);
    expect(result.files).toBeUndefined();
    expect(result.problems).toContainEqual({ where: 'r.xlsx:Links!A2', message: "'Salesforce' names more than one vendor or system (crm, salesforce); write the id instead", severity: 'error' });
  });
});
