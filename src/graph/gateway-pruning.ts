// The graph a segmentation rule searches (SPEC §2.2): its allowed gateways are removed, and so is every link that
// lists one of them in `via`, because traffic that passes an allowed gateway is acceptable by definition.
// Cost: O(V + E + the links that list an allowed gateway) (graph.viaLinks indexes them once per scan).

import type { AttackGraph } from './attack-graph.js';
import type { TraversalFilter } from './traversal-filter.js';
import { maskByPosition } from './traversal-filter.js';

export interface GatewayPruning {
  /** Per node: 1 when the node is an allowed gateway (neither source, target, nor traversable). */
  removed: Uint8Array;
  /** Per link number: 1 when the link may be traversed (no allowed gateway in its `via`, both ends present). */
  linkOpen: Uint8Array;
  filter: TraversalFilter;
}

export function pruneGateways(graph: AttackGraph, allowVia: readonly string[]): GatewayPruning {
  const gateways = new Set(allowVia);
  const removed = new Uint8Array(graph.nodeCount);
  for (const id of gateways) {
    const node = graph.nodeIndex.get(id);
    if (node !== undefined) removed[node] = 1;
  }
  // Every link has at least one arc, and its arcs share its two ends, so walking arcs visits every link's ends
  // through the integer index instead of two id lookups per link.
  const linkOpen = new Uint8Array(graph.links.length).fill(1);
  const { arcFrom, arcTo, arcLink, arcCount } = graph;
  for (let a = 0; a < arcCount; a++) {
    if (removed[arcFrom[a]] === 1 || removed[arcTo[a]] === 1) linkOpen[arcLink[a]] = 0;
  }
  for (const gateway of gateways) {
    for (const l of graph.viaLinks.get(gateway) ?? []) linkOpen[l] = 0;
  }
  const filter: TraversalFilter = { removed, arcAllowed: (arc) => linkOpen[arcLink[arc]] === 1 };
  // linkOpen already closes every link touching a removed node, so an arc is usable exactly when its link is open.
  const usable = new Uint8Array(arcCount);
  for (let a = 0; a < arcCount; a++) usable[a] = linkOpen[arcLink[a]];
  filter.usable = usable;
  filter.usableOut = maskByPosition(usable, graph.outArcs);
  filter.usableIn = maskByPosition(usable, graph.inArcs);
  return { removed, linkOpen, filter };
}
