// Sheets → CSV text, one file per sheet: UTF-8 with a BOM (so Excel reads the accents), comma-separated, CRLF, fields
// quoted when they must be (RFC 4180). Every text from the register goes through inertText first, so a name such as
// `=HYPERLINK(…)` is written `'=HYPERLINK(…)` and no spreadsheet evaluates it (the OWASP CSV-injection rule).

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

export function csvText(sheet: Sheet): string {
  const lines = [sheet.columns.map((c) => quote(c)).join(','), ...sheet.rows.map((row) => row.map(field).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** `Accepted risks` → `accepted-risks.csv`. */
export function csvFileName(sheet: Sheet): string {
  return `${slugId(sheet.name)}.csv`;
}
