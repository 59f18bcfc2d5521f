// Ids of the synthetic systems: `<prefix>-<role token>-<nn>`, where the prefix is the supplying vendor for systems kept
// in a vendor's own file (`parkco-kiosk-03`) and the zone otherwise (`office-ws-0142`). Every id ends in exactly one
// all-digit segment and contains no `to` segment, which keeps every default link id `<from>-to-<to>[-<port>]` unique
// (`a-to-b-443` could otherwise also be `a` to a node `b-443`) and at most 64 characters long.

import type { SystemPlan, VendorPlan, ZonePlan } from './plan-types.js';
import { ROLES } from './system-roles.js';

export const MAX_NODE_ID_LENGTH = 27;

export function assignSystemIds(systems: SystemPlan[], vendors: readonly VendorPlan[], zones: readonly ZonePlan[]): void {
  const prefixes: string[] = systems.map((s) => {
    const vendor = s.vendor >= 0 ? vendors[s.vendor] : undefined;
    const useVendor = vendor?.dedicated === true && vendor.id.length + ROLES[s.role].token.length + 8 <= MAX_NODE_ID_LENGTH;
    return `${useVendor ? vendor.id : zones[s.zone].id}-${ROLES[s.role].token}`;
  });
  const totals = new Map<string, number>();
  for (const prefix of prefixes) totals.set(prefix, (totals.get(prefix) ?? 0) + 1);
  const seen = new Map<string, number>();
  const taken = new Set<string>(vendors.map((v) => v.id));
  for (const system of systems) {
    const prefix = prefixes[system.index];
    const ordinal = (seen.get(prefix) ?? 0) + 1;
    seen.set(prefix, ordinal);
    const width = Math.max(2, String(totals.get(prefix)).length);
    system.ordinal = ordinal;
    system.id = `${prefix}-${String(ordinal).padStart(width, '0')}`;
    if (system.id.length > MAX_NODE_ID_LENGTH || taken.has(system.id)) throw new Error(`internal: bad generated id ${system.id}`);
    taken.add(system.id);
  }
}
