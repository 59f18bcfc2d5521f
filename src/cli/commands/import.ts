// `sidedoor import FILE… --out DIR`: a register from spreadsheets (CSV files, XLSX workbooks). The conversion is pure
// (src/spreadsheet/import-register.ts); this edge reads the inputs with a size bound, prints located problems, and
// writes only when there is no error, and only files that do not exist yet unless --force.

import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { DEFAULT_IMPORT_LIMITS } from '../../spreadsheet/limits.js';
import type { ImportLimits } from '../../spreadsheet/limits.js';
import { parseMapping } from '../../spreadsheet/mapping.js';
import type { Mapping } from '../../spreadsheet/mapping.js';
import { importSpreadsheets, readTables } from '../../spreadsheet/import-register.js';
import type { ImportInput } from '../../spreadsheet/import-register.js';
import { planTable } from '../../spreadsheet/plan-tables.js';
import { printMapping } from '../../spreadsheet/print-mapping.js';
import type { ImportProblem } from '../../spreadsheet/table.js';
import type { ImportLayout } from '../../spreadsheet/emit-yaml.js';
import { terminalText } from '../../report/terminal-text.js';
import { InvalidRegisterError, UsageError } from '../errors.js';
import { positiveInteger } from '../options.js';
import { writeOutputFile } from '../output.js';

interface ImportOptions {
  out?: string;
  mapping?: string;
  printMapping?: boolean;
  layout: ImportLayout;
  force?: boolean;
  maxFileSize?: number;
  maxRows?: number;
  maxCells?: number;
  maxUncompressedSize?: number;
}

export function importCommand(): Command {
  return new Command('import')
    .description('build a register from spreadsheets: CSV files and XLSX workbooks, one table per kind (zones, vendors, '
      + 'systems, links, acceptances; also contacts, assessments, certifications, settings)')
    .argument('<files...>', '.csv files (one table each, named by the file) and .xlsx workbooks (one table per sheet)')
    .option('--out <dir>', 'write the register here (created if missing)')
    .option('--mapping <file>', 'a mapping file: which column feeds which field, value maps, separators, date format')
    .option('--print-mapping', 'print the mapping the import infers (a starting point for --mapping) and write nothing')
    .addOption(new Option('--layout <layout>', 'one file per kind, or one file per vendor (with its systems and links)').choices(['kind', 'vendor']).default('kind'))
    .option('--force', 'overwrite files that already exist in --out')
    .addOption(new Option('--max-file-size <bytes>', `refuse input files larger than this (default ${DEFAULT_IMPORT_LIMITS.maxFileBytes})`).argParser(positiveInteger('--max-file-size')))
    .addOption(new Option('--max-rows <count>', `refuse a sheet or CSV file with more data rows (default ${DEFAULT_IMPORT_LIMITS.maxRows})`).argParser(positiveInteger('--max-rows')))
    .addOption(new Option('--max-cells <count>', `refuse a file with more cells (default ${DEFAULT_IMPORT_LIMITS.maxCells})`).argParser(positiveInteger('--max-cells')))
    .addOption(new Option('--max-uncompressed-size <bytes>', `refuse a workbook that inflates to more (default ${DEFAULT_IMPORT_LIMITS.maxUncompressedBytes})`).argParser(positiveInteger('--max-uncompressed-size')))
    .action(async (files: string[], options: ImportOptions) => {
      if (!options.printMapping && options.out === undefined) throw new UsageError('--out DIR is required (or --print-mapping)');
      const limits: ImportLimits = {
        ...DEFAULT_IMPORT_LIMITS,
        ...(options.maxFileSize === undefined ? {} : { maxFileBytes: options.maxFileSize }),
        ...(options.maxRows === undefined ? {} : { maxRows: options.maxRows }),
        ...(options.maxCells === undefined ? {} : { maxCells: options.maxCells }),
        ...(options.maxUncompressedSize === undefined ? {} : { maxUncompressedBytes: options.maxUncompressedSize }),
      };
      const mapping = options.mapping === undefined ? undefined : readMapping(options.mapping);
      const inputs = files.map((file) => readInput(file, limits));
      if (options.printMapping) {
        const problems: ImportProblem[] = [];
        const tables = await readTables(inputs, mapping, limits, problems);
        const plans = tables.map((t) => planTable(t, mapping, []));
        failOnErrors(problems);
        process.stdout.write(printMapping(plans, mapping));
        return;
      }
      const out = resolve(options.out as string);
      const result = await importSpreadsheets(inputs, { mapping, layout: options.layout, limits, root: out });
      failOnErrors(result.problems);
      const written = result.files ?? [];
      const existing = written.map((f) => join(out, f.path)).filter((p) => existsSync(p));
      if (existing.length > 0 && !options.force) {
        throw new UsageError(`${existing.length === 1 ? 'this file already exists' : 'these files already exist'}: ${existing.map((p) => terminalText(p)).join(', ')}; nothing written (use --force to overwrite)`);
      }
      for (const file of written) {
        const path = join(out, file.path);
        try {
          mkdirSync(dirname(path), { recursive: true });
        } catch (e) {
          throw new UsageError(`cannot create the directory ${terminalText(dirname(path))}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
        }
        writeOutputFile(path, file.text);
      }
      const register = result.register;
      if (register !== undefined) {
        process.stderr.write(`imported ${register.zones.size - [...register.zones.values()].filter((z) => z.builtin).length} zones, ${register.vendors.size} vendors, `
          + `${register.systems.size} systems, ${register.links.filter((l) => !l.implicit).length} links, ${register.acceptances.length} acceptances `
          + `into ${terminalText(options.out as string)} (${written.length} files)\n`);
      }
    });
}

function readMapping(path: string): Mapping {
  let text: string;
  try {
    if (statSync(path).size > 1024 * 1024) throw new UsageError(`${path}: a mapping file over 1 MiB is not a mapping file`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read the mapping file ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const parsed = parseMapping(basename(path), text);
  failOnErrors(parsed.problems);
  return parsed.mapping as Mapping;
}

function readInput(file: string, limits: ImportLimits): ImportInput {
  try {
    const info = statSync(file);
    if (!info.isFile()) throw new UsageError(`${file}: not a file`);
    if (info.size > limits.maxFileBytes) {
      throw new UsageError(`${file}: the file is ${info.size} bytes, over the ${limits.maxFileBytes}-byte limit; raise it with --max-file-size if this is intended`);
    }
    return { name: basename(file), bytes: readFileSync(file) };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

/** Prints notes and errors, `where  message`; with any error, stops with exit 2 and nothing written. */
function failOnErrors(problems: readonly ImportProblem[]): void {
  const lines = problems.map((p) => `${terminalText(p.where)}  ${p.severity === 'note' ? 'note: ' : ''}${terminalText(p.message)}`);
  if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    process.stderr.write(`${errors} error${errors === 1 ? '' : 's'}; nothing written\n`);
    throw new InvalidRegisterError('the import failed');
  }
}
