// A shortest path from a supplier's foothold (SPEC §2.1, §2.2), for `path` and for the policy verdicts it prints:
// the source towards any target other than itself, and every other foothold node towards targets outside the
// foothold, over one or more links. Fewest links first, then the source itself, then the smallest foothold node;
// then the usual smallest-id walk. The path begins with the supply hops from the source to where the links start.
// This is, for one source, the witness findUnsegmentedPaths reports for a whole rule at once.
// Cost: two backward BFS, O(V + E), plus the foothold.

import type { AttackGraph } from './attack-graph.js';
import { bfsDistances } from './bfs-distances.js';
import { FootholdFinder } from './foothold.js';
import { descendingWalk } from './shortest-path.js';
import type { TraversalFilter } from './traversal-filter.js';
import { isRemoved } from './traversal-filter.js';

export interface FootholdPath {
  /** Supply edge numbers of the first hops (graph.supply); empty when the links start at the source. */
  supplyEdges: number[];
  /** Node numbers, source first: the supply hops, then the link path. */
  nodes: number[];
  /** Link numbers of the link path: nodes has supplyEdges + links + 1 entries. */
  links: number[];
}

export function footholdShortestPath(
  graph: AttackGraph, source: number, isTarget: (node: number) => boolean, filter?: TraversalFilter,
  finder: FootholdFinder = new FootholdFinder(graph),
): FootholdPath | undefined {
  if (isRemoved(filter, source)) return undefined;
  const foothold = finder.footholdOf(source);
  const inFoothold = new Uint8Array(graph.nodeCount);
  for (const v of foothold) inFoothold[v] = 1;
  const targets: number[] = [];
  const outside: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    if (v === source || isRemoved(filter, v) || !isTarget(v)) continue;
    targets.push(v);
    if (inFoothold[v] === 0) outside.push(v);
  }
  const toTarget = bfsDistances(graph, targets, 'backward', filter);
  let start = toTarget[source] >= 1 ? source : -1;
  let best = toTarget[source];
  let remaining = toTarget;
  if (foothold.length > 1) {
    const toOutside = outside.length === targets.length ? toTarget : bfsDistances(graph, outside, 'backward', filter);
    for (const member of foothold) {
      if (member === source || isRemoved(filter, member)) continue;
      const d = toOutside[member];
      if (d >= 1 && (start === -1 || d < best)) {
        start = member;
        best = d;
        remaining = toOutside;
      }
    }
  }
  if (start === -1) return undefined;
  const walk = descendingWalk(graph, start, (v) => remaining[v], filter);
  const supplyEdges = finder.supplyChain(source, start);
  return { supplyEdges, nodes: [source, ...supplyEdges.map((e) => graph.supply.to[e]), ...walk.nodes.slice(1)], links: walk.links };
}

/** Ids of a foothold path: nodes, then supply edge ids followed by link ids. */
export function footholdPathIds(graph: AttackGraph, path: FootholdPath): { nodes: string[]; links: string[]; supplyHops?: number } {
  return {
    ...(path.supplyEdges.length === 0 ? {} : { supplyHops: path.supplyEdges.length }),
    nodes: path.nodes.map((v) => graph.nodeIds[v]),
    links: [...path.supplyEdges.map((e) => graph.supply.ids[e]), ...path.links.map((l) => graph.links[l].id)],
  };
}
