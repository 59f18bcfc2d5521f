// `sidedoor add system`: id, name and zone first; then, behind "add details?", every other field of SPEC §1.5.
// Booleans whose default is false (internet_facing, redundant) are written only when true; `enforcement` only when it
// differs from the default of the chosen kind.

import { systemKindSchema, systemSchema } from '../register/schema.js';
import type { SystemInput } from '../register/schema.js';
import type { SystemKind } from '../register/types.js';
import { GATEWAY_KINDS } from '../register/types.js';
import { dateCheck, newIdCheck } from './answer-checks.js';
import {
  askOptionalBoolean, askOptionalChoice, askOptionalInteger, askOptionalText, askRequiredText, DONE, entity, pickMany,
  splitList,
} from './flow-helpers.js';
import type { Prompter } from './prompter.js';
import { chooseOne } from './prompter.js';
import { nodeChoices, zoneChoices } from './reference-choices.js';
import type { RegisterWorkspace } from './workspace.js';

const LEVELS = ['low', 'medium', 'high', 'critical'] as const;
const DATA_CLASSES = ['public', 'internal', 'confidential', 'restricted'] as const;
const CONTROLS = [
  ['mfa', 'Multi-factor authentication?'], ['audit_log', 'Audit logging?'], ['rate_limit', 'Rate limiting?'], ['backups', 'Backups?'],
] as const;
const ANY_OF = '(any of several…)';

export async function askSystem(prompter: Prompter, workspace: RegisterWorkspace): Promise<SystemInput> {
  const id = (await prompter.input({
    name: 'id',
    message: 'System id (lower case letters, digits, and . _ - inside)',
    validate: newIdCheck((value) => workspace.nodeIdsTaken.get(value), 'a vendor or system'),
  })).trim();
  const name = await askRequiredText(prompter, 'name', 'System name');
  const zone = await chooseOne(prompter, { name: 'zone', message: 'Zone the system sits in', choices: zoneChoices(workspace) });
  const required: [string, unknown][] = [['id', id], ['name', name], ['zone', zone]];
  if (!await prompter.confirm({ name: 'details', message: 'Add details (kind, vendor, criticality, data, dependencies, …)?', default: false })) {
    return entity(required) as SystemInput;
  }

  const kind = await askOptionalChoice(prompter, 'kind', 'Kind of system', systemKindSchema.options, '(leave out: application)');
  const vendors = [...workspace.vendors.values()];
  const vendor = vendors.length === 0 ? undefined : await askOptionalChoice(
    prompter, 'vendor', 'Vendor that supplies or operates it', vendors.map((v) => v.id).sort(), '(none)',
    (value) => `(${workspace.vendors.get(value)?.name ?? value})`,
  );
  const owner = await askOptionalText(prompter, 'owner', 'Owner: the internal person or team accountable for it');
  const criticality = await askOptionalChoice(prompter, 'criticality', 'Business impact if it is unavailable', LEVELS, '(leave out: medium)');
  const data = await askOptionalChoice(prompter, 'data', 'The most sensitive data it holds', DATA_CLASSES, '(leave out: internal)');
  const records = await askOptionalInteger(prompter, 'records', 'How many people\'s records it holds', systemSchema.shape.records);
  const internetFacing = await prompter.confirm({ name: 'internet_facing', message: 'Can it be reached from the internet?', default: false });
  const endOfSupport = (await prompter.input({ name: 'end_of_support', message: 'End of support date, YYYY-MM-DD (optional)', validate: dateCheck(true) })).trim();
  const defaultEnforcement = GATEWAY_KINDS.includes((kind ?? 'application') as SystemKind);
  const enforcement = await prompter.confirm({ name: 'enforcement', message: 'Is it a gateway that filters traffic (enforcement)?', default: defaultEnforcement });
  const redundant = await prompter.confirm({ name: 'redundant', message: 'Is it internally highly available (a cluster)?', default: false });

  let controls: Record<string, unknown> | undefined;
  if (await prompter.confirm({ name: 'controls', message: 'Record its security controls (MFA, audit log, rate limit, backups)?', default: false })) {
    const values: [string, unknown][] = [];
    for (const [field, message] of CONTROLS) values.push([field, await askOptionalBoolean(prompter, `controls.${field}`, message)]);
    controls = entity(values);
  }

  const dependsOn = await askDependencies(prompter, workspace, id);
  const tags = splitList(await prompter.input({ name: 'tags', message: 'Tags, separated by commas (optional)' }));
  const description = await askOptionalText(prompter, 'description', 'Description');

  return entity([
    ...required, ['kind', kind], ['vendor', vendor], ['owner', owner], ['criticality', criticality], ['data', data],
    ['records', records], ['internet_facing', internetFacing ? true : undefined],
    ['end_of_support', endOfSupport === '' ? undefined : endOfSupport],
    ['enforcement', enforcement === defaultEnforcement ? undefined : enforcement], ['redundant', redundant ? true : undefined],
    ['controls', controls], ['depends_on', dependsOn], ['tags', tags], ['description', description],
  ]) as SystemInput;
}

/** `depends_on`: plain node ids, or `{any_of: [...]}` groups satisfied when one member runs. */
async function askDependencies(prompter: Prompter, workspace: RegisterWorkspace, self: string): Promise<(string | { any_of: string[] })[]> {
  const nodes = nodeChoices(workspace, { exclude: self });
  if (nodes.length === 0) return [];
  const entries: (string | { any_of: string[] })[] = [];
  for (let i = 0; ; i++) {
    const answer = await chooseOne(prompter, {
      name: `depends_on.${i}`,
      message: i === 0 ? 'Availability: does it depend on another node? (it stops when that node stops)' : 'Another dependency?',
      choices: [{ value: DONE, name: i === 0 ? '(none)' : '(done)' }, { value: ANY_OF, name: ANY_OF }, ...nodes],
      default: DONE,
    });
    if (answer === DONE) return entries;
    if (answer === ANY_OF) {
      const group = await pickMany(prompter, `depends_on.${i}.any_of`, 'It runs while any one of these runs', nodes);
      if (group.length > 0) entries.push({ any_of: group });
    } else {
      entries.push(answer);
    }
  }
}
