// Shared by the spreadsheet tests: write workbooks with exceljs, list what a directory holds.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadExcelJs } from '../../src/spreadsheet/read-xlsx.js';

export type Row = (string | number | boolean | Date | null)[];

/** A workbook with one sheet per entry, the first row of each being its header. */
export async function workbook(sheets: Record<string, Row[]>): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

/** Every file below `dir`, relative, sorted; [] when it does not exist. */
export function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path).map((f) => `${name}/${f}`) : [name];
  }).sort();
}
