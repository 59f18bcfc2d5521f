// `sidedoor add vendor`: id, name and tier first; then, behind "add details?", every other field of SPEC §1.4,
// nested ones (identifiers, contacts, contract, assessments, certifications) each behind its own question.

import { dateSchema, vendorSchema } from '../register/schema.js';
import type { VendorInput } from '../register/schema.js';
import { THIRD_PARTY_ZONE } from '../register/types.js';
import { dateCheck, newIdCheck } from './answer-checks.js';
import {
  askList, askOptionalBoolean, askOptionalChoice, askOptionalInteger, askOptionalNumber, askOptionalText,
  askRequiredText, entity, pickMany,
} from './flow-helpers.js';
import type { Prompter } from './prompter.js';
import { chooseOne } from './prompter.js';
import { vendorChoices, zoneChoices } from './reference-choices.js';
import type { RegisterWorkspace } from './workspace.js';

const LEVELS = ['critical', 'high', 'medium', 'low'] as const;
const TIER_HELP = { critical: 'the organization cannot run without it', high: 'a major dependency', medium: 'a routine supplier', low: 'easily done without' };
const DATA_CLASSES = ['public', 'internal', 'confidential', 'restricted'] as const;
const CONTACT_ROLES = ['security', 'account', 'dpo', 'support', 'other'] as const;
const ASSESSMENT_KINDS = ['questionnaire', 'sig-lite', 'sig-core', 'iso27001', 'soc2', 'pentest', 'onsite-audit', 'other'] as const;
const RESULTS = ['pass', 'conditional', 'fail'] as const;
const IDENTIFIERS = ['siren', 'siret', 'lei', 'vat', 'duns'] as const;

const contractShape = vendorSchema.shape.contract.unwrap().shape;

export async function askVendor(prompter: Prompter, workspace: RegisterWorkspace): Promise<VendorInput> {
  const id = (await prompter.input({
    name: 'id',
    message: 'Vendor id (lower case letters, digits, and . _ - inside)',
    validate: newIdCheck((value) => workspace.nodeIdsTaken.get(value), 'a vendor or system'),
  })).trim();
  const name = await askRequiredText(prompter, 'name', 'Vendor name');
  const tier = await prompter.select({
    name: 'tier',
    message: 'Tier: how much the organization depends on this vendor',
    choices: LEVELS.map((level) => ({ value: level, name: `${level}  (${TIER_HELP[level]})` })),
    default: 'medium',
  });
  const required: [string, unknown][] = [['id', id], ['name', name], ['tier', tier]];
  if (!await prompter.confirm({ name: 'details', message: 'Add details (zone, owner, contacts, contract, assessments, …)?', default: false })) {
    return entity(required) as VendorInput;
  }

  const zone = await chooseOne(prompter, {
    name: 'zone', message: 'Zone where the vendor\'s own staff and systems sit', choices: zoneChoices(workspace), default: THIRD_PARTY_ZONE,
  });
  const owner = await askOptionalText(prompter, 'owner', 'Owner: the internal person or team accountable for this vendor');
  const country = await askOptionalText(prompter, 'country', 'Country of the headquarters, ISO 3166-1 alpha-2 (FR, DE, US, …)', vendorSchema.shape.country);
  const data = await askOptionalChoice(prompter, 'data', 'The most sensitive data the vendor processes', DATA_CLASSES, '(leave out: internal)');
  const substitutability = await askOptionalChoice(prompter, 'substitutability', 'How hard the vendor is to replace', ['easy', 'medium', 'hard', 'none'] as const);
  const exitPlan = await askOptionalBoolean(prompter, 'exit_plan', 'Is there an exit plan?');

  let identifiers: Record<string, unknown> | undefined;
  if (await prompter.confirm({ name: 'identifiers', message: 'Add company identifiers (SIREN, SIRET, LEI, VAT, DUNS)?', default: false })) {
    const values: [string, unknown][] = [];
    for (const field of IDENTIFIERS) values.push([field, await askOptionalText(prompter, `identifiers.${field}`, field.toUpperCase())]);
    identifiers = entity(values);
  }

  const contacts = await askList(prompter, 'contacts', 'a contact', async (prefix) => entity([
    ['name', await askRequiredText(prompter, `${prefix}.name`, 'Contact name')],
    ['email', await askRequiredText(prompter, `${prefix}.email`, 'Email')],
    ['role', await prompter.select({ name: `${prefix}.role`, message: 'Role', choices: CONTACT_ROLES.map((value) => ({ value })), default: 'security' })],
    ['phone', await askOptionalText(prompter, `${prefix}.phone`, 'Phone')],
  ]));

  let contract: Record<string, unknown> | undefined;
  if (await prompter.confirm({ name: 'contract', message: 'Add the contract?', default: false })) {
    const ref = await askOptionalText(prompter, 'contract.ref', 'Contract reference');
    const start = await askOptionalText(prompter, 'contract.start', 'Start date (YYYY-MM-DD)', dateSchema);
    const endCheck = dateCheck(true);
    const end = await prompter.input({
      name: 'contract.end',
      message: 'End date (YYYY-MM-DD) (optional)',
      validate: (value) => {
        const verdict = endCheck(value);
        if (verdict !== true || start === undefined || value.trim() === '') return verdict;
        return value.trim() >= start ? true : `must be on or after the start date ${start}`;
      },
    });
    contract = entity([
      ['ref', ref], ['start', start], ['end', end.trim() === '' ? undefined : end.trim()],
      ['notice_days', await askOptionalInteger(prompter, 'contract.notice_days', 'Notice period in days', contractShape.notice_days)],
      ['audit_rights', await askOptionalBoolean(prompter, 'contract.audit_rights', 'Does the contract grant audit rights?')],
      ['breach_notification_hours', await askOptionalNumber(prompter, 'contract.breach_notification_hours', 'Breach notification deadline in hours', contractShape.breach_notification_hours)],
    ]);
  }

  const assessments = await askList(prompter, 'assessments', 'an assessment', async (prefix) => entity([
    ['date', (await prompter.input({ name: `${prefix}.date`, message: 'Assessment date (YYYY-MM-DD)', validate: dateCheck(false) })).trim()],
    ['kind', await prompter.select({ name: `${prefix}.kind`, message: 'Kind of assessment', choices: ASSESSMENT_KINDS.map((value) => ({ value })), default: 'questionnaire' })],
    ['result', await prompter.select({ name: `${prefix}.result`, message: 'Result', choices: RESULTS.map((value) => ({ value })), default: 'pass' })],
    ['expires', await askOptionalText(prompter, `${prefix}.expires`, 'Valid until (YYYY-MM-DD)', dateSchema)],
    ['evidence', await askOptionalText(prompter, `${prefix}.evidence`, 'Evidence (a document reference)')],
  ]));

  const certifications = await askList(prompter, 'certifications', 'a certification', async (prefix) => entity([
    ['name', await askRequiredText(prompter, `${prefix}.name`, 'Certification (ISO 27001, HDS, SOC 2, …)')],
    ['expires', await askOptionalText(prompter, `${prefix}.expires`, 'Valid until (YYYY-MM-DD)', dateSchema)],
  ]));

  const others = vendorChoices(workspace, id);
  const subprocessors = others.length === 0 ? [] : await pickMany(prompter, 'subprocessors', 'Subprocessors: vendors this vendor\'s service relies on', others);
  const notes = await askOptionalText(prompter, 'notes', 'Notes');

  return entity([
    ...required, ['zone', zone === THIRD_PARTY_ZONE ? undefined : zone], ['owner', owner], ['country', country],
    ['identifiers', identifiers], ['contacts', contacts], ['contract', contract], ['assessments', assessments],
    ['certifications', certifications], ['subprocessors', subprocessors], ['data', data],
    ['substitutability', substitutability], ['exit_plan', exitPlan], ['notes', notes],
  ]) as VendorInput;
}
