// What a set of source nodes can reach over one or more links (multi-source BFS), for `legacy-exposed` ("reachable
// from internet or from any OTHER node of trust ≤ 1"), `blast-radius`, and the remediation cut.
//
// Two searches, each O(V + E):
// - `distance`: a BFS seeded with the heads of the sources' out-arcs at distance 1, so that a path always has at
//   least one link and a source counts as reached only when another source reaches it or it lies on a cycle;
// - `distanceFromOther`: the two-nearest-distinct-origins BFS (nearest-origins.ts), which tells for every node
//   the nearest source other than itself.

import type { AttackGraph } from './attack-graph.js';
import { bfsDistances } from './bfs-distances.js';
import { nearestTwoOrigins, originExcluding, distanceExcluding } from './nearest-origins.js';
import type { TraversalFilter } from './traversal-filter.js';
import { arcUsable, isRemoved } from './traversal-filter.js';

/**
 * Fewest links from the nearest of `sources` to each node, over at least one link (a source itself only when another
 * source, or a cycle, leads back to it); -1 when unreached. Removed sources reach nothing. O(V + E).
 */
export function distancesOverLinks(graph: AttackGraph, sources: readonly number[], filter?: TraversalFilter): Int32Array {
  const firstSteps: number[] = [];
  for (const source of sources) {
    if (isRemoved(filter, source)) continue;
    for (let i = graph.outStart[source]; i < graph.outStart[source + 1]; i++) {
      const arc = graph.outArcs[i];
      if (arcUsable(graph, filter, arc)) firstSteps.push(graph.arcTo[arc]);
    }
  }
  return bfsDistances(graph, firstSteps, 'forward', filter, 1);
}

export interface Reachability {
  /** Per node: 1 when some source reaches it over at least one link (a source reaches itself only around a cycle). */
  reached: Uint8Array;
  /** Fewest links from the nearest source, over at least one link; -1 when unreached. */
  distance: Int32Array;
  /** Per node: 1 when a source other than the node itself reaches it. */
  reachedFromOther: Uint8Array;
  /** Fewest links from the nearest source other than the node itself; -1 when none. */
  distanceFromOther: Int32Array;
  /** That source (the smallest id among equally near ones); -1 when none. */
  nearestOtherSource: Int32Array;
}

/** Removed sources, and sources reachable only through removed nodes, reach nothing. */
export function reachableFrom(graph: AttackGraph, sources: readonly number[], options?: TraversalFilter): Reachability {
  const n = graph.nodeCount;
  const distance = distancesOverLinks(graph, sources, options);
  const reached = new Uint8Array(n);
  for (let v = 0; v < n; v++) if (distance[v] !== -1) reached[v] = 1;

  const nearest = nearestTwoOrigins(graph, sources, 'forward', options);
  const distanceFromOther = new Int32Array(n);
  const nearestOtherSource = new Int32Array(n);
  const reachedFromOther = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    distanceFromOther[v] = distanceExcluding(nearest, v, v);
    nearestOtherSource[v] = originExcluding(nearest, v, v);
    if (nearestOtherSource[v] !== -1) reachedFromOther[v] = 1;
  }
  return { reached, distance, reachedFromOther, distanceFromOther, nearestOtherSource };
}
