// Deterministic shortest paths (SPEC §2.2 witnesses, and the `path FROM TO` command).
//
// A shortest path counted in links, with ties broken at each step by the smallest next node id, then the smallest
// link id. Method: one backward BFS from every target gives each node its distance to the nearest target; the walk
// then goes forward from the start, always taking the first out-arc (CSR order is (target node, link), and node
// numbers follow ids) whose head is exactly one step closer. Every node with a finite distance lies on some shortest
// path to a target, so the greedy choice never dead-ends, and it is the lexicographically smallest shortest path.
// Cost: O(V + E) for the BFS; the walk costs the out-degrees of the nodes on the path.

import type { AttackGraph } from './attack-graph.js';
import { bfsDistances } from './bfs-distances.js';
import type { TraversalFilter } from './traversal-filter.js';
import { arcUsable, isRemoved } from './traversal-filter.js';

export interface GraphPath {
  /** Node numbers, start first; one more than links. */
  nodes: number[];
  /** Link numbers. */
  links: number[];
}

/**
 * The shortest path of at least one link from `from` to a node satisfying `isTarget`, other than `from` itself
 * (a node is never its own target, as in SPEC §2.2). Undefined when there is none, or when `from` is removed.
 */
export function shortestPath(
  graph: AttackGraph, from: number, isTarget: (node: number) => boolean, options?: TraversalFilter,
): GraphPath | undefined {
  if (isRemoved(options, from)) return undefined;
  const targets: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    if (v !== from && !isRemoved(options, v) && isTarget(v)) targets.push(v);
  }
  const toTarget = bfsDistances(graph, targets, 'backward', options);
  if (toTarget[from] < 1) return undefined;
  return descendingWalk(graph, from, (v) => toTarget[v], options);
}

/**
 * Walks from `start` down a distance function (`remaining(v)` = links left to a goal, -1 when none) until it reaches
 * 0, taking at each step the smallest (node, link) whose head is exactly one step closer. `remaining` must be an
 * exact shortest-path distance in the filtered graph, and `remaining(start)` ≥ 1.
 */
export function descendingWalk(
  graph: AttackGraph, start: number, remaining: (node: number) => number, filter?: TraversalFilter,
): GraphPath {
  const nodes = [start];
  const links: number[] = [];
  let v = start;
  let left = remaining(start);
  while (left > 0) {
    let next = -1;
    for (let i = graph.outStart[v]; i < graph.outStart[v + 1]; i++) {
      const arc = graph.outArcs[i];
      if (remaining(graph.arcTo[arc]) === left - 1 && arcUsable(graph, filter, arc)) {
        next = arc;
        break;
      }
    }
    if (next === -1) throw new Error(`descendingWalk: no step from node ${v} at distance ${left}`);
    v = graph.arcTo[next];
    nodes.push(v);
    links.push(graph.arcLink[next]);
    left--;
  }
  return { nodes, links };
}
