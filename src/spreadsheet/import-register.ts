// `sidedoor import`, the pure half: spreadsheet files (bytes) → register files (text), or located problems. Nothing
// here touches the disk: the command reads the inputs and writes the outputs only when this returns no error. The
// register is validated by the register's own loader, on the files in memory, and each loader error is put back on
// the spreadsheet cell its line came from.

import { basename, extname } from 'node:path';
import { assembleParsed } from '../register/load-register.js';
import { parseFilesInParallel } from '../register/parallel-parse.js';
import type { Register } from '../register/types.js';
import { buildEntities } from './build-entities.js';
import type { EmittedFile, ImportLayout } from './emit-yaml.js';
import { emitRegister } from './emit-yaml.js';
import type { ImportLimits } from './limits.js';
import { DEFAULT_IMPORT_LIMITS, LimitError } from './limits.js';
import type { Mapping } from './mapping.js';
import { tableMappingFor } from './mapping.js';
import type { TablePlan } from './plan-tables.js';
import { planTable } from './plan-tables.js';
import type { RowRecord } from './read-rows.js';
import { DEFAULT_SEPARATORS, readRows } from './read-rows.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import type { ImportProblem, Table } from './table.js';
import { formatCellRef } from './table.js';

export interface ImportInput {
  /** The name errors and comments use (the file's base name). */
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  mapping?: Mapping;
  layout?: ImportLayout;
  limits?: ImportLimits;
  /** Where the register will live: the loader's root (only used for its own messages). */
  root?: string;
}

export interface ImportResult {
  /** Present when nothing is in error. */
  files?: EmittedFile[];
  register?: Register;
  plans: TablePlan[];
  problems: ImportProblem[];
}

export async function readTables(inputs: readonly ImportInput[], mapping: Mapping | undefined, limits: ImportLimits, problems: ImportProblem[]): Promise<Table[]> {
  const tables: Table[] = [];
  for (const input of inputs) {
    const ext = extname(input.name).toLowerCase();
    try {
      if (input.bytes.byteLength > limits.maxFileBytes) {
        throw new LimitError(input.name, `the file is ${input.bytes.byteLength} bytes, over the ${limits.maxFileBytes}-byte limit; raise it with --max-file-size if this is intended`);
      }
      if (ext === '.xlsx' || ext === '.xlsm') {
        tables.push(...await readXlsx(input.name, input.bytes, limits,
          (sheet) => tableMappingFor(mapping, `${input.name}!${sheet}`, sheet, sheet)?.header_row ?? 1));
      } else if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
        const title = basename(input.name, extname(input.name));
        const headerRow = tableMappingFor(mapping, input.name, undefined, title)?.header_row ?? 1;
        const read = await readCsv(input.name, input.bytes, title, limits, headerRow);
        if (read.encoding === 'windows-1252') {
          problems.push({ where: input.name, message: 'not valid UTF-8: read as Windows-1252; check that accented letters came out right', severity: 'note' });
        }
        tables.push(read.table);
      } else {
        problems.push({ where: input.name, message: `cannot import '${ext || 'a file without extension'}': give .xlsx workbooks or .csv files`, severity: 'error' });
      }
    } catch (e) {
      if (!(e instanceof LimitError)) throw e;
      problems.push({ where: e.where, message: e.message, severity: 'error' });
    }
  }
  return tables;
}

export async function importSpreadsheets(inputs: readonly ImportInput[], options: ImportOptions = {}): Promise<ImportResult> {
  const problems: ImportProblem[] = [];
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const tables = await readTables(inputs, options.mapping, limits, problems);
  const plans = tables.map((t) => planTable(t, options.mapping, problems));
  const records: RowRecord[] = [];
  for (const plan of plans) {
    records.push(...readRows(plan, {
      mapping: options.mapping,
      separators: options.mapping?.separators ?? DEFAULT_SEPARATORS,
      dateFormat: options.mapping?.date_format ?? 'DD/MM/YYYY',
    }, problems));
  }
  if (!plans.some((p) => p.kind === 'vendors' || p.kind === 'systems') && !problems.some((p) => p.severity === 'error')) {
    problems.push({ where: inputs.map((i) => i.name).join(', '), message: 'no vendors or systems table found; name the sheets or files (vendors, systems, links…) or write a mapping file (try --print-mapping)', severity: 'error' });
  }
  if (problems.some((p) => p.severity === 'error')) return { plans, problems };
  const built = buildEntities(records, problems);
  if (problems.some((p) => p.severity === 'error')) return { plans, problems };
  const files = emitRegister(built.entities, built.settings, built.settingLocs, options.layout ?? 'kind');
  const root = options.root ?? '.';
  // The loader's own parse (on worker threads when the files are big, as for a scan) and assembly.
  const parsed = await parseFilesInParallel(files.map((f) => ({ file: f.path, bytes: Buffer.from(f.text, 'utf8') })));
  const loaded = assembleParsed(root, parsed.map((p) => p.parsed));
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const d of loaded.diagnostics) {
    const ref = byPath.get(d.file)?.lineRefs[d.line];
    problems.push({ where: ref === undefined ? `${d.file}:${d.line}:${d.column}` : formatCellRef(ref), message: d.message, severity: d.severity === 'error' ? 'error' : 'note' });
  }
  if (problems.some((p) => p.severity === 'error') || loaded.register === undefined) return { plans, problems };
  return { files, register: loaded.register, plans, problems };
}

