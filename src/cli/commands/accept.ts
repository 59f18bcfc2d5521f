// `sidedoor accept FINDING_ID`: interactive. Records a risk acceptance for current findings: shows what the id or
// pattern covers, asks for reason, approver, expiry (at most one year ahead) and ticket, and appends the entry.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { matchingFindings } from '../../authoring/acceptance-flow.js';
import { runAcceptFlow } from '../../authoring/add-flow.js';
import { readWorkspace } from '../../authoring/workspace.js';
import { findingPatternSchema } from '../../register/schema.js';
import { didYouMean } from '../../register/suggest.js';
import { runScan } from '../../scan/run-scan.js';
import { InvalidRegisterError, UsageError } from '../errors.js';
import { DEFAULT_MAX_DIAGNOSTICS, formatDiagnostics, locateRoot } from '../load.js';
import { resolveToday } from '../today.js';
import { askOrInterrupt, refuseWithoutTerminal } from '../tty.js';
import { INTERACTIVE_HELP } from './add.js';
import { finishEdit } from './finish-edit.js';

export function acceptCommand(): Command {
  return new Command('accept')
    .description('interactively record a risk acceptance for current findings (reason, approver, expiry at most one year ahead)')
    .argument('<finding>', 'a finding id, or a pattern in which * stands for exactly one :-separated segment')
    .option('--register <dir>', 'the register root (the directory holding sidedoor.yaml); default: walk up from the current directory')
    .option('--today <date>', 'judge findings and the expiry as of this day (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else today')
    .addHelpText('after', INTERACTIVE_HELP)
    .action(async (pattern: string, options: { register?: string; today?: string }) => {
      if (refuseWithoutTerminal('accept', 'An acceptance is an entry under `acceptances:` with finding, reason, approved_by, expires and ticket.')) return;
      const checked = findingPatternSchema.safeParse(pattern);
      if (!checked.success) throw new UsageError(`'${pattern}' ${checked.error.issues[0]?.message ?? 'is not a finding id'}`);
      const today = resolveToday(options.today);
      const root = locateRoot(options);
      const workspace = readWorkspace(root);
      if (!workspace.register) {
        process.stderr.write(formatDiagnostics(workspace.diagnostics, DEFAULT_MAX_DIAGNOSTICS, process.stderr.isTTY === true));
        throw new InvalidRegisterError('the register is invalid');
      }
      const findings = runScan(workspace.register, { today }).findings;
      const matches = matchingFindings(pattern, findings);
      if (matches.length === 0) {
        throw new UsageError(`no current finding matches '${pattern}'${didYouMean(pattern, findings.map((f) => f.id))}; \`sidedoor scan\` lists the findings with their ids (\`--format json\` for exact ids)`);
      }
      // Loaded here: the prompt library is the heaviest import, and only interactive commands need it.
      const { inquirerPrompter } = await import('../inquirer-prompter.js');
      const outcome = await askOrInterrupt(() => runAcceptFlow(inquirerPrompter(), workspace, pattern, matches, today, {
        fileExists: (file) => existsSync(join(root, file)),
      }));
      if (!outcome.answered) return;
      finishEdit(root, outcome.value, `the acceptance of ${pattern}`);
    });
}
