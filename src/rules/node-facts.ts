// Small lookups that many rules share: a node's zone, trust and data class, whoever it is (system, vendor or the
// built-in internet node), and whether a register date is already past.

import type { DataClass, Register, Trust } from '../register/types.js';
import { INTERNET_NODE, INTERNET_ZONE } from '../register/types.js';

export function nodeZone(register: Register, id: string): string {
  if (id === INTERNET_NODE) return INTERNET_ZONE;
  return register.systems.get(id)?.zone ?? register.vendors.get(id)?.zone ?? INTERNET_ZONE;
}

export function nodeTrust(register: Register, id: string): Trust {
  return register.zones.get(nodeZone(register, id))?.trust ?? 0;
}

/** The most sensitive data a node holds: a system's or vendor's `data`; the internet holds public data. */
export function nodeData(register: Register, id: string): DataClass {
  if (id === INTERNET_NODE) return 'public';
  return register.systems.get(id)?.data ?? register.vendors.get(id)?.data ?? 'public';
}

export function zoneLabel(register: Register, zoneId: string): string {
  const zone = register.zones.get(zoneId);
  return `zone ${zoneId} (trust ${zone?.trust ?? '?'})`;
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD` (negative when `to` is earlier). Pure date arithmetic. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The links' end(s) that count as a target: `to`, and `from` too when the link is bidirectional. */
export function linkTargets(link: { from: string; to: string; bidirectional: boolean }): string[] {
  return link.bidirectional && link.from !== link.to ? [link.to, link.from] : [link.to];
}

/** `1 day`, `3 days`: counts in messages (the one helper, re-exported for the rules). */
export { plural } from '../util/plural.js';

/** `Name (id)`, or just the id when the name adds nothing. */
export function entityLabel(entity: { id: string; name: string }): string {
  return entity.name === entity.id ? entity.id : `${entity.name} (${entity.id})`;
}
