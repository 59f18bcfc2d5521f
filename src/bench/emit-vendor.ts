// One vendor as YAML (a `vendors:` list item): owner, contacts, contract, assessments, certifications and fourth
// parties, with its planted hygiene traits turned into dates and omissions relative to the reference day.

import type { Level } from '../register/types.js';
import { dateFromReference } from './calendar.js';
import type { RegisterPlan, VendorPlan } from './plan-types.js';
import { VendorTrait } from './plan-types.js';
import { deriveSeed, SeededRandom } from './seeded-random.js';
import { CERTIFICATIONS, COUNTRIES, FIRST_NAMES, LAST_NAMES, TEAMS, VENDOR_NOTES } from './vocabulary.js';
import { yamlString, yamlStringList } from '../util/yaml-text.js';

export const VENDOR_STREAM = 0x56454e44;

export const MAX_ASSESSMENT_AGE: Readonly<Record<Level, number>> = { critical: 365, high: 365, medium: 730, low: 1095 };

const ASSESSMENT_KINDS: Record<Level, string[]> = {
  critical: ['onsite-audit', 'iso27001', 'soc2', 'pentest'],
  high: ['sig-core', 'soc2', 'iso27001', 'questionnaire'],
  medium: ['sig-lite', 'questionnaire'],
  low: ['questionnaire', 'other'],
};

export function renderVendor(plan: RegisterPlan, vendor: VendorPlan): string {
  const rng = new SeededRandom(deriveSeed(plan.seed, VENDOR_STREAM, vendor.index));
  const has = (trait: number) => (vendor.traits & trait) !== 0;
  const important = vendor.tier === 'critical' || vendor.tier === 'high';
  let out = `  - id: ${vendor.id}\n    name: ${yamlString(vendor.name)}\n    tier: ${vendor.tier}\n`;
  if (vendor.zone !== undefined) out += `    zone: ${plan.zones[vendor.zone].id}\n`;
  if (!has(VendorTrait.noOwner)) out += `    owner: ${yamlString(rng.chance(0.6) ? rng.pick(TEAMS) : personName(rng))}\n`;
  const country = vendor.category === 'cloud' ? rng.pick(['FR', 'IE', 'DE', 'NL']) : rng.pick(COUNTRIES);
  out += `    country: ${country}\n`;
  if (rng.chance(0.7)) out += `    identifiers: ${identifiers(country, rng)}\n`;
  out += contacts(vendor, country, has(VendorTrait.noSecurityContact), rng);
  if (!has(VendorTrait.noContract)) out += `    contract: ${contract(vendor, rng)}\n`;
  out += assessments(vendor, rng);
  if (rng.chance(important ? 0.6 : 0.25)) {
    const names = rng.shuffle(CERTIFICATIONS.slice()).slice(0, rng.between(1, 2));
    out += '    certifications:\n';
    for (const name of names) out += `      - { name: ${yamlString(name)}, expires: ${dateFromReference(rng.between(-60, 900))} }\n`;
  }
  if (vendor.subprocessors.length > 0) out += `    subprocessors: ${yamlStringList(vendor.subprocessors.map((v) => plan.vendors[v].id))}\n`;
  const data = vendor.tier === 'critical' ? rng.pick(['confidential', 'restricted']) : rng.pick(['internal', 'internal', 'confidential', 'public']);
  if (data !== 'internal') out += `    data: ${data}\n`;
  if (has(VendorTrait.irreplaceable)) {
    out += '    substitutability: none\n    exit_plan: false\n';
  } else {
    if (rng.chance(0.6)) out += `    substitutability: ${rng.pick(['easy', 'medium', 'hard'])}\n`;
    if (rng.chance(0.4)) out += `    exit_plan: ${important || rng.chance(0.5)}\n`;
  }
  if (rng.chance(0.08)) out += `    notes: ${yamlString(rng.pick(VENDOR_NOTES))}\n`;
  return out;
}

function personName(rng: SeededRandom): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

function digits(count: number, rng: SeededRandom): string {
  let out = String(rng.between(1, 9));
  while (out.length < count) out += String(rng.int(10));
  return out;
}

function identifiers(country: string, rng: SeededRandom): string {
  if (country === 'FR') {
    const siren = digits(9, rng);
    const parts = [`siren: ${yamlString(siren)}`];
    if (rng.chance(0.6)) parts.push(`siret: ${yamlString(siren + digits(5, rng))}`);
    if (rng.chance(0.6)) parts.push(`vat: ${yamlString(`FR${String(rng.int(100)).padStart(2, '0')}${siren}`)}`);
    return `{ ${parts.join(', ')} }`;
  }
  const parts = [`duns: ${yamlString(digits(9, rng))}`];
  if (rng.chance(0.5)) parts.push(`lei: ${yamlString(`${digits(4, rng)}00${digits(12, rng)}${digits(2, rng)}`)}`);
  if (rng.chance(0.5)) parts.push(`vat: ${yamlString(`${country}${digits(9, rng)}`)}`);
  return `{ ${parts.join(', ')} }`;
}

const DIALLING_CODES = new Map([['FR', '33'], ['DE', '49'], ['IE', '353'], ['US', '1'], ['NL', '31'], ['BE', '32'], ['ES', '34'],
  ['GB', '44'], ['IN', '91'], ['CH', '41']]);

function contacts(vendor: VendorPlan, country: string, noSecurity: boolean, rng: SeededRandom): string {
  const domain = `${vendor.id}.example`;
  const lines: string[] = [];
  if (rng.chance(0.85)) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const local = asciiLocalPart(`${first}.${last}`);
    const phone = rng.chance(0.6) ? `, phone: ${yamlString(`+${DIALLING_CODES.get(country) ?? '33'} ${digits(1, rng)} ${digits(2, rng)} ${digits(2, rng)} ${digits(2, rng)} ${digits(2, rng)}`)}` : '';
    lines.push(`{ name: ${yamlString(`${first} ${last}`)}, email: ${local}@${domain}, role: account${phone} }`);
  }
  if (rng.chance(0.4)) lines.push(`{ name: Support desk, email: support@${domain}, role: support }`);
  if (!noSecurity) lines.push(`{ name: ${rng.pick(['Security team', 'CSIRT', 'SOC', 'Security officer'])}, email: security@${domain}, role: security }`);
  if (rng.chance(0.2)) lines.push(`{ name: Data protection officer, email: dpo@${domain}, role: dpo }`);
  if (lines.length === 0) return '';
  return `    contacts:\n${lines.map((l) => `      - ${l}\n`).join('')}`;
}

const ASCII_LETTERS = new Map([...'àâäéèêëîïôöùûüçÿ'].map((c, i) => [c, 'aaaeeeeiioouuucy'[i]]));

/** `Gwenaëlle.L'Hostis` → `gwenaelle.lhostis`, without depending on the engine's Unicode tables. */
function asciiLocalPart(name: string): string {
  let out = '';
  for (const c of name.toLowerCase()) out += ASCII_LETTERS.get(c) ?? (/[a-z.]/.test(c) ? c : '');
  return out;
}

function contract(vendor: VendorPlan, rng: SeededRandom): string {
  const end = vendor.traits & VendorTrait.contractExpired ? rng.between(-400, -10)
    : vendor.traits & VendorTrait.contractExpiring ? rng.between(5, 85)
      : rng.between(120, 1100);
  // Contracts in force started in the past; expired ones ran for one to four years.
  const start = vendor.traits & VendorTrait.contractExpired ? end - rng.between(365, 1460) : -rng.between(30, 1460);
  const startDate = dateFromReference(start);
  const parts = [
    `ref: CT-${startDate.slice(0, 4)}-${String(rng.between(1, 9999)).padStart(4, '0')}`,
    `start: ${startDate}`,
    `end: ${dateFromReference(end)}`,
    `notice_days: ${rng.pick([30, 60, 90, 90, 180])}`,
  ];
  if (rng.chance(0.8)) parts.push(`audit_rights: ${rng.chance(0.6)}`);
  if (rng.chance(0.7)) parts.push(`breach_notification_hours: ${rng.pick([24, 48, 72, 72])}`);
  return `{ ${parts.join(', ')} }`;
}

function assessments(vendor: VendorPlan, rng: SeededRandom): string {
  if (vendor.traits & VendorTrait.noAssessment) return '';
  const maxAge = MAX_ASSESSMENT_AGE[vendor.tier];
  const newest = vendor.traits & VendorTrait.assessmentOverdue ? -(maxAge + rng.between(10, 400)) : -rng.between(10, maxAge - 10);
  const count = rng.between(1, 3);
  const lines: string[] = [];
  for (let k = 0; k < count; k++) {
    const day = newest - k * rng.between(300, 500);
    const result = k === 0 && vendor.traits & VendorTrait.assessmentFailed ? 'fail' : rng.chance(0.8) ? 'pass' : 'conditional';
    let line = `{ date: ${dateFromReference(day)}, kind: ${rng.pick(ASSESSMENT_KINDS[vendor.tier])}, result: ${result}`;
    if (rng.chance(0.5)) line += `, expires: ${dateFromReference(day + 365)}`;
    if (rng.chance(0.4)) line += `, evidence: ${yamlString(`GRC-${dateFromReference(day).slice(0, 4)}-${String(rng.between(1, 999)).padStart(3, '0')}`)}`;
    lines.push(`${line} }`);
  }
  // Newest last, as people append to the list.
  return `    assessments:\n${lines.reverse().map((l) => `      - ${l}\n`).join('')}`;
}
