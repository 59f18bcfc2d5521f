// `sidedoor scan`: validate, analyse, print findings in the chosen format, and exit 1 when an open finding (when
// comparing with --base or --baseline, only what counts against the change: SPEC §4.1) is at or above --fail-on. With `--format github` and GITHUB_STEP_SUMMARY
// set (as on GitHub Actions), a markdown job summary is appended to that file as well.

import { Command, Option } from 'commander';
import { appendFileSync } from 'node:fs';
import { isReportFormat, loadReporter, REPORT_FORMATS } from '../../report/index.js';
import type { ReporterOptions } from '../../report/index.js';
import type { ScanResult } from '../../findings/scan-result.js';
import { RULES } from '../../rules/index.js';
import { SEVERITY_ORDER } from '../../findings/types.js';
import { addRegisterOptions } from '../options.js';
import type { RegisterOptions } from '../load.js';
import { emit } from '../output.js';
import type { OutputContent } from '../output-content.js';
import { renderJsonChunks } from '../../report/json.js';
import { useColor, terminalWidth } from '../terminal.js';
import { runScanCommand, shouldFail } from '../scan-pipeline.js';
import type { ScanCommandOptions } from '../scan-pipeline.js';
import { UsageError } from '../errors.js';
import { terminalText } from '../../report/terminal-text.js';
import type { FindingSeverity } from '../../register/types.js';

export const SCAN_FORMATS = [...REPORT_FORMATS];

interface ScanOptions extends RegisterOptions, ScanCommandOptions {
  format: string;
  output?: string;
  failOn: FindingSeverity;
}

export function addScanOptions(command: Command): Command {
  return addRegisterOptions(command)
    .option('--today <date>', 'judge dates as of this day (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else today')
    .option('--rule <id...>', 'report only these rules (all rules still run)')
    .option('--timings', 'print the duration of each phase, and the heap and RSS at its end, to stderr');
}

export function scanCommand(): Command {
  return addScanOptions(new Command('scan'))
    .description('validate the register, run every rule and print the findings')
    .addOption(new Option('--format <format>', 'output format').choices(SCAN_FORMATS).default('table'))
    .option('-o, --output <file>', 'write the output to a file (atomically) instead of stdout; `-` for stdout')
    .option('--base <ref>', 'judge the change from this git ref (read from git, nothing is checked out): fail only on new, worsened and hidden findings and new risky links; list fixed ones and policy changes')
    .addOption(new Option('--policy-from <side>', "with --base: whose policy, rule overrides, review settings and acceptances judge the change (default base; head only when code owners guard sidedoor.yaml and the acceptance files)").choices(['base', 'head']))
    .option('--baseline <file>', 'compare with a baseline file written by `sidedoor baseline`: fail only on findings not in it or whose severity rose')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when an open finding is at or above this severity (with --base or --baseline: only what counts against the change)').choices(SEVERITY_ORDER as string[]).default('high'))
    .action(async (options: ScanOptions) => {
      const known = new Set(RULES.map((r) => r.meta.id));
      for (const id of options.rule ?? []) {
        if (!known.has(id)) throw new UsageError(`unknown rule '${id}'; \`sidedoor rules\` lists them`);
      }
      if (!isReportFormat(options.format)) throw new UsageError(`the ${options.format} format is not available`);
      const [run, reporter] = await Promise.all([runScanCommand(options), loadReporter(options.format)]);
      const toTerminal = options.output === undefined || options.output === '-';
      const reporterOptions: ReporterOptions = {
        rules: RULES.map((r) => r.meta), failOn: options.failOn, get uriBase() { return run.uriBase; },
        color: toTerminal && useColor(), width: terminalWidth(),
      };
      const write = (output: OutputContent) => emit(output, options.output, { register: run.register, inputs: [{ option: '--baseline', path: options.baseline }] });
      // JSON is streamed, rendered as it is written: whole, an L register's (90 MB) was the run's peak of memory.
      if (options.format === 'json') run.timings.timer('render', () => write(renderJsonChunks(run.result, reporterOptions)));
      else write(run.timings.timer('render', () => reporter(run.result, reporterOptions)));
      run.timings.finish();
      if (options.timings) process.stderr.write(run.timings.format());
      if (options.format === 'github') await appendStepSummary(run.result, reporterOptions);
      process.exitCode = shouldFail(run.result, options.failOn) ? 1 : 0;
    });
}

/** On GitHub Actions, GITHUB_STEP_SUMMARY names a file that other steps append to as well: append, never overwrite. */
async function appendStepSummary(result: ScanResult, options: ReporterOptions): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') return;
  const { githubStepSummary } = await import('../../report/github.js');
  try {
    appendFileSync(file, githubStepSummary(result, options));
  } catch (e) {
    // The gate's verdict matters more than its summary: warn, and keep the exit code the findings decide.
    process.stderr.write(`sidedoor: warning: cannot append the job summary to $GITHUB_STEP_SUMMARY (${terminalText(file)}): ${(e as NodeJS.ErrnoException).code ?? 'error'}\n`);
  }
}
