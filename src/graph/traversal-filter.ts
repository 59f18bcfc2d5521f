// What a traversal of the attack graph may use: nodes it must neither enter nor leave, and arcs it must not follow.
// The searches in this directory take a filter instead of a copied subgraph, so pruning costs O(V + E) once and
// the CSR index is shared by every rule.

import type { AttackGraph } from './attack-graph.js';

export interface TraversalFilter {
  /** Nodes marked 1 are never entered, never left and never reached. */
  removed?: Uint8Array;
  /** Arcs (indices into the graph's arc arrays) for which this returns false are never followed. */
  arcAllowed?: (arc: number) => boolean;
}

/** True when an arc may be followed: both ends present and the arc allowed. */
export function arcUsable(graph: AttackGraph, filter: TraversalFilter | undefined, arc: number): boolean {
  if (filter === undefined) return true;
  const removed = filter.removed;
  if (removed !== undefined && (removed[graph.arcFrom[arc]] === 1 || removed[graph.arcTo[arc]] === 1)) return false;
  return filter.arcAllowed === undefined || filter.arcAllowed(arc);
}

export function isRemoved(filter: TraversalFilter | undefined, node: number): boolean {
  return filter?.removed !== undefined && filter.removed[node] === 1;
}
