// `sidedoor impact NODE`: what stops running when one node (a system, a vendor, or `internet`) is out, per SPEC §2.3,
// with each system's criticality, the count per criticality, the any_of groups that lost a member but still hold
// (the redundancy that saved a service), and whether the node is a single point of failure.
// Cost: one incremental failure propagation (availability-impact.ts), plus a sort of the impact.

import type { AvailabilityModel } from '../graph/availability.js';
import { impactOf } from '../graph/availability.js';
import type { SavedGroup } from '../graph/availability.js';
import { compareIds } from '../graph/attack-graph.js';
import type { Level, Register } from '../register/types.js';
import { LEVEL_RANK } from '../register/types.js';

export interface ImpactedSystem {
  id: string;
  name: string;
  zone: string;
  criticality: Level;
}

export interface ImpactReport {
  node: { id: string; name: string; type: 'system' | 'vendor' | 'internet'; redundant: boolean };
  /** By criticality, highest first, then by id. The failed system itself is included. */
  systems: ImpactedSystem[];
  byCriticality: Record<Level, number>;
  savedGroups: SavedGroup[];
  /** SPEC §2.3: the impact holds a high or critical system other than the node, and the node is not `redundant`. */
  singlePointOfFailure: boolean;
}

export const LEVELS_DOWN: readonly Level[] = ['critical', 'high', 'medium', 'low'];

export function impactReport(register: Register, model: AvailabilityModel, node: number): ImpactReport {
  const id = model.nodeIds[node];
  const system = register.systems.get(id);
  const vendor = register.vendors.get(id);
  const impact = impactOf(model, node);
  const systems: ImpactedSystem[] = impact.systems.map((v) => {
    const s = register.systems.get(model.nodeIds[v]);
    if (s === undefined) throw new Error(`impactReport: ${model.nodeIds[v]} is not a system`);
    return { id: s.id, name: s.name, zone: s.zone, criticality: s.criticality };
  });
  systems.sort((a, b) => LEVEL_RANK[b.criticality] - LEVEL_RANK[a.criticality] || compareIds(a.id, b.id));
  const byCriticality: Record<Level, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const s of systems) byCriticality[s.criticality]++;
  const redundant = system?.redundant === true;
  return {
    node: {
      id,
      name: system?.name ?? vendor?.name ?? id,
      type: system !== undefined ? 'system' : vendor !== undefined ? 'vendor' : 'internet',
      redundant,
    },
    systems,
    byCriticality,
    savedGroups: impact.savedGroups,
    singlePointOfFailure: !redundant && systems.some((s) => s.id !== id && LEVEL_RANK[s.criticality] >= LEVEL_RANK.high),
  };
}
