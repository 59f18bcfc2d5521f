// Multi-source breadth-first search that keeps, for every node, its two nearest DISTINCT origins (with their
// distances), instead of only the nearest one. That is what lets a search answer "nearest origin other than X"
// for every X at once: it is the first label unless that label is X itself, and then it is the second.
//
// Each node accepts at most two labels, so each node is dequeued at most twice: O(V + E) time, O(V) memory.
//
// Ties: origins are enqueued in increasing node number, and every label a node passes on keeps its origin, so the
// queue is ordered by (distance, origin) throughout and offers reach each node in that order. Each node therefore
// keeps the two smallest (distance, origin) pairs over distinct origins: among equally near origins, the smallest
// id wins. (If a node's true pair for origin o were missing, the neighbour on its shortest path would hold two
// smaller pairs with other origins and pass both on, so two smaller distinct pairs would reach the node first.)

import type { AttackGraph } from './attack-graph.js';
import type { TraversalFilter } from './traversal-filter.js';
import { isRemoved, usableByPosition } from './traversal-filter.js';

export type Direction = 'forward' | 'backward';

export interface NearestOrigins {
  /** Per node: the nearest origin (an origin is its own nearest, at distance 0), or -1. */
  firstOrigin: Int32Array;
  firstDistance: Int32Array;
  /** Per node: the nearest origin other than firstOrigin, or -1. */
  secondOrigin: Int32Array;
  secondDistance: Int32Array;
}

/**
 * `forward` measures paths origin ⇝ node (follows out-arcs); `backward` measures node ⇝ origin (follows in-arcs).
 * Removed origins are ignored.
 *
 * With `labels`, an origin o is known by labels[o] instead of by o, and a node keeps its two nearest distinct
 * LABELS: several origins may share one (the systems of one supplier), and "nearest origin whose label is not X"
 * is then the first label unless it is X, else the second. The reported "origins" are labels; their distances
 * are exact by the same argument (ties among equally near labels are then broken by label, not by id).
 */
export function nearestTwoOrigins(
  graph: AttackGraph, origins: readonly number[], direction: Direction, filter?: TraversalFilter, labels?: Int32Array,
): NearestOrigins {
  const n = graph.nodeCount;
  const firstOrigin = new Int32Array(n).fill(-1);
  const firstDistance = new Int32Array(n).fill(-1);
  const secondOrigin = new Int32Array(n).fill(-1);
  const secondDistance = new Int32Array(n).fill(-1);
  // An entry is node * 2 + slot (0 = first label, 1 = second label).
  const queue = new Int32Array(2 * n);
  let tail = 0;
  const seeds = Int32Array.from(origins).sort();
  if (labels !== undefined) seeds.sort((a, b) => labels[a] - labels[b] || a - b);
  for (const origin of seeds) {
    if (firstOrigin[origin] !== -1 || isRemoved(filter, origin)) continue;
    firstOrigin[origin] = labels === undefined ? origin : labels[origin];
    firstDistance[origin] = 0;
    queue[tail++] = origin * 2;
  }
  const forward = direction === 'forward';
  const labelled = { firstOrigin, firstDistance, secondOrigin, secondDistance };
  spread(labelled, queue, tail, forward ? graph.outStart : graph.inStart, forward ? graph.outNode : graph.inNode, usableByPosition(graph, filter, direction));
  return labelled;
}

/**
 * The search itself, from the `tail` seeded entries of `queue`. A function of its own, so that the engine optimises
 * this loop once for every search, instead of compiling the caller mid-loop on each call and throwing that code away
 * at the return (it did, once per rule and zone).
 */
function spread(
  { firstOrigin, firstDistance, secondOrigin, secondDistance }: NearestOrigins, queue: Int32Array, seeded: number,
  start: Int32Array, neighbour: Int32Array, usable: Uint8Array | undefined,
): void {
  let tail = seeded;
  for (let head = 0; head < tail; head++) {
    const entry = queue[head];
    const v = entry >> 1;
    const second = (entry & 1) === 1;
    const origin = second ? secondOrigin[v] : firstOrigin[v];
    const distance = (second ? secondDistance[v] : firstDistance[v]) + 1;
    for (let i = start[v]; i < start[v + 1]; i++) {
      if (usable !== undefined && usable[i] === 0) continue;
      const u = neighbour[i];
      if (firstOrigin[u] === -1) {
        firstOrigin[u] = origin;
        firstDistance[u] = distance;
        queue[tail++] = u * 2;
      } else if (secondOrigin[u] === -1 && firstOrigin[u] !== origin) {
        secondOrigin[u] = origin;
        secondDistance[u] = distance;
        queue[tail++] = u * 2 + 1;
      }
    }
  }
}

/** Distance from (or to) the nearest origin other than `excluded`, or -1 when there is none. */
export function distanceExcluding(nearest: NearestOrigins, node: number, excluded: number): number {
  return nearest.firstOrigin[node] !== excluded ? nearest.firstDistance[node] : nearest.secondDistance[node];
}

/** The nearest origin other than `excluded` (smallest id among equally near ones), or -1. */
export function originExcluding(nearest: NearestOrigins, node: number, excluded: number): number {
  return nearest.firstOrigin[node] !== excluded ? nearest.firstOrigin[node] : nearest.secondOrigin[node];
}
