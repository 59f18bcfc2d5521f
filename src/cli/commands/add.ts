// `sidedoor add vendor|system|link|zone`: interactive. Asks for each field, validates every answer with the register's
// own schema and ids, and appends the entity to the chosen file, keeping every other byte of it.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Argument, Command } from 'commander';
import { ADD_KINDS, runAddFlow } from '../../authoring/add-flow.js';
import type { AddKind } from '../../authoring/add-flow.js';
import { readWorkspace } from '../../authoring/workspace.js';
import { defaultLinkId } from '../../register/build-register.js';
import { locateRoot } from '../load.js';
import { askOrInterrupt, refuseWithoutTerminal } from '../tty.js';
import { finishEdit } from './finish-edit.js';
import { plural } from '../../util/plural.js';

export const INTERACTIVE_HELP = `
Interactive: needs a terminal (stdin and stdout must be a TTY); without one it exits 2 and changes nothing.
Ctrl-C at any question exits 130 and writes nothing. Edits are atomic (temporary file, then rename), leave every
other byte of the file as it was, and are refused when the file does not validate or changed while you answered.`;

export function addCommand(): Command {
  return new Command('add')
    .description('interactively add a vendor, system, link or zone to the register, keeping comments and formatting')
    .addArgument(new Argument('<kind>', 'what to add').choices(ADD_KINDS))
    .option('--register <dir>', 'the register root (the directory holding sidedoor.yaml); default: walk up from the current directory')
    .addHelpText('after', INTERACTIVE_HELP)
    .action(async (kind: AddKind, options: { register?: string }) => {
      if (refuseWithoutTerminal(`add ${kind}`)) return;
      const root = locateRoot(options);
      const workspace = readWorkspace(root);
      if (workspace.errorCount > 0) {
        process.stderr.write(`sidedoor: note: the register has ${plural(workspace.errorCount, 'error')} (\`sidedoor validate\` lists them); the new ${kind} must not add any\n`);
      }
      // Loaded here: the prompt library is the heaviest import, and only interactive commands need it.
      const { inquirerPrompter } = await import('../inquirer-prompter.js');
      const outcome = await askOrInterrupt(() => runAddFlow(inquirerPrompter(), workspace, kind, {
        fileExists: (file) => existsSync(join(root, file)),
      }));
      if (!outcome.answered) return;
      const plan = outcome.value;
      finishEdit(root, plan, plan ? `${kind} ${entityLabel(plan.entity)}` : kind);
    });
}

function entityLabel(entity: Record<string, unknown>): string {
  if (typeof entity.id === 'string') return entity.id;
  return defaultLinkId(String(entity.from), String(entity.to), typeof entity.port === 'number' ? entity.port : undefined);
}
