// The neighbourhood of a node for `sidedoor graph --focus NODE --depth N`: every node within N hops of NODE, where a
// hop follows an arc in either direction (a focus view shows who can reach the node as well as what it reaches).
//
// Algorithm: breadth-first search over the out-arcs and in-arcs of the CSR index, with an explicit queue.
// Cost: O(V) for the distance array plus O(V' + E') for the part of the graph actually visited.

import type { AttackGraph } from '../graph/attack-graph.js';
import { InvalidDepthError, UnknownNodeError } from './errors.js';
import { nearestId } from './nearest-id.js';

/** Used when `--focus` is given without `--depth`: the node and its direct neighbours. */
export const DEFAULT_FOCUS_DEPTH = 1;

/** Node numbers within `depth` hops of `focus`, ascending (so also sorted by id). */
export function neighbourhood(graph: AttackGraph, focus: string, depth: number = DEFAULT_FOCUS_DEPTH): number[] {
  if (!Number.isSafeInteger(depth) || depth < 0) {
    throw new InvalidDepthError(`depth must be a non-negative integer, got ${String(depth)}`);
  }
  const start = graph.nodeIndex.get(focus);
  if (start === undefined) throw new UnknownNodeError(focus, nearestId(focus, graph.nodeIds));

  const distance = new Int32Array(graph.nodeCount).fill(-1);
  const queue = new Int32Array(graph.nodeCount);
  let head = 0;
  let tail = 0;
  distance[start] = 0;
  queue[tail++] = start;
  while (head < tail) {
    const v = queue[head++];
    const next = distance[v] + 1;
    if (next > depth) continue;
    for (let i = graph.outStart[v]; i < graph.outStart[v + 1]; i++) {
      const w = graph.arcTo[graph.outArcs[i]];
      if (distance[w] < 0) { distance[w] = next; queue[tail++] = w; }
    }
    for (let i = graph.inStart[v]; i < graph.inStart[v + 1]; i++) {
      const w = graph.arcFrom[graph.inArcs[i]];
      if (distance[w] < 0) { distance[w] = next; queue[tail++] = w; }
    }
  }
  return Array.from(queue.subarray(0, tail)).sort((a, b) => a - b);
}
