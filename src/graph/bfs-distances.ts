// Plain multi-source breadth-first search over the attack graph: fewest links from (forward) or to (backward) the
// nearest seed. Iterative, with a typed-array queue: O(V + E) time, O(V) memory.

import type { AttackGraph } from './attack-graph.js';
import type { Direction } from './nearest-origins.js';
import type { TraversalFilter } from './traversal-filter.js';
import { isRemoved, usableByPosition } from './traversal-filter.js';

/** Distance per node, -1 when unreached. Seeds start at `seedDistance`; removed seeds are ignored. */
export function bfsDistances(
  graph: AttackGraph, seeds: Iterable<number>, direction: Direction, filter?: TraversalFilter, seedDistance = 0,
): Int32Array {
  const n = graph.nodeCount;
  const distance = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let tail = 0;
  for (const seed of seeds) {
    if (distance[seed] !== -1 || isRemoved(filter, seed)) continue;
    distance[seed] = seedDistance;
    queue[tail++] = seed;
  }
  const usable = usableByPosition(graph, filter, direction);
  const forward = direction === 'forward';
  const start = forward ? graph.outStart : graph.inStart;
  const neighbour = forward ? graph.outNode : graph.inNode;
  for (let head = 0; head < tail; head++) {
    const v = queue[head];
    const next = distance[v] + 1;
    for (let i = start[v]; i < start[v + 1]; i++) {
      const u = neighbour[i];
      if (distance[u] !== -1 || (usable !== undefined && usable[i] === 0)) continue;
      distance[u] = next;
      queue[tail++] = u;
    }
  }
  return distance;
}
