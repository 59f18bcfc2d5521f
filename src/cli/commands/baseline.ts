// `sidedoor baseline`: write every current finding's id, rule, title and severity to a baseline file, so that
// `scan --baseline FILE` fails only on findings that are not in it or whose severity rose. Accepted findings are written too: acceptances
// are tracked in the register and expire on their own, and a finding whose acceptance lapses should not then count
// as new. The default file is `.sidedoor-baseline.json` in the register root; `-o -` writes to stdout.

import { join } from 'node:path';
import { Command } from 'commander';
import { renderBaseline } from '../../compare/baseline-file.js';
import { terminalText } from '../../report/terminal-text.js';
import { addRegisterOptions } from '../options.js';
import { writeOutputFile } from '../output.js';
import { runScanCommand } from '../scan-pipeline.js';
import type { ScanCommandOptions } from '../scan-pipeline.js';
import { plural } from '../../util/plural.js';

export const DEFAULT_BASELINE_FILE = '.sidedoor-baseline.json';

interface BaselineOptions extends ScanCommandOptions {
  output?: string;
}

export function baselineCommand(): Command {
  return addRegisterOptions(new Command('baseline'))
    .description(`write the current findings (open and accepted) to a baseline file for \`scan --baseline\`; default ${DEFAULT_BASELINE_FILE} in the register root`)
    .option('-o, --output <file>', `the baseline file to write (atomically); \`-\` for stdout (default: ${DEFAULT_BASELINE_FILE} in the register root)`)
    .option('--today <date>', 'judge dates as of this day (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else today')
    .action(async (options: BaselineOptions) => {
      const run = await runScanCommand({ ...options, rule: undefined, base: undefined, baseline: undefined, timings: false });
      const content = renderBaseline(run.result.findings);
      if (options.output === '-') {
        process.stdout.write(content);
      } else {
        const file = options.output ?? join(run.register.root, DEFAULT_BASELINE_FILE);
        writeOutputFile(file, content, { register: run.register });
        const count = run.result.findings.length;
        process.stderr.write(`sidedoor: wrote ${plural(count, 'finding')} to ${terminalText(file)}\n`);
      }
      process.exitCode = 0;
    });
}
