// `sidedoor export --format xlsx|csv -o FILE|DIR`: the register and its scan as a workbook (or one CSV file per sheet)
// for people who live in spreadsheets. Byte-identical for the same register and --today.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { exportSheets } from '../../spreadsheet/export-sheets.js';
import { csvFileName, csvLines } from '../../spreadsheet/write-csv.js';
import { xlsxChunks } from '../../spreadsheet/write-xlsx.js';
import type { RegisterOptions } from '../load.js';
import { addRegisterOptions } from '../options.js';
import { emit, writeOutputFile } from '../output.js';
import { runScanCommand } from '../scan-pipeline.js';
import { UsageError } from '../errors.js';

interface ExportOptions extends RegisterOptions {
  format: 'xlsx' | 'csv';
  output?: string;
  today?: string;
  base?: string;
}

export function exportCommand(): Command {
  return addRegisterOptions(new Command('export'))
    .description('write the register and its scan as a spreadsheet: Vendors, Systems, Links, Findings, Remediation, '
      + 'Accepted risks (and the tables `sidedoor import` reads back)')
    .addOption(new Option('--format <format>', 'xlsx: one workbook; csv: one file per sheet in a directory').choices(['xlsx', 'csv']).makeOptionMandatory())
    .option('-o, --output <path>', 'the workbook file (xlsx; `-` for stdout) or the directory (csv)')
    .option('--today <date>', 'judge dates as of this day (YYYY-MM-DD) and stamp the workbook with it; default SOURCE_DATE_EPOCH, else today')
    .option('--base <ref>', 'compare with the register at this git ref, to fill the New column')
    .action(async (options: ExportOptions) => {
      if (options.output === undefined) throw new UsageError(`-o ${options.format === 'csv' ? 'DIR' : 'FILE'} is required`);
      if (options.output === '-' && options.format === 'csv') throw new UsageError('--format csv writes one file per sheet: -o names a directory, not -');
      const run = await runScanCommand(options);
      const sheets = exportSheets(run.register, run.result);
      const guard = { register: run.register };
      if (options.format === 'xlsx') {
        // Streamed: the rows are made, encoded and deflated as the file is written (atomically, as every output).
        emit(xlsxChunks(sheets, run.today), options.output, guard);
      } else {
        try {
          mkdirSync(options.output, { recursive: true });
        } catch (e) {
          throw new UsageError(`cannot create the directory ${options.output}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
        }
        for (const sheet of sheets) writeOutputFile(join(options.output, csvFileName(sheet)), csvLines(sheet), guard);
      }
      process.exitCode = 0;
    });
}
