// `sidedoor scan`: validate, analyse, print findings in the chosen format, and exit 1 when an open finding (a new one,
// when comparing) is at or above --fail-on.

import { Command, Option } from 'commander';
import { reporters } from '../../report/index.js';
import { RULES } from '../../rules/index.js';
import { SEVERITY_ORDER } from '../../findings/types.js';
import { addRegisterOptions } from '../options.js';
import type { RegisterOptions } from '../load.js';
import { emit } from '../output.js';
import { useColor, terminalWidth } from '../terminal.js';
import { runScanCommand, shouldFail } from '../scan-pipeline.js';
import type { ScanCommandOptions } from '../scan-pipeline.js';
import { UsageError } from '../errors.js';
import type { FindingSeverity } from '../../register/types.js';

export const SCAN_FORMATS = ['table', 'json', 'sarif', 'junit', 'github', 'gitlab', 'markdown'];

interface ScanOptions extends RegisterOptions, ScanCommandOptions {
  format: string;
  output?: string;
  failOn: FindingSeverity;
}

export function addScanOptions(command: Command): Command {
  return addRegisterOptions(command)
    .option('--today <date>', 'judge dates as of this day (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else today')
    .option('--rule <id...>', 'report only these rules (all rules still run)')
    .option('--timings', 'print the duration of each phase to stderr');
}

export function scanCommand(): Command {
  return addScanOptions(new Command('scan'))
    .description('validate the register, run every rule and print the findings')
    .addOption(new Option('--format <format>', 'output format').choices(SCAN_FORMATS).default('table'))
    .option('-o, --output <file>', 'write the output to a file (atomically) instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when an open finding is at or above this severity').choices(SEVERITY_ORDER as string[]).default('high'))
    .action(async (options: ScanOptions) => {
      const known = new Set(RULES.map((r) => r.meta.id));
      for (const id of options.rule ?? []) {
        if (!known.has(id)) throw new UsageError(`unknown rule '${id}'; \`sidedoor rules\` lists them`);
      }
      const run = await runScanCommand(options);
      const reporter = reporters.get(options.format);
      if (!reporter) throw new UsageError(`the ${options.format} format is not available`);
      const toTerminal = options.output === undefined;
      emit(reporter(run.result, {
        rules: RULES.map((r) => r.meta), failOn: options.failOn, uriBase: run.uriBase,
        color: toTerminal && useColor(), width: terminalWidth(),
      }), options.output);
      process.exitCode = shouldFail(run.result, options.failOn) ? 1 : 0;
    });
}
