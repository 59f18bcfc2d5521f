// What a traversal of the attack graph may use: nodes it must neither enter nor leave, and arcs it must not follow.
// The searches in this directory take a filter instead of a copied subgraph, so the CSR index is shared by every
// rule.

import type { AttackGraph } from './attack-graph.js';

export interface TraversalFilter {
  /** Nodes marked 1 are never entered, never left and never reached. */
  removed?: Uint8Array;
  /** Arcs (indices into the graph's arc arrays) for which this returns false are never followed. */
  arcAllowed?: (arc: number) => boolean;
  /**
   * The per-arc mask of `removed` and `arcAllowed` together, computed once by whoever builds a filter that many
   * searches share (a rule runs one search per zone and more), so that no search recomputes it.
   */
  usable?: Uint8Array;
  /** The same mask by CSR position: usableOut[i] is usable[outArcs[i]], usableIn[i] is usable[inArcs[i]]. */
  usableOut?: Uint8Array;
  usableIn?: Uint8Array;
}

/**
 * Per arc, 1 when it may be followed; undefined when every arc may. O(E), sequential: a search that scans most arcs
 * computes it once up front, so its hot loop reads one byte per arc instead of calling back.
 */
export function usableArcs(graph: AttackGraph, filter: TraversalFilter | undefined): Uint8Array | undefined {
  if (filter === undefined || (filter.removed === undefined && filter.arcAllowed === undefined)) return undefined;
  if (filter.usable !== undefined) return filter.usable;
  const mask = new Uint8Array(graph.arcCount);
  for (let arc = 0; arc < graph.arcCount; arc++) if (arcUsable(graph, filter, arc)) mask[arc] = 1;
  return mask;
}

/**
 * The mask of usableArcs by CSR position of the out-arcs (forward) or in-arcs (backward), undefined when every arc may
 * be followed: a search then reads its neighbours and their mask sequentially (graph.outNode / inNode).
 */
export function usableByPosition(
  graph: AttackGraph, filter: TraversalFilter | undefined, direction: 'forward' | 'backward',
): Uint8Array | undefined {
  const forward = direction === 'forward';
  const stored = forward ? filter?.usableOut : filter?.usableIn;
  if (stored !== undefined) return stored;
  const usable = usableArcs(graph, filter);
  return usable === undefined ? undefined : maskByPosition(usable, forward ? graph.outArcs : graph.inArcs);
}

/** A per-arc mask reordered by CSR position. */
export function maskByPosition(usable: Uint8Array, arcs: Int32Array): Uint8Array {
  const mask = new Uint8Array(arcs.length);
  for (let i = 0; i < arcs.length; i++) mask[i] = usable[arcs[i]];
  return mask;
}

/** True when an arc may be followed: both ends present and the arc allowed. For searches that touch few arcs. */
export function arcUsable(graph: AttackGraph, filter: TraversalFilter | undefined, arc: number): boolean {
  if (filter === undefined) return true;
  if (filter.usable !== undefined) return filter.usable[arc] === 1;
  const removed = filter.removed;
  if (removed !== undefined && (removed[graph.arcFrom[arc]] === 1 || removed[graph.arcTo[arc]] === 1)) return false;
  return filter.arcAllowed === undefined || filter.arcAllowed(arc);
}

export function isRemoved(filter: TraversalFilter | undefined, node: number): boolean {
  return filter?.removed !== undefined && filter.removed[node] === 1;
}
