// One CSV file → one Table. The delimiter (`,`, `;` or tab) is detected on the header line, quoted fields may span
// lines, and each record keeps the line it starts on so errors point at `file.csv:LINE:COLUMN`. Parsing is
// csv-parse's, loaded only when a CSV is imported.

import type { CellValue, SourceRow, Table } from './table.js';
import { decodeText } from './decode-text.js';
import type { ImportLimits } from './limits.js';
import { LimitError } from './limits.js';

export interface CsvRead {
  table: Table;
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter that splits the first line (outside quotes) most often; `,` on a tie. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if ((counts.get(d) as number) > (counts.get(best) as number)) best = d;
  return best;
}

export async function readCsv(file: string, bytes: Uint8Array, title: string, limits: ImportLimits, headerRow = 1): Promise<CsvRead> {
  const { parse } = await import('csv-parse/sync');
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    records = parse(text, {
      delimiter, info: true, relax_column_count: true, skip_empty_lines: true, to: limits.maxRows + headerRow + 1,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    throw new LimitError(`${file}:${err.lines ?? 1}`, `this CSV cannot be read: ${err.message.replace(/^Invalid Record Length: |^CsvError: /, '')}`);
  }
  const rows: SourceRow[] = [];
  let previousEnd = 0;
  let previousEmpty = 0;
  let cells = 0;
  for (const { record, info } of records) {
    const start = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    cells += record.length;
    if (cells > limits.maxCells) throw new LimitError(`${file}:${start}`, `the file has more than ${limits.maxCells} cells, over the limit; raise it with --max-cells if this is intended`);
    rows.push({ row: start, cells: record.map((v): CellValue => (v === '' ? null : v)) });
  }
  const header = rows.find((r) => r.row >= headerRow);
  const data = header === undefined ? [] : rows.slice(rows.indexOf(header) + 1);
  if (data.length > limits.maxRows) {
    throw new LimitError(`${file}:${data[limits.maxRows].row}`, `the file has more than ${limits.maxRows} rows, over the limit; raise it with --max-rows if this is intended`);
  }
  return {
    table: {
      file, title, headerRow: header?.row ?? headerRow,
      headers: (header?.cells ?? []).map((c) => (c === null ? '' : String(c))),
      rows: data,
      date1904: false,
    },
    encoding,
    delimiter,
  };
}
