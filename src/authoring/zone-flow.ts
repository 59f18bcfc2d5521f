// `sidedoor add zone`: id and trust (required), then name and description behind "add details?".

import type { ZoneInput } from '../register/schema.js';
import { newIdCheck } from './answer-checks.js';
import { askOptionalText, entity } from './flow-helpers.js';
import type { Prompter } from './prompter.js';
import { TRUST_LABELS } from './reference-choices.js';
import type { RegisterWorkspace } from './workspace.js';

export async function askZone(prompter: Prompter, workspace: RegisterWorkspace): Promise<ZoneInput> {
  const id = (await prompter.input({
    name: 'id',
    message: 'Zone id (lower case letters, digits, and . _ - inside)',
    validate: newIdCheck((value) => workspace.zoneIdsTaken.get(value), 'zone'),
  })).trim();
  const trust = Number(await prompter.select({
    name: 'trust',
    message: 'Trust level',
    choices: TRUST_LABELS.map((label, level) => ({ value: String(level), name: `${level}  ${label}` })),
    default: '2',
  }));
  let name: string | undefined;
  let description: string | undefined;
  if (await prompter.confirm({ name: 'details', message: 'Add a display name and a description?', default: false })) {
    name = await askOptionalText(prompter, 'name', 'Display name');
    description = await askOptionalText(prompter, 'description', 'Description');
  }
  return entity([['id', id], ['name', name], ['trust', trust], ['description', description]]) as ZoneInput;
}
