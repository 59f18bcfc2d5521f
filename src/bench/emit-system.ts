// One system as YAML (a `systems:` list item): name, ownership, data, controls, availability dependencies and tags.
// Dependencies are wide and shallow, as in real registers: most services depend on the directory and DNS (both as
// `any_of` pairs), some on the single SSO, and on a database of their own zone; databases on the storage array;
// island devices on their island's application. No chain is deeper than three.

import { dateFromReference } from './calendar.js';
import type { RegisterPlan, SystemPlan } from './plan-types.js';
import { SystemTrait } from './plan-types.js';
import { deriveSeed, SeededRandom } from './seeded-random.js';
import { DEVICE_ROLES, ROLES, SERVICE_ROLES, WORKSTATION_ROLES } from './system-roles.js';
import { FIRST_NAMES, LAST_NAMES, TEAMS } from './vocabulary.js';
import { yamlString, yamlStringList } from '../util/yaml-text.js';

export const SYSTEM_STREAM = 0x53595354;

const BULK_THRESHOLD = 10_000;
const DESCRIPTIONS = [
  'Supplied under the framework agreement #12; see the IT wiki.',
  'Runs on a dedicated VM; patch window: Tuesday 22:00.',
  'Replaces the 2012 "legacy" platform.',
  'Critical during elections & council sessions.',
  'Owned jointly with the neighbouring municipality.',
];

export function renderSystem(plan: RegisterPlan, system: SystemPlan): string {
  const rng = new SeededRandom(deriveSeed(plan.seed, SYSTEM_STREAM, system.index));
  const zone = plan.zones[system.zone];
  const role = ROLES[system.role];
  const has = (trait: number) => (system.traits & trait) !== 0;
  let out = `  - id: ${system.id}\n    name: ${yamlString(displayName(plan, system, rng))}\n    zone: ${zone.id}\n`;
  if (role.kind !== 'application' || rng.chance(0.5)) out += `    kind: ${role.kind}\n`;
  if (system.vendor >= 0) out += `    vendor: ${plan.vendors[system.vendor].id}\n`;
  if (!has(SystemTrait.noOwner)) out += `    owner: ${yamlString(rng.chance(0.7) ? rng.pick(TEAMS) : `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`)}\n`;
  if (system.criticality !== 'medium' || rng.chance(0.3)) out += `    criticality: ${system.criticality}\n`;
  if (system.data !== 'internal' || rng.chance(0.2)) out += `    data: ${system.data}\n`;
  const sensitiveData = system.data === 'confidential' || system.data === 'restricted';
  const holdsPeople = (SERVICE_ROLES.has(system.role) || system.role === 'db' || system.role === 'saas') && sensitiveData;
  let records: number | undefined;
  if (has(SystemTrait.bulkUnprotected)) records = rng.between(20_000, 400_000);
  else if (holdsPeople && rng.chance(0.7)) {
    // Integer arithmetic only (no Math.pow), so that every engine writes the same bytes.
    const magnitude = rng.pick([100, 1_000, 10_000, 100_000]);
    records = magnitude + rng.int(magnitude * 4);
  }
  if (records !== undefined) out += `    records: ${records}\n`;
  if (has(SystemTrait.internetFacing)) out += '    internet_facing: true\n';
  if (has(SystemTrait.legacy)) out += `    end_of_support: ${dateFromReference(-rng.between(30, 3000))}\n`;
  else if (!WORKSTATION_ROLES.has(system.role) && rng.chance(0.12)) out += `    end_of_support: ${dateFromReference(rng.between(30, 1800))}\n`;
  if (role.kind === 'firewall' && rng.chance(0.05)) out += '    enforcement: true\n';
  if (has(SystemTrait.redundant)) out += '    redundant: true\n';
  const controls = controlsOf(system, records, has(SystemTrait.bulkUnprotected), rng);
  if (controls) out += `    controls: ${controls}\n`;
  const depends = dependenciesOf(plan, system, rng);
  if (depends.length > 0) out += `    depends_on:\n${depends.map((d) => `      - ${d}\n`).join('')}`;
  const tags = tagsOf(plan, system, records, rng);
  if (tags.length > 0) out += `    tags: ${yamlStringList(tags)}\n`;
  if (rng.chance(0.04)) out += `    description: ${yamlString(rng.pick(DESCRIPTIONS))}\n`;
  return out;
}

function displayName(plan: RegisterPlan, system: SystemPlan, rng: SeededRandom): string {
  const role = ROLES[system.role];
  const label = role.label.charAt(0).toUpperCase() + role.label.slice(1);
  const topics = plan.zones[system.zone].template?.topics ?? ['Hosted'];
  const vendor = system.vendor >= 0 ? plan.vendors[system.vendor] : undefined;
  let name: string;
  if (system.role === 'saas') name = `${vendor?.name ?? 'Hosted'} ${rng.pick(['cloud', 'online', 'portal', 'suite'])}`;
  else if (SERVICE_ROLES.has(system.role) && system.role !== 'srv') name = `${rng.pick(topics)} ${role.label}`;
  else if (vendor?.dedicated && DEVICE_ROLES.has(system.role)) name = `${vendor.name} ${role.label}`;
  else name = `${label}`;
  name = `${name.charAt(0).toUpperCase()}${name.slice(1)} ${system.ordinal}`;
  if (rng.chance(0.02)) name += rng.pick([' (legacy: do not reboot)', ' #2', ' "beta"', ' – annexe', ' [spare]']);
  return name;
}

function controlsOf(system: SystemPlan, records: number | undefined, unprotected: boolean, rng: SeededRandom): string | undefined {
  const bulk = records !== undefined && records >= BULK_THRESHOLD && (system.data === 'confidential' || system.data === 'restricted');
  if (!bulk && !unprotected && (DEVICE_ROLES.has(system.role) || rng.chance(0.3))) return undefined;
  const parts: string[] = [];
  if (SERVICE_ROLES.has(system.role) || system.role === 'saas' || WORKSTATION_ROLES.has(system.role)) parts.push(`mfa: ${rng.chance(0.8)}`);
  if (unprotected) {
    // Either control may be the missing one.
    if (rng.chance(0.5)) parts.push('audit_log: true', 'rate_limit: false');
    else parts.push('audit_log: false');
  } else if (bulk) {
    parts.push('audit_log: true', 'rate_limit: true');
  } else {
    if (rng.chance(0.6)) parts.push(`audit_log: ${rng.chance(0.7)}`);
    if (rng.chance(0.3)) parts.push(`rate_limit: ${rng.chance(0.5)}`);
  }
  if (!WORKSTATION_ROLES.has(system.role) && rng.chance(0.7)) parts.push(`backups: ${rng.chance(0.9)}`);
  return parts.length > 0 ? `{ ${parts.join(', ')} }` : undefined;
}

function dependenciesOf(plan: RegisterPlan, system: SystemPlan, rng: SeededRandom): string[] {
  const { core, systems, islands, zoneDatabases } = plan;
  const id = (i: number) => systems[i].id;
  const out: string[] = [];
  const anyOf = (members: number[]) => `{ any_of: ${yamlStringList(members.map(id))} }`;
  const directoryPair = () => {
    const pair = 2 * rng.int(Math.floor(core.domainControllers.length / 2));
    return anyOf(core.domainControllers.slice(pair, pair + 2));
  };
  if (system.island >= 0) {
    const island = islands[system.island];
    const head = island.members[0];
    const device = system.role !== 'db' && system.role !== 'app' && system.role !== 'srv';
    if (system.index !== head && device && SERVICE_ROLES.has(systems[head].role) && rng.chance(0.6)) out.push(id(head));
    const db = island.members.find((m) => systems[m].role === 'db');
    if (system.index === head && db !== undefined) out.push(id(db));
    return out;
  }
  if (WORKSTATION_ROLES.has(system.role)) {
    if (rng.chance(0.4)) out.push(directoryPair());
    return out;
  }
  switch (system.role) {
    case 'db':
      if (rng.chance(0.6)) out.push(id(rng.pick(core.storage)));
      return out;
    case 'sso':
      out.push(directoryPair());
      return out;
    case 'fs': case 'mon': case 'backup': case 'mail': case 'chat':
      if (plan.zones[system.zone].cls === 'third-party') return out;
      if (rng.chance(0.5)) out.push(anyOf(core.dns));
      if (rng.chance(0.3)) out.push(id(rng.pick(core.storage)));
      return out;
    default:
      if (!SERVICE_ROLES.has(system.role)) return out;
  }
  if (rng.chance(0.5)) out.push(anyOf(core.dns));
  if (rng.chance(0.5)) out.push(directoryPair());
  if (system.traits & SystemTrait.needsSso || rng.chance(0.3)) out.push(id(core.sso));
  const dbs = zoneDatabases[system.zone];
  if (dbs.length > 0 && rng.chance(0.7)) {
    const first = rng.pick(dbs);
    const second = dbs[(dbs.indexOf(first) + 1) % dbs.length];
    out.push(dbs.length > 1 && rng.chance(0.25) ? anyOf([first, second]) : id(first));
  }
  const r = rng.next();
  if (r < 0.05 && plan.saasSystems.length > 0) out.push(id(rng.pick(plan.saasSystems)));
  else if (r < 0.07 && plan.hostedVendors.length > 0) out.push(plan.vendors[rng.pick(plan.hostedVendors)].id);
  return out;
}

function tagsOf(plan: RegisterPlan, system: SystemPlan, records: number | undefined, rng: SeededRandom): string[] {
  const tags: string[] = [];
  const cls = plan.zones[system.zone].cls;
  if (records !== undefined) tags.push('gdpr');
  if (system.traits & SystemTrait.legacy) tags.push('legacy');
  if (cls === 'field' && DEVICE_ROLES.has(system.role)) tags.push('ot');
  if (cls === 'admin') tags.push('tier0');
  if (plan.zones[system.zone].id === 'finance' && rng.chance(0.3)) tags.push('pci-dss');
  if (rng.chance(0.05)) tags.push(rng.pick(['nis2', 'pilot', 'to-decommission', 'shared-service', 'hds']));
  return tags;
}
