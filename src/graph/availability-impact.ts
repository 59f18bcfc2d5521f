// The impact of one failed node (SPEC §2.3, `sidedoor impact NODE`): the systems that stop running, and the any_of
// groups that lost members but still hold, so the user sees which redundancy saved which service.
//
// One incremental failure propagation from the node: O(k log k + occurrences of the k failed nodes), where k is the
// size of the impact (the log is the final sort).

import type { AvailabilityModel } from './availability-model.js';
import { NODE_SYSTEM } from './availability-model.js';
import { compareIds } from './attack-graph.js';
import { propagatorFor } from './availability-propagation.js';

export interface SavedGroup {
  /** The system whose `depends_on` holds the group. */
  system: string;
  /** The group's members as written. */
  group: string[];
  /** Members that went down with the failure, sorted. */
  lost: string[];
  /** Members still running, sorted. */
  survivors: string[];
}

export interface Impact {
  /** Node numbers of the systems that stop running, sorted (so sorted by id). */
  systems: number[];
  /** Sorted by system, then by the group's position in `depends_on`. */
  savedGroups: SavedGroup[];
}

export function resolveNode(model: AvailabilityModel, node: string | number): number {
  const v = typeof node === 'number' ? node : model.nodeIndex.get(node);
  if (v === undefined || !Number.isInteger(v) || v < 0 || v >= model.nodeCount) {
    throw new RangeError(`${String(node)} is not a node of the register`);
  }
  return v;
}

export interface ImpactOptions {
  /** Describe the saved any_of groups (default true); callers that only need `systems` can skip that work. */
  savedGroups?: boolean;
}

export function impactOf(model: AvailabilityModel, node: string | number, options: ImpactOptions = {}): Impact {
  const x = resolveNode(model, node);
  const propagator = propagatorFor(model);
  propagator.fail(x);
  propagator.run();
  const { failed, failedList, touchedGroups } = propagator;
  const systems: number[] = [];
  for (let i = 0; i < propagator.failedCount; i++) {
    const v = failedList[i];
    if (model.nodeKind[v] === NODE_SYSTEM) systems.push(v);
  }
  systems.sort((a, b) => a - b);

  const saved: number[] = [];
  for (let i = 0; options.savedGroups !== false && i < propagator.touchedCount; i++) {
    const g = touchedGroups[i];
    if (propagator.remaining[g] > 0 && failed[model.groupOwner[g]] === 0 && model.anyOfWritten.has(g)) saved.push(g);
  }
  saved.sort((a, b) => a - b);
  const savedGroups = saved.map((g) => describeSavedGroup(model, g, failed));
  propagator.reset();
  return { systems, savedGroups };
}

function describeSavedGroup(model: AvailabilityModel, g: number, failed: Uint8Array): SavedGroup {
  const lost = new Set<string>();
  const survivors = new Set<string>();
  for (let i = model.memberStart[g]; i < model.memberStart[g + 1]; i++) {
    const u = model.members[i];
    if (failed[u] === 0) survivors.add(model.nodeIds[u]);
    else if (model.baselineFailed[u] === 0) lost.add(model.nodeIds[u]);
  }
  return {
    system: model.nodeIds[model.groupOwner[g]],
    group: [...(model.anyOfWritten.get(g) ?? [])],
    lost: [...lost].sort(compareIds),
    survivors: [...survivors].sort(compareIds),
  };
}
