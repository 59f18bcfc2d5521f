// Brute-force reference for SPEC §2.3 availability: the greatest fixed point computed from scratch, iterating
// "runs" downward from all-true until nothing changes. Deliberately naive: it is the definition, nothing more.

import type { Register } from '../../../src/register/types.js';
import { INTERNET_NODE, LEVEL_RANK } from '../../../src/register/types.js';

export function allNodeIds(register: Register): string[] {
  const ids = [INTERNET_NODE, ...register.vendors.keys(), ...register.systems.keys()];
  return ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Which nodes run when `down` (if any) is the only node that is not up. */
export function runningWith(register: Register, down: string | undefined): Map<string, boolean> {
  const runs = new Map<string, boolean>();
  for (const id of allNodeIds(register)) runs.set(id, id !== down);
  const running = (id: string) => runs.get(id) === true;
  let changed = true;
  while (changed) {
    changed = false;
    for (const [id, now] of runs) {
      if (!now) continue;
      const system = register.systems.get(id);
      const vendor = register.vendors.get(id);
      let ok = true;
      if (system !== undefined) {
        ok = system.depends_on.every((d) => d.anyOf.some(running))
          && (system.vendor === undefined || running(system.vendor));
      } else if (vendor !== undefined) {
        ok = vendor.subprocessors.every(running);
      }
      if (!ok) {
        runs.set(id, false);
        changed = true;
      }
    }
  }
  return runs;
}

export interface OracleImpact {
  systems: string[];
  savedGroups: { system: string; group: string[]; lost: string[]; survivors: string[] }[];
  size: number;
  highOrCriticalOthers: number;
  criticalOthers: number;
  includesCritical: boolean;
}

export function oracleImpact(register: Register, x: string): OracleImpact {
  const before = runningWith(register, undefined);
  const after = runningWith(register, x);
  const systems = [...register.systems.keys()]
    .filter((id) => before.get(id) === true && after.get(id) !== true)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sort = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const savedGroups: OracleImpact['savedGroups'] = [];
  for (const id of [...register.systems.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (after.get(id) !== true) continue;
    for (const d of register.systems.get(id)!.depends_on) {
      if (!d.isAnyOf) continue;
      const lost = d.anyOf.filter((m) => before.get(m) === true && after.get(m) !== true);
      if (lost.length === 0) continue;
      savedGroups.push({
        system: id, group: [...d.anyOf], lost: sort(lost), survivors: sort(d.anyOf.filter((m) => after.get(m) === true)),
      });
    }
  }
  const rank = (id: string) => LEVEL_RANK[register.systems.get(id)!.criticality];
  const others = systems.filter((id) => id !== x);
  return {
    systems,
    savedGroups,
    size: systems.length,
    highOrCriticalOthers: others.filter((id) => rank(id) >= 2).length,
    criticalOthers: others.filter((id) => rank(id) === 3).length,
    includesCritical: systems.some((id) => rank(id) === 3),
  };
}
