// Impact sizes for every node at once (SPEC §2.3), for single-point-of-failure and vendor-concentration, without a
// fixed-point recomputation per node.
//
// Method. Failure is the least fixed point of a monotone AND/OR system, so the impact of X is what an incremental
// worklist started from X alone reaches (see availability-propagation.ts): it touches only the failed region and
// the groups those nodes belong to, and its buffers are reset from touched lists, never reallocated. On top of that,
// two exact short-cuts settle most nodes of a realistic (wide, shallow) register in O(1) or O(degree):
//   - a node no group mentions takes down only itself;
//   - a node X all of whose memberships are in groups of one other node W, at least one of them a group that X's
//     failure empties, and W not in X's strongly connected component: X's failure fails W and touches nothing else,
//     so impact(X) = {X} ∪ impact(W), and X ∉ impact(W) because W cannot reach back to X. Nodes are visited in
//     Tarjan's reverse topological order (availability-order.ts), so W is always counted before X. This makes a
//     plain dependency chain, or a vendor whose only customer is one system, linear.
// Everything else runs the worklist.
//
// Complexity. O(V + M) memory throughout, M being the number of group memberships. Time O(V + M) for the order plus,
// per node that needs the worklist, O(its impact + the memberships of the impacted nodes). Wide, shallow registers
// (everything depends on a few core systems) cost about (number of core nodes) × V. A pathological deep
// depends_on structure the short-cuts do not cover (each system depending on the two before it, say) costs O(V²)
// time, still O(V) memory, and never recurses.

import type { AvailabilityModel } from './availability-model.js';
import { NODE_SYSTEM } from './availability-model.js';
import { dependentsFirstOrder } from './availability-order.js';
import { propagatorFor } from './availability-propagation.js';

const HIGH = 2;
const CRITICAL = 3;

export interface ImpactCounts {
  /** Number of systems in the impact of each node (the node itself included when it is a system). */
  size: Int32Array;
  /** High or critical systems in the impact, other than the node itself. */
  highOrCriticalOthers: Int32Array;
  /** Critical systems in the impact, other than the node itself. */
  criticalOthers: Int32Array;
  /** 1 when the impact holds a critical system, the node itself included. */
  includesCritical: Uint8Array;
}

export function allImpactCounts(model: AvailabilityModel): ImpactCounts {
  const n = model.nodeCount;
  const { nodeKind, criticality, baselineFailed, occurrenceStart, occurrenceGroup, groupOwner, baselineRemaining } = model;
  // Counts include the node itself; the "others" figures are derived at the end.
  const size = new Int32Array(n);
  const highOrCritical = new Int32Array(n);
  const critical = new Int32Array(n);
  const { order, component } = dependentsFirstOrder(model);
  const propagator = propagatorFor(model);

  for (let k = 0; k < n; k++) {
    const x = order[k];
    if (baselineFailed[x] === 1) continue;
    const self = nodeKind[x] === NODE_SYSTEM ? 1 : 0;
    const selfHigh = self === 1 && criticality[x] >= HIGH ? 1 : 0;
    const selfCritical = self === 1 && criticality[x] === CRITICAL ? 1 : 0;
    const w = soleForcedDependent(x, occurrenceStart, occurrenceGroup, groupOwner, baselineRemaining);
    if (occurrenceStart[x] === occurrenceStart[x + 1]) {
      size[x] = self;
      highOrCritical[x] = selfHigh;
      critical[x] = selfCritical;
    } else if (w >= 0 && component[w] !== component[x]) {
      size[x] = size[w] + self;
      highOrCritical[x] = highOrCritical[w] + selfHigh;
      critical[x] = critical[w] + selfCritical;
    } else {
      propagator.fail(x);
      propagator.run();
      let s = 0;
      let h = 0;
      let c = 0;
      for (let i = 0; i < propagator.failedCount; i++) {
        const v = propagator.failedList[i];
        if (nodeKind[v] !== NODE_SYSTEM) continue;
        s++;
        if (criticality[v] >= HIGH) h++;
        if (criticality[v] === CRITICAL) c++;
      }
      propagator.reset();
      size[x] = s;
      highOrCritical[x] = h;
      critical[x] = c;
    }
  }

  const includesCritical = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    includesCritical[v] = critical[v] > 0 ? 1 : 0;
    if (nodeKind[v] === NODE_SYSTEM && baselineFailed[v] === 0) {
      if (criticality[v] >= HIGH) highOrCritical[v]--;
      if (criticality[v] === CRITICAL) critical[v]--;
    }
  }
  return { size, highOrCriticalOthers: highOrCritical, criticalOthers: critical, includesCritical };
}

/**
 * The one node whose groups hold every membership of x, when x's failure empties at least one of those groups;
 * -1 otherwise. Memberships are ordered by group, so repeats of x in one group are adjacent.
 */
function soleForcedDependent(
  x: number, occurrenceStart: Int32Array, occurrenceGroup: Int32Array, groupOwner: Int32Array,
  baselineRemaining: Int32Array,
): number {
  const start = occurrenceStart[x];
  const end = occurrenceStart[x + 1];
  if (start === end) return -1;
  const w = groupOwner[occurrenceGroup[start]];
  let forced = false;
  let i = start;
  while (i < end) {
    const g = occurrenceGroup[i];
    if (groupOwner[g] !== w) return -1;
    let repeats = 0;
    while (i < end && occurrenceGroup[i] === g) {
      repeats++;
      i++;
    }
    if (repeats === baselineRemaining[g]) forced = true;
  }
  return forced ? w : -1;
}
