// The whole of `sidedoor add <kind>` and of `sidedoor accept` after their own questions: ask which file to append to
// (checking the answer by planning the edit), show the exact text that will be inserted, and ask for confirmation.
// Returns the checked plan, or undefined when the person declines; writing it is the CLI's job.

import type { EntityKey } from '../register/schema.js';
import { askAcceptance } from './acceptance-flow.js';
import { EditRefusedError, planAppend } from './edit-plan.js';
import type { EditPlan } from './edit-plan.js';
import { askLink } from './link-flow.js';
import type { Prompter } from './prompter.js';
import { askSystem } from './system-flow.js';
import { defaultTargetFile, normalizeTargetPath } from './target-file.js';
import { askVendor } from './vendor-flow.js';
import type { RegisterWorkspace } from './workspace.js';
import { askZone } from './zone-flow.js';
import type { Finding } from '../findings/types.js';

export const ADD_KINDS = ['vendor', 'system', 'link', 'zone'] as const;
export type AddKind = (typeof ADD_KINDS)[number];

const KEYS: Record<AddKind, EntityKey> = { vendor: 'vendors', system: 'systems', link: 'links', zone: 'zones' };

export interface FlowOptions {
  /** Whether a path exists on disk; a file the register walk does not read must not be overwritten. */
  fileExists?: (file: string) => boolean;
}

export async function runAddFlow(prompter: Prompter, workspace: RegisterWorkspace, kind: AddKind, options: FlowOptions = {}): Promise<EditPlan | undefined> {
  const asked = kind === 'vendor' ? await askVendor(prompter, workspace)
    : kind === 'system' ? await askSystem(prompter, workspace)
      : kind === 'link' ? await askLink(prompter, workspace)
        : await askZone(prompter, workspace);
  return chooseFileAndConfirm(prompter, workspace, KEYS[kind], asked as Record<string, unknown>, options);
}

export async function runAcceptFlow(
  prompter: Prompter, workspace: RegisterWorkspace, pattern: string, matches: readonly Finding[], today: string, options: FlowOptions = {},
): Promise<EditPlan | undefined> {
  const maxDays = workspace.register?.config.review.acceptance_max_days;
  const acceptance = await askAcceptance(prompter, pattern, matches, today, maxDays);
  return chooseFileAndConfirm(prompter, workspace, 'acceptances', acceptance as Record<string, unknown>, options);
}

export async function chooseFileAndConfirm(
  prompter: Prompter, workspace: RegisterWorkspace, key: EntityKey, entity: Record<string, unknown>, options: FlowOptions = {},
): Promise<EditPlan | undefined> {
  const plans = new Map<string, EditPlan>();
  const check = (answer: string): true | string => {
    const target = normalizeTargetPath(answer);
    if ('problem' in target) return target.problem;
    if (!workspace.files.has(target.file) && options.fileExists?.(target.file)) {
      return `${target.file} exists but is not read as a register file; choose another path`;
    }
    try {
      plans.set(target.file, planAppend(workspace, target.file, key, entity));
      return true;
    } catch (e) {
      if (e instanceof EditRefusedError) return e.message;
      throw e;
    }
  };
  const answer = await prompter.input({
    name: 'file',
    message: 'File to append to (relative to the register root)',
    default: defaultTargetFile(workspace, key, entity),
    validate: check,
  });
  const target = normalizeTargetPath(answer);
  if ('problem' in target) throw new EditRefusedError(target.problem);
  const plan = plans.get(target.file) ?? planAppend(workspace, target.file, key, entity);
  const where = plan.previousHash === undefined ? `${plan.file} (a new file)` : `${plan.file}, at line ${plan.line}`;
  prompter.say(`\nThis goes into ${where}:\n\n${plan.inserted.replace(/^(?:\r?\n)+/, '').replace(/\r\n/g, '\n')}\n`);
  const confirmed = await prompter.confirm({ name: 'confirm', message: `Write it to ${plan.file}?`, default: true });
  return confirmed ? plan : undefined;
}
