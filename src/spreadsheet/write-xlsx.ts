// Sheets → an XLSX workbook: bold, frozen header rows, autofilters, column widths from the content, severities as a
// colour fill, dates as real date cells. Byte-identical for the same input: the workbook's own timestamps are set to
// the report date, and the zip entries' dates (which the zip writer takes from the clock) are rewritten to it too.
// Text from the register goes through inertText, as in CSV; a string cell is never a formula in the first place, and
// the `'` keeps it text even when someone edits the cell.

import type { Sheet, SheetCell } from './export-sheets.js';
import { inertText } from './values.js';
import { loadExcelJs } from './read-xlsx.js';

const SEVERITY_FILL: Record<string, { fill: string; font: string }> = {
  critical: { fill: 'FFC00000', font: 'FFFFFFFF' },
  high: { fill: 'FFFF6600', font: 'FF000000' },
  medium: { fill: 'FFFFC000', font: 'FF000000' },
  low: { fill: 'FF92D050', font: 'FF000000' },
  info: { fill: 'FFBDD7EE', font: 'FF000000' },
};
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Widths are measured on the first rows only: a big sheet is sized in constant time. */
const WIDTH_SAMPLE_ROWS = 2000;

/** Characters XML 1.0 cannot hold at all (C0 controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF): a
 * workbook holding one is unreadable, so each becomes U+FFFD. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function cellValue(cell: SheetCell): string | number | boolean | Date | null {
  if (cell === null) return null;
  if (typeof cell === 'object') return new Date(`${cell.date}T00:00:00Z`);
  if (typeof cell === 'string') return inertText(cell).replace(NOT_XML, '\ufffd');
  return cell;
}

function displayLength(cell: SheetCell): number {
  if (cell === null) return 0;
  if (typeof cell === 'object') return 10;
  return Math.max(...String(cell).split('\n').map((l) => l.length));
}

export async function xlsxBytes(sheets: readonly Sheet[], today: string): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  const stamp = new Date(`${today}T00:00:00Z`);
  workbook.creator = 'sidedoor';
  workbook.lastModifiedBy = 'sidedoor';
  workbook.created = stamp;
  workbook.modified = stamp;
  workbook.lastPrinted = stamp;
  for (const { rows: made, ...sheet } of sheets) {
    const rows = [...made];
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    const widths = sheet.columns.map((c) => c.length);
    rows.slice(0, WIDTH_SAMPLE_ROWS).forEach((row) => row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i], displayLength(cell));
    }));
    ws.columns = sheet.columns.map((header, i) => ({ header, key: String(i), width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[i] + 2)) }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) ws.addRow(row.map(cellValue));
    sheet.columns.forEach((_, i) => {
      if (rows.some((row) => row[i] !== null && typeof row[i] === 'object')) ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    });
    if (sheet.severityColumn !== undefined) {
      const column = sheet.severityColumn + 1;
      rows.forEach((row, r) => {
        const colours = SEVERITY_FILL[String(row[sheet.severityColumn as number])];
        if (colours === undefined) return;
        const cell = ws.getCell(r + 2, column);
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.fill } };
        cell.font = { color: { argb: colours.font }, bold: true };
      });
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: sheet.columns.length } };
  }
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer() as ArrayBuffer);
  return setZipTimestamps(bytes, stamp);
}

/** Rewrites the DOS date and time of every zip entry (local headers and central directory) to `stamp`. */
export function setZipTimestamps(zip: Buffer, stamp: Date): Buffer {
  const out = Buffer.from(zip);
  const dosTime = 0;
  const dosDate = ((Math.max(1980, stamp.getUTCFullYear()) - 1980) << 9) | ((stamp.getUTCMonth() + 1) << 5) | stamp.getUTCDate();
  let eocd = -1;
  for (let i = out.length - 22; i >= 0; i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('the zip writer produced no central directory');
  const count = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    out.writeUInt16LE(dosTime, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    const local = out.readUInt32LE(at + 42);
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
