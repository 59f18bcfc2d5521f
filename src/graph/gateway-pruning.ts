// The graph a segmentation rule searches (SPEC §2.2): its allowed gateways are removed, and so is every link that
// lists one of them in `via`, because traffic that passes an allowed gateway is acceptable by definition.
// Cost: O(V + L + total via length).

import type { AttackGraph } from './attack-graph.js';
import type { TraversalFilter } from './traversal-filter.js';

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
  const linkOpen = new Uint8Array(graph.links.length);
  graph.links.forEach((link, l) => {
    const from = graph.nodeIndex.get(link.from);
    const to = graph.nodeIndex.get(link.to);
    if (from === undefined || to === undefined || removed[from] === 1 || removed[to] === 1) return;
    if (link.via.some((gateway) => gateways.has(gateway))) return;
    linkOpen[l] = 1;
  });
  const arcLink = graph.arcLink;
  return { removed, linkOpen, filter: { removed, arcAllowed: (arc) => linkOpen[arcLink[arc]] === 1 } };
}
