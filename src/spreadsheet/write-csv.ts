// Sheets → CSV text, one file per sheet: UTF-8 with a BOM (so Excel reads the accents), comma-separated, CRLF, fields
// quoted when they must be (RFC 4180). Every text from the register goes through inertText first, so a name such as
// `=HYPERLINK(…)` is written `'=HYPERLINK(…)` and no spreadsheet evaluates it (the OWASP CSV-injection rule).
// The export writes csvLines, line by line; csvText is the same bytes as one string.

import type { Sheet, SheetCell } from './export-sheets.js';
import { inertText } from './values.js';
import { slugId } from './assign-ids.js';

function field(cell: SheetCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.date;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return quote(inertText(cell));
}

function quote(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file in pieces, a line each (the first behind the BOM), so a big sheet is written without being held whole. */
export function* csvLines(sheet: Sheet): Generator<string> {
  yield `\ufeff${sheet.columns.map((c) => quote(c)).join(',')}\r\n`;
  for (const row of sheet.rows) yield `${row.map(field).join(',')}\r\n`;
}

export function csvText(sheet: Sheet): string {
  return [...csvLines(sheet)].join('');
}

/** `Accepted risks` → `accepted-risks.csv`. */
export function csvFileName(sheet: Sheet): string {
  return `${slugId(sheet.name)}.csv`;
}
