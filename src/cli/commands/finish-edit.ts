// The end of an interactive edit (add, accept): write the checked plan, or say that nothing was written.

import type { EditPlan } from '../../authoring/edit-plan.js';
import { terminalText } from '../../report/terminal-text.js';
import { writeEdit } from '../write-edit.js';

export function finishEdit(root: string, plan: EditPlan | undefined, what: string): void {
  if (plan === undefined) {
    process.stdout.write('Nothing written.\n');
    return;
  }
  writeEdit(root, plan);
  process.stdout.write(`Added ${terminalText(what)} to ${terminalText(plan.file)}, line ${plan.line}. \`sidedoor scan\` shows what it changes.\n`);
}
