// Impact sizes for every node at once (SPEC §2.3), for single-point-of-failure and vendor-concentration, without a
// fixed-point recomputation per node.
//
// Method. Failure is the least fixed point of a monotone AND/OR system, so the impact of X is what an incremental
// worklist started from X alone reaches (see availability-propagation.ts): it touches only the failed region and
// the groups those nodes belong to, and its buffers are reset from touched lists, never reallocated. On top of that,
// two exact short-cuts settle most nodes of a realistic register in O(1) or O(memberships of the node):
//   - a node no group mentions takes down only itself;
//   - the impact of X is {X} ∪ impact(W) when W is a dependent of X outside X's strongly connected component, X's
//     failure empties one of W's groups, and every other dependent of X has a group whose only live member is W.
//     Proof: that set is closed (a group holding X belongs to W or to a node W's failure already takes down; any
//     other group emptied by it is emptied by impact(W), which is closed), it contains X, and X's failure reaches
//     all of it, so it is the least fixed point from X; X ∉ impact(W) because W cannot reach back to X. Nodes are
//     visited in Tarjan's reverse topological order (availability-order.ts), so W is counted before X, and W is
//     taken as the dependent visited last (the only one that can force the others). This covers dependency chains,
//     layered services (a database, the application on it, the front end on both) and a vendor with one customer.
//     The check is abandoned once it has read more than a few times X's own memberships, so it never costs more
//     than the worklist would.
// Everything else runs the worklist.
//
// Complexity. O(V + M) memory throughout, M being the number of group memberships. Time O(V + M) for the order and
// the short-cuts, plus, per node that needs the worklist, O(its impact + the memberships of the impacted nodes).
// Wide, shallow registers (everything depends on a few core systems) cost about (number of core nodes) × V. A
// pathological deep depends_on structure the short-cuts do not cover costs O(V²) time, still O(V) memory, and never
// recurses.

import type { AvailabilityModel } from './availability-model.js';
import { NODE_SYSTEM } from './availability-model.js';
import type { DependentsOrder } from './availability-order.js';
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
  /** The dependent W with impact(x) = {x} ∪ impact(W), or -1 where the impact was propagated: lets callers build
   * capped impact lists incrementally, as the counts are. */
  representative: Int32Array;
}

export function allImpactCounts(model: AvailabilityModel): ImpactCounts {
  const n = model.nodeCount;
  const { nodeKind, criticality, baselineFailed, occurrenceStart } = model;
  // Counts include the node itself; the "others" figures are derived at the end.
  const size = new Int32Array(n);
  const highOrCritical = new Int32Array(n);
  const critical = new Int32Array(n);
  const representative = new Int32Array(n).fill(-1);
  const order = dependentsFirstOrder(model);
  const propagator = propagatorFor(model);

  for (let k = 0; k < n; k++) {
    const x = order.order[k];
    if (baselineFailed[x] === 1) continue;
    const self = nodeKind[x] === NODE_SYSTEM ? 1 : 0;
    const selfHigh = self === 1 && criticality[x] >= HIGH ? 1 : 0;
    const selfCritical = self === 1 && criticality[x] === CRITICAL ? 1 : 0;
    if (occurrenceStart[x] === occurrenceStart[x + 1]) {
      size[x] = self;
      highOrCritical[x] = selfHigh;
      critical[x] = selfCritical;
      continue;
    }
    const w = impactRepresentative(model, order, x);
    if (w >= 0) {
      representative[x] = w;
      size[x] = size[w] + self;
      highOrCritical[x] = highOrCritical[w] + selfHigh;
      critical[x] = critical[w] + selfCritical;
      continue;
    }
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

  const includesCritical = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    includesCritical[v] = critical[v] > 0 ? 1 : 0;
    if (nodeKind[v] === NODE_SYSTEM && baselineFailed[v] === 0) {
      if (criticality[v] >= HIGH) highOrCritical[v]--;
      if (criticality[v] === CRITICAL) critical[v]--;
    }
  }
  return { size, highOrCriticalOthers: highOrCritical, criticalOthers: critical, includesCritical, representative };
}

/**
 * The dependent W with impact(x) = {x} ∪ impact(W) (see the header), or -1 when the short-cut does not apply or
 * would cost more than propagating. x is not a baseline failure and is a member of at least one group.
 */
function impactRepresentative(model: AvailabilityModel, order: DependentsOrder, x: number): number {
  const { occurrenceStart, occurrenceGroup, groupOwner, baselineRemaining, baselineFailed } = model;
  const start = occurrenceStart[x];
  const end = occurrenceStart[x + 1];
  let w = -1;
  for (let i = start; i < end; i++) {
    const d = groupOwner[occurrenceGroup[i]];
    if (d !== x && baselineFailed[d] === 0 && (w < 0 || order.position[d] > order.position[w])) w = d;
  }
  if (w < 0 || order.component[w] === order.component[x]) return -1;

  // Memberships are ordered by group, and groups by owner, so repeats and same-owner groups are adjacent.
  let forcesW = false;
  let budget = 4 * (end - start) + 64;
  let checked = -1;
  for (let i = start; i < end;) {
    const g = occurrenceGroup[i];
    let repeats = 0;
    while (i < end && occurrenceGroup[i] === g) {
      repeats++;
      i++;
    }
    const d = groupOwner[g];
    if (d === w) {
      if (repeats === baselineRemaining[g]) forcesW = true;
    } else if (d !== x && d !== checked && baselineFailed[d] === 0) {
      budget -= model.groupStart[d + 1] - model.groupStart[d];
      if (budget < 0 || !forcedBy(model, d, w)) return -1;
      checked = d;
    }
  }
  return forcesW ? w : -1;
}

/** Whether d has a group whose only live member is w (w itself being live). */
function forcedBy(model: AvailabilityModel, d: number, w: number): boolean {
  const { groupStart, memberStart, members, baselineRemaining } = model;
  for (let g = groupStart[d]; g < groupStart[d + 1]; g++) {
    const live = baselineRemaining[g];
    if (live === 0 || memberStart[g + 1] - memberStart[g] < live) continue;
    let count = 0;
    for (let i = memberStart[g]; i < memberStart[g + 1]; i++) if (members[i] === w) count++;
    if (count === live) return true;
  }
  return false;
}
