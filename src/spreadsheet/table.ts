// The shape every spreadsheet reader produces: a table of cells with enough provenance to name any cell the way the
// user sees it (`vendors.xlsx:Fournisseurs!D12` in a workbook, `vendors.csv:12:4` in a CSV file).

/** What a cell can hold once read: text, a number, a boolean, or a date (an XLSX date cell, as a UTC day). */
export type CellValue = string | number | boolean | Date | null;

export interface SourceRow {
  /** 1-based row number in the sheet (XLSX), or the CSV line the record starts on. */
  row: number;
  cells: CellValue[];
}

export interface Table {
  /** The file name as given on the command line (its base name), used in every location. */
  file: string;
  /** The sheet name for a workbook; undefined for CSV. */
  sheet?: string;
  /** What names the table's kind: the sheet name, or the CSV file name without extension. */
  title: string;
  headerRow: number;
  headers: string[];
  rows: SourceRow[];
  /** The workbook counts days from 1904 (old Mac Excel): plain numbers in date columns are read that way. */
  date1904: boolean;
}

/** A cell's place, for error messages and source comments. `column` is 1-based; 0 means the whole row. */
export interface CellRef {
  table: Table;
  row: number;
  column: number;
}

/** `A`, `Z`, `AA`…: the spreadsheet column letters of a 1-based column number. */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Where the user finds this cell: `vendors.xlsx:Fournisseurs!D12` or `vendors.csv:12:4`. */
export function formatCellRef(ref: CellRef): string {
  const { table } = ref;
  if (table.sheet === undefined) return `${table.file}:${ref.row}${ref.column > 0 ? `:${ref.column}` : ''}`;
  return `${table.file}:${sheetLabel(table.sheet)}!${ref.column > 0 ? columnLetters(ref.column) : 'A'}${ref.row}`;
}

/** A sheet name as a formula would write it: quoted when it holds anything but letters, digits and `_`. */
export function sheetLabel(sheet: string): string {
  return /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** The comment written above each imported entity: `vendors.xlsx, sheet Fournisseurs, row 12`. */
export function describeRow(table: Table, row: number): string {
  return table.sheet === undefined ? `${table.file}, line ${row}` : `${table.file}, sheet ${table.sheet}, row ${row}`;
}

/** A table's name in messages and the mapping file: `vendors.csv`, or `vendors.xlsx!Fournisseurs`. */
export function tableLabel(table: Pick<Table, 'file' | 'sheet'>): string {
  return table.sheet === undefined ? table.file : `${table.file}!${table.sheet}`;
}

export interface ImportProblem {
  where: string;
  message: string;
  severity: 'error' | 'note';
}
