// How the report names register entities: the display name, followed by the id when the two differ, so a reader can
// find the entity in the register. These strings are raw; each section escapes them for where they go.

import type { Register } from '../../register/types.js';
import { INTERNET_NODE } from '../../register/types.js';

export const INTERNET_NAME = 'Internet';

/** `ParkCo SAS (parkco)`, or just the id when the name is the id. */
export function nodeName(register: Register, id: string): string {
  if (id === INTERNET_NODE && !register.systems.has(id) && !register.vendors.has(id)) return INTERNET_NAME;
  const name = register.systems.get(id)?.name ?? register.vendors.get(id)?.name ?? id;
  return name === id ? id : `${name} (${id})`;
}

/** The bare display name (no id), for sentences. */
export function plainNodeName(register: Register, id: string): string {
  if (id === INTERNET_NODE && !register.systems.has(id) && !register.vendors.has(id)) return INTERNET_NAME;
  return register.systems.get(id)?.name ?? register.vendors.get(id)?.name ?? id;
}

/** `Administration (tier 0)`: the zone's display name, defaulting to its id. */
export function zoneName(register: Register, zoneId: string): string {
  return register.zones.get(zoneId)?.name ?? zoneId;
}

export function zoneTrust(register: Register, zoneId: string): number {
  return register.zones.get(zoneId)?.trust ?? 0;
}

/** `vendor`, `system` or `node` (the built-in internet). */
export function nodeType(register: Register, id: string): 'vendor' | 'system' | 'node' {
  if (register.systems.has(id)) return 'system';
  if (register.vendors.has(id)) return 'vendor';
  return 'node';
}
