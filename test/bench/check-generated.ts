// The structural checks a generated register must pass, as a list of problems (empty when sound): unique ids in
// each namespace, valid ids and dates, and every reference resolving to an entity of the right kind.

import { datesOf, ID_PATTERN, isCalendarDate, linkIdOf } from './read-generated.js';
import type { ReadRegister } from './read-generated.js';

const GATEWAY_KINDS = new Set(['firewall', 'jump-host', 'proxy', 'vpn-gateway', 'waf']);
const BUILTIN_ZONES = ['internet', 'third-party'];

export function checkGenerated(register: ReadRegister): string[] {
  const problems = [...register.problems];
  const zones = new Set<string>(BUILTIN_ZONES);
  for (const zone of register.zones) {
    const id = String(zone.id);
    if (!ID_PATTERN.test(id)) problems.push(`zone id ${id} is not a valid id`);
    if (zones.has(id)) problems.push(`zone ${id} is defined twice (or redefines a built-in)`);
    zones.add(id);
    if (!Number.isInteger(zone.trust) || (zone.trust as number) < 0 || (zone.trust as number) > 4) problems.push(`zone ${id} trust is out of range`);
  }

  const nodes = new Map<string, 'vendor' | 'system' | 'internet'>([['internet', 'internet']]);
  const kindOf = new Map<string, string>();
  for (const [kind, list] of [['vendor', register.vendors], ['system', register.systems]] as const) {
    for (const entity of list) {
      const id = String(entity.id);
      if (!ID_PATTERN.test(id)) problems.push(`${kind} id ${id} is not a valid id`);
      if (nodes.has(id)) problems.push(`node id ${id} is used twice`);
      nodes.set(id, kind);
      if (kind === 'system') kindOf.set(id, String(entity.kind ?? 'application'));
    }
  }
  const isVendor = (id: unknown) => nodes.get(String(id)) === 'vendor';
  const isSystem = (id: unknown) => nodes.get(String(id)) === 'system';
  const isNode = (id: unknown) => isVendor(id) || isSystem(id);

  for (const v of register.vendors) {
    if (v.zone !== undefined && !zones.has(String(v.zone))) problems.push(`vendor ${String(v.id)} zone ${String(v.zone)} is unknown`);
    for (const sub of (v.subprocessors as unknown[] | undefined) ?? []) {
      if (!isVendor(sub)) problems.push(`vendor ${String(v.id)} subprocessor ${String(sub)} is not a vendor`);
    }
  }
  for (const s of register.systems) {
    const id = String(s.id);
    if (!zones.has(String(s.zone))) problems.push(`system ${id} zone ${String(s.zone)} is unknown`);
    if (s.vendor !== undefined && !isVendor(s.vendor)) problems.push(`system ${id} vendor ${String(s.vendor)} is not a vendor`);
    for (const dep of (s.depends_on as unknown[] | undefined) ?? []) {
      const members = typeof dep === 'object' && dep !== null ? (dep as { any_of: unknown[] }).any_of : [dep];
      if (!Array.isArray(members) || members.length === 0) problems.push(`system ${id} has an empty any_of`);
      for (const m of members ?? []) if (!isNode(m) || m === id) problems.push(`system ${id} depends on ${String(m)}, not another node`);
    }
  }

  const linkIds = new Set<string>();
  for (const link of register.links) {
    const id = linkIdOf(link);
    if (!ID_PATTERN.test(id)) problems.push(`link id ${id} is not a valid id (too long?)`);
    if (linkIds.has(id)) problems.push(`link id ${id} is used twice`);
    linkIds.add(id);
    if (!isNode(link.from)) problems.push(`link ${id} from ${String(link.from)} is not a node`);
    if (!isNode(link.to)) problems.push(`link ${id} to ${String(link.to)} is not a node`);
    if (link.from === link.to) problems.push(`link ${id} is a loop`);
    for (const gateway of (link.via as unknown[] | undefined) ?? []) {
      if (!isSystem(gateway) || !GATEWAY_KINDS.has(kindOf.get(String(gateway)) ?? '')) problems.push(`link ${id} via ${String(gateway)} is not a gateway system`);
    }
    if (link.port !== undefined && (!Number.isInteger(link.port) || (link.port as number) < 1 || (link.port as number) > 65535)) {
      problems.push(`link ${id} port ${String(link.port)} is out of range`);
    }
  }
  for (const s of register.systems) {
    if (s.internet_facing === true && linkIds.has(`internet-to-${String(s.id)}`)) problems.push(`link id internet-to-${String(s.id)} clashes with an implicit edge`);
  }

  const policy = register.settings.policy as { segmentation?: Record<string, unknown>[] } | undefined;
  for (const rule of policy?.segmentation ?? []) {
    for (const side of ['from', 'to'] as const) {
      const selector = rule[side] as { zones?: unknown[]; systems?: unknown[] } | undefined;
      for (const z of selector?.zones ?? []) if (!zones.has(String(z))) problems.push(`policy ${String(rule.id)} names unknown zone ${String(z)}`);
      for (const s of selector?.systems ?? []) if (!isSystem(s)) problems.push(`policy ${String(rule.id)} names unknown system ${String(s)}`);
    }
    for (const g of (rule.allow_via as unknown[] | undefined) ?? []) if (!isSystem(g)) problems.push(`policy ${String(rule.id)} allows unknown ${String(g)}`);
  }
  for (const [where, value] of datesOf(register)) if (!isCalendarDate(value)) problems.push(`${where}: ${String(value)} is not a YYYY-MM-DD date`);
  return problems;
}
