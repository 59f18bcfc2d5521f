// Breadth-first search from one node (or from a supplier's whole foothold, every node of it at distance 0, in id
// order) that also tells, for every node it reaches, the first gateway on the path
// `sidedoor path` would show to that node.
//
// A FIFO breadth-first search that scans out-arcs in CSR order (head node, then link: node numbers follow ids)
// discovers each node from the predecessor on its lexicographically smallest shortest path: by induction on the
// distance, the nodes of one level leave the queue in the order of their smallest shortest paths, so the first of
// them with an arc to w is the one whose path, extended by w, is smallest. That path is exactly what shortestPath
// (shortest-path.ts) returns for the single target w. Each node inherits its parent's first gateway, or becomes its
// own when it is a gateway and the parent has none. The starts are never reached again, nor their own gateways.
// Cost: O(V + E) time, O(V) memory, iterative.

import type { AttackGraph } from '../graph/attack-graph.js';

export interface FirstGateways {
  /** Fewest links from the start; 0 for the start, -1 when unreached. */
  distance: Int32Array;
  /** The first gateway on the path to each node, -1 when the path passes none (and for the start). */
  firstGateway: Int32Array;
}

export function firstGateways(graph: AttackGraph, starts: number | readonly number[], isGateway: Uint8Array): FirstGateways {
  const n = graph.nodeCount;
  const distance = new Int32Array(n).fill(-1);
  const firstGateway = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (const start of typeof starts === 'number' ? [starts] : starts) {
    if (distance[start] !== -1) continue;
    distance[start] = 0;
    queue[tail++] = start;
  }
  while (head < tail) {
    const u = queue[head++];
    for (let i = graph.outStart[u]; i < graph.outStart[u + 1]; i++) {
      const w = graph.arcTo[graph.outArcs[i]];
      if (distance[w] !== -1) continue;
      distance[w] = distance[u] + 1;
      firstGateway[w] = firstGateway[u] !== -1 ? firstGateway[u] : isGateway[w] === 1 ? w : -1;
      queue[tail++] = w;
    }
  }
  return { distance, firstGateway };
}
