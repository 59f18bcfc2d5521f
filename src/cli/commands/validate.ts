// `sidedoor validate`: schema and cross-reference checks only. Exit 0 when valid (warnings allowed), 2 otherwise.

import { Command, Option } from 'commander';
import { DEFAULT_MAX_DIAGNOSTICS, formatDiagnostics, loadFromDisk, locateRoot } from '../load.js';
import type { RegisterOptions } from '../load.js';
import { addRegisterOptions } from '../options.js';
import { emit } from '../output.js';
import { jsonDocument } from '../../report/terminal-text.js';
import { plural } from '../../util/plural.js';

interface ValidateOptions extends RegisterOptions {
  format: 'text' | 'json';
}

export function validateCommand(): Command {
  return addRegisterOptions(new Command('validate'))
    .description('check the register against the schema and its cross-references; print file:line:col diagnostics')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: ValidateOptions) => {
      const loaded = await loadFromDisk(locateRoot(options), options);
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
      if (options.format === 'json') {
        emit(jsonDocument({
          valid: errors === 0,
          files: loaded.fileCount,
          errors,
          warnings: loaded.diagnostics.length - errors,
          diagnostics: loaded.diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, message: d.message })),
        }));
      } else if (loaded.diagnostics.length > 0) {
        process.stdout.write(formatDiagnostics(loaded.diagnostics, options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS, process.stdout.isTTY === true));
      } else {
        const r = loaded.register;
        process.stdout.write(`register is valid: ${[plural(loaded.fileCount, 'file'), plural(r?.zones.size ?? 0, 'zone'), plural(r?.vendors.size ?? 0, 'vendor'), plural(r?.systems.size ?? 0, 'system'), plural(r?.links.length ?? 0, 'link')].join(', ')}\n`);
      }
      process.exitCode = errors > 0 ? 2 : 0;
    });
}
