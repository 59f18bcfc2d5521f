// `sidedoor report`: the auditor's markdown report (SPEC §5) to stdout or -o FILE. The date comes from --today, else
// SOURCE_DATE_EPOCH, else the clock (resolveToday); --base compares with the register at a git ref, as `scan` does.
// The git commit and tree state of the register are read here, at the edge (without any git command that can run a
// filter, hook or fsmonitor: src/git/repo-state.ts), and handed to the pure renderer. The
// exit code is 0 whatever the findings: the report documents, `scan` gates.

import { Command, Option } from 'commander';
import { repoState } from '../../git/repo-state.js';
import { renderAuditReport } from '../../report/auditor/index.js';
import { RULES } from '../../rules/index.js';
import type { RegisterOptions } from '../load.js';
import { addRegisterOptions } from '../options.js';
import { emit } from '../output.js';
import { runScanCommand } from '../scan-pipeline.js';

interface ReportOptions extends RegisterOptions {
  today?: string;
  output?: string;
  timings?: boolean;
  base?: string;
  policyFrom?: string;
}

export function reportCommand(): Command {
  return addRegisterOptions(new Command('report'))
    .description("write the auditor's markdown report: summary, vendor inventory, findings, path diagrams, remediation, "
      + 'accepted risks, ISO 27001 / NIS2 mapping and method')
    .option('--today <date>', 'date the report and judge dates as of this day (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else today')
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout; `-` for stdout')
    .option('--timings', 'print the duration of each phase, and the heap and RSS at its end, to stderr')
    .option('--base <ref>', 'compare with the register at this git ref (read from git, nothing is checked out): mark new '
      + 'findings, list fixed ones and new risky links')
    .addOption(new Option('--policy-from <side>', 'with --base: whose policy and acceptances judge the change (default base)').choices(['base', 'head']))
    .action(async (options: ReportOptions) => {
      const run = await runScanCommand(options);
      const report = run.timings.timer('render', () => renderAuditReport({
        register: run.register,
        result: run.result,
        context: run.outcome.context,
        rules: RULES.map((rule) => rule.meta),
        git: repoState(run.register.root, run.register.files),
      }));
      emit(report, options.output, { register: run.register });
      run.timings.finish();
      if (options.timings) process.stderr.write(run.timings.format());
      process.exitCode = 0;
    });
}
