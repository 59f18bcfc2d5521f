// One XLSX workbook → one Table per sheet. The zip is inspected and bounded first (zip-guard.ts); only then does
// exceljs, loaded only by the import and export commands, parse it. Cells are reduced to plain values: the cached
// result of a formula (never evaluated), the text of rich text and hyperlinks, and dates as dates.

import type { CellValue, SourceRow, Table } from './table.js';
import type { ImportLimits } from './limits.js';
import { LimitError } from './limits.js';
import { inspectWorkbookZip } from './zip-guard.js';

export async function loadExcelJs(): Promise<typeof import('exceljs')> {
  const module = await import('exceljs');
  return (module as unknown as { default?: typeof import('exceljs') }).default ?? module;
}

export async function readXlsx(file: string, bytes: Uint8Array, limits: ImportLimits, headerRows: (sheet: string) => number): Promise<Table[]> {
  inspectWorkbookZip(file, bytes, limits);
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (e) {
    throw new LimitError(file, `this workbook cannot be read: ${(e as Error).message}`);
  }
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  const tables: Table[] = [];
  for (const worksheet of workbook.worksheets) {
    const headerRow = headerRows(worksheet.name);
    const rows: SourceRow[] = [];
    let headers: string[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber < headerRow) return;
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = plainValue(cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      if (rowNumber === headerRow) headers = cells.map((c) => (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim()));
      else rows.push({ row: rowNumber, cells });
    });
    tables.push({ file, sheet: worksheet.name, title: worksheet.name, headerRow, headers, rows, date1904 });
  }
  return tables;
}

function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('');
    if ('result' in v || 'formula' in v || 'sharedFormula' in v) return plainValue(v.result);
    if ('text' in v) return plainValue(v.text);
    if ('error' in v) return null;
  }
  return null;
}
