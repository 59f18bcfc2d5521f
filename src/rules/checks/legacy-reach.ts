// Who can reach a legacy system, for legacy-exposed (SPEC §3.1): `internet` or any other node of trust ≤ 1, over one
// or more links; or a node F of the foothold of a trust-≤1 vendor V (foothold.ts), F ≠ V, when the system is not in
// V's foothold (a vendor patching its own product is not an exposure; its product reaching someone else's is).
//
// Three searches:
// - the low-trust nodes themselves: one two-nearest-origins BFS (nearest-origins.ts), O(V + E);
// - the footholds of vendors that serve no other vendor (their foothold is their own supply group, foothold.ts):
//   one BFS keeping the two nearest distinct groups, so "reached from a group other than the system's own" is read
//   per node, O(V + E);
// - the fourth parties, whose footholds span several groups: one search for all of them that keeps, per node, the first
//   few fourth parties reaching it (earliest-reaching.ts), O(k × (V + E)) where k − 1 is the most fourth-party
//   footholds any one unreached system lies in.

import type { AttackGraph } from '../../graph/attack-graph.js';
import { earliestReaching } from '../../graph/earliest-reaching.js';
import { FootholdFinder, supplyGroups } from '../../graph/foothold.js';
import { distanceExcluding, nearestTwoOrigins, originExcluding } from '../../graph/nearest-origins.js';
import { INTERNET_NODE } from '../../register/types.js';

export interface LegacyReach {
  /** The nearest low-trust node, or foothold node, that reaches the system. */
  from: number;
  /** The vendor whose foothold `from` belongs to, when it is not a low-trust node itself. */
  supplier?: number;
  /** Links from `from`. */
  distance: number;
}

/**
 * For each of `systems` that some low-trust start reaches: how. Prefers a low-trust node; among footholds, a group
 * search's answer, then a fourth party's for what is still unreached.
 */
export function legacyReach(graph: AttackGraph, systems: readonly number[]): Map<number, LegacyReach> {
  const out = new Map<number, LegacyReach>();
  const sources: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    if (graph.nodeIds[v] === INTERNET_NODE || graph.nodeTrust[v] <= 1) sources.push(v);
  }
  // The nearest low-trust node other than the system itself (reachability.ts's reachedFromOther, without the rest).
  const nearest = nearestTwoOrigins(graph, sources, 'forward');
  for (const v of systems) {
    const from = originExcluding(nearest, v, v);
    if (from !== -1) out.set(v, { from, distance: distanceExcluding(nearest, v, v) });
  }
  if (out.size === systems.length || graph.supply.count === 0) return out;

  const finder = new FootholdFinder(graph);
  const groups = supplyGroups(graph);
  const groupMembers: number[] = [];
  const fourthParties: number[] = [];
  const { outStart, outEdges, to } = graph.supply;
  for (let v = 0; v < graph.nodeCount; v++) {
    if (graph.nodeType[v] !== 'vendor' || graph.nodeTrust[v] > 1 || finder.suppliesNothing(v)) continue;
    // Systems supply nothing, so a vendor's foothold holds another vendor exactly when it supplies one directly;
    // otherwise the foothold is the vendor and the systems it supplies.
    let fourthParty = false;
    for (let i = outStart[v]; i < outStart[v + 1]; i++) if (graph.nodeType[to[outEdges[i]]] === 'vendor') fourthParty = true;
    if (fourthParty) fourthParties.push(v);
    else for (let i = outStart[v]; i < outStart[v + 1]; i++) groupMembers.push(to[outEdges[i]]);
  }
  const note = (v: number, how: LegacyReach) => {
    if (!out.has(v)) out.set(v, how);
  };
  if (groupMembers.length > 0) {
    const nearest = nearestTwoOrigins(graph, groupMembers, 'forward', undefined, groups);
    for (const v of systems) {
      const distance = distanceExcluding(nearest, v, groups[v]);
      if (distance < 1) continue;
      // The labels are supply groups, so the start named is the supplier's foothold as a whole.
      const supplier = originExcluding(nearest, v, groups[v]);
      note(v, { from: supplier, supplier, distance });
    }
  }
  const pending = systems.filter((v) => !out.has(v));
  if (fourthParties.length === 0 || pending.length === 0) return out;
  // Each fourth party, in node order, may add the systems no one reaches yet (it never shortens a low-trust node's
  // own path): the first one whose start nodes reach the system, when the system is not in its foothold. A system
  // lies in the footholds of `excluded` of them, so its first excluded + 1 reaching fourth parties hold the answer.
  const isPending = new Uint8Array(graph.nodeCount);
  for (const v of pending) isPending[v] = 1;
  const footholdSets: Set<number>[] = [];
  const excluded = new Int32Array(graph.nodeCount);
  const startSets = fourthParties.map((vendor) => {
    const foothold = finder.footholdOf(vendor);
    footholdSets.push(new Set(foothold));
    const starts: number[] = [];
    for (const m of foothold) {
      if (isPending[m] === 1) excluded[m]++;
      // A member held through another low-trust vendor g is searched from as part of g's foothold (the group search,
      // or g's own turn here), which excludes less (g's foothold lies inside this one): only this vendor's own systems
      // and what it holds through vendors of higher trust are new starts.
      const holder = groups[m] === m ? m : groups[m];
      if (m !== vendor && (holder === vendor || graph.nodeTrust[holder] > 1)) starts.push(m);
    }
    return starts;
  });
  let capacity = 1;
  for (const v of pending) capacity = Math.max(capacity, excluded[v] + 1);
  const reaching = earliestReaching(graph, startSets, capacity);
  for (const v of pending) {
    for (let j = 0; j < reaching.count[v]; j++) {
      const i = reaching.set[v * capacity + j];
      if (footholdSets[i].has(v)) continue;
      const vendor = fourthParties[i];
      out.set(v, { from: vendor, supplier: vendor, distance: reaching.distance[v * capacity + j] });
      break;
    }
  }
  return out;
}
