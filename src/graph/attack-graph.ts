// The attack graph (SPEC §2.1) as a compact integer index: node ids are interned once, in sorted order, so that
// comparing two node indices is the same as comparing their ids lexicographically (this is what makes witness
// tie-breaking cheap). Adjacency is CSR in typed arrays. Every algorithm in src/graph works on this index,
// iteratively; nothing here uses graphlib's recursive algorithms or plain-object maps keyed by ids.
//
// The implicit supply edges (vendor → system it supplies, subprocessor → vendor it serves) are kept apart from the
// link arcs: they are not links (no link rule, no `via`, never in a cut), and the searches use them only to find a
// supplier's foothold (foothold.ts), from which link paths then start.
//
// Cost: O(V log V + E log E) to build (two sorts), O(V + E) memory.

import { compareIds } from '../util/compare-ids.js';
import type { Link, Register, Trust } from '../register/types.js';
import { INTERNET_NODE, INTERNET_ZONE } from '../register/types.js';

export type NodeType = 'vendor' | 'system' | 'internet';

export interface AttackGraph {
  readonly nodeCount: number;
  /** Node ids, sorted; index = node number. */
  readonly nodeIds: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly nodeType: readonly NodeType[];
  readonly nodeZone: readonly string[];
  readonly nodeTrust: Uint8Array;
  /** The register's links, sorted by id; arcs point into this array. */
  readonly links: readonly Link[];
  readonly linkIndex: ReadonlyMap<string, number>;
  /**
   * Per name listed in some link's `via`: the numbers of the links that list it, ascending. A rule's pruning blocks
   * the links of its allowed gateways from here instead of reading every link's `via`.
   */
  readonly viaLinks: ReadonlyMap<string, readonly number[]>;
  /** Node numbers of each link's `from` and `to`, by link number. */
  readonly linkFrom: Int32Array;
  readonly linkTo: Int32Array;
  /** 1 where the link is bidirectional, by link number: the searches read it here, not from each link object. */
  readonly linkTwoWay: Uint8Array;
  /** Directed arcs: a bidirectional link gives two arcs with the same link number. */
  readonly arcCount: number;
  readonly arcFrom: Int32Array;
  readonly arcTo: Int32Array;
  readonly arcLink: Int32Array;
  /** CSR: the out-arcs of node v are outArcs[outStart[v] .. outStart[v+1]), ordered by (target, link). */
  readonly outStart: Int32Array;
  readonly outArcs: Int32Array;
  /** outNode[i] = arcTo[outArcs[i]]: a search reads the heads in CSR order instead of through the arc numbers. */
  readonly outNode: Int32Array;
  /** CSR: the in-arcs of node v are inArcs[inStart[v] .. inStart[v+1]), ordered by (source, link). */
  readonly inStart: Int32Array;
  readonly inArcs: Int32Array;
  /** inNode[i] = arcFrom[inArcs[i]]. */
  readonly inNode: Int32Array;
  /** The implicit supply edges (SPEC §2.1). */
  readonly supply: SupplyEdges;
}

/** Supply edges, numbered in id order; they are not links, and no link arc stands for one. */
export interface SupplyEdges {
  readonly count: number;
  /** `<vendor>-supplies-<system>` or `<subprocessor>-supplies-<vendor>`, sorted. */
  readonly ids: readonly string[];
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** CSR: the supply edges leaving node v are outEdges[outStart[v] .. outStart[v+1]), ordered by (target, edge). */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
}

/** SPEC §2.1: the id of the supply edge from a supplier to what it supplies. */
export function supplyEdgeId(supplier: string, supplied: string): string {
  return `${supplier}-supplies-${supplied}`;
}

export function buildAttackGraph(register: Register): AttackGraph {
  const typeById = new Map<string, NodeType>();
  const zoneById = new Map<string, string>();
  typeById.set(INTERNET_NODE, 'internet');
  zoneById.set(INTERNET_NODE, INTERNET_ZONE);
  for (const vendor of register.vendors.values()) {
    typeById.set(vendor.id, 'vendor');
    zoneById.set(vendor.id, vendor.zone);
  }
  for (const system of register.systems.values()) {
    typeById.set(system.id, 'system');
    zoneById.set(system.id, system.zone);
  }
  const nodeIds = [...typeById.keys()].sort(compareIds);
  const nodeIndex = new Map<string, number>();
  nodeIds.forEach((id, i) => nodeIndex.set(id, i));
  const nodeType = nodeIds.map((id) => typeById.get(id) as NodeType);
  const nodeZone = nodeIds.map((id) => zoneById.get(id) as string);
  const nodeTrust = new Uint8Array(nodeIds.length);
  nodeZone.forEach((zone, i) => {
    nodeTrust[i] = (register.zones.get(zone)?.trust ?? 0) as Trust;
  });
  const graph = indexArcs(nodeIds, nodeIndex, nodeType, nodeZone, nodeTrust, sortedById(register.links));
  let linkIndex: Map<string, number> | undefined;
  return {
    ...graph,
    supply: indexSupplyEdges(register, nodeIndex),
    // No rule looks a link up by id; the reports and the comparison do, once the analysis is over. Built on first use
    // (a Map of every link id took a quarter of the graph's index on M).
    get linkIndex() {
      return (linkIndex ??= new Map(graph.links.map((link, i) => [link.id, i])));
    },
  };
}

/** The links in id order. A loaded register already holds them so (Register.links); a register put together by hand
 * may not. Checking takes the same comparisons as sorting sorted input, but in a loop of our own instead of calls from
 * the engine's sort into the comparator, which cost about 10 ms of a cold M scan. */
function sortedById(links: readonly Link[]): Link[] {
  for (let i = 1; i < links.length; i++) {
    if (compareIds(links[i - 1].id, links[i].id) > 0) return [...links].sort((a, b) => compareIds(a.id, b.id));
  }
  return [...links];
}

/** Edges whose ends are unknown (an invalid register) or equal (a vendor listing itself) are left out. */
function indexSupplyEdges(register: Register, nodeIndex: ReadonlyMap<string, number>): SupplyEdges {
  const edges: { id: string; from: number; to: number }[] = [];
  const add = (supplier: string, supplied: string) => {
    const from = nodeIndex.get(supplier);
    const to = nodeIndex.get(supplied);
    if (from !== undefined && to !== undefined && from !== to) edges.push({ id: supplyEdgeId(supplier, supplied), from, to });
  };
  for (const system of register.systems.values()) {
    if (system.vendor !== undefined && system.vendor_access) add(system.vendor, system.id);
  }
  for (const vendor of register.vendors.values()) {
    for (const sub of new Set(vendor.subprocessors)) add(sub, vendor.id);
  }
  edges.sort((a, b) => compareIds(a.id, b.id));
  const count = edges.length;
  const from = Int32Array.from(edges, (e) => e.from);
  const to = Int32Array.from(edges, (e) => e.to);
  const numbers = Int32Array.from(edges, (_e, i) => i);
  const [outStart, outEdges] = csr(nodeIndex.size, count, from, to, numbers);
  return { count, ids: edges.map((e) => e.id), from, to, outStart, outEdges };
}

function indexArcs(
  nodeIds: string[], nodeIndex: Map<string, number>, nodeType: NodeType[], nodeZone: string[], nodeTrust: Uint8Array,
  links: Link[],
): Omit<AttackGraph, 'supply' | 'linkIndex'> {
  const viaLinks = new Map<string, number[]>();
  let arcCount = 0;
  links.forEach((link, i) => {
    arcCount += link.bidirectional && link.from !== link.to ? 2 : 1;
    for (const gateway of link.via) {
      const listing = viaLinks.get(gateway);
      if (listing === undefined) viaLinks.set(gateway, [i]);
      else if (listing[listing.length - 1] !== i) listing.push(i);
    }
  });
  const arcFrom = new Int32Array(arcCount);
  const arcTo = new Int32Array(arcCount);
  const arcLink = new Int32Array(arcCount);
  const linkFrom = new Int32Array(links.length);
  const linkTo = new Int32Array(links.length);
  const linkTwoWay = new Uint8Array(links.length);
  let a = 0;
  links.forEach((link, i) => {
    const from = nodeIndex.get(link.from);
    const to = nodeIndex.get(link.to);
    if (from === undefined || to === undefined) throw new Error(`link ${link.id} refers to an unknown node`);
    linkFrom[i] = from;
    linkTo[i] = to;
    linkTwoWay[i] = link.bidirectional ? 1 : 0;
    arcFrom[a] = from; arcTo[a] = to; arcLink[a] = i; a++;
    if (link.bidirectional && from !== to) {
      arcFrom[a] = to; arcTo[a] = from; arcLink[a] = i; a++;
    }
  });
  const n = nodeIds.length;
  const [outStart, outArcs] = csr(n, arcCount, arcFrom, arcTo, arcLink);
  const [inStart, inArcs] = csr(n, arcCount, arcTo, arcFrom, arcLink);
  const outNode = new Int32Array(arcCount);
  const inNode = new Int32Array(arcCount);
  for (let i = 0; i < arcCount; i++) {
    outNode[i] = arcTo[outArcs[i]];
    inNode[i] = arcFrom[inArcs[i]];
  }
  return {
    nodeCount: n, nodeIds, nodeIndex, nodeType, nodeZone, nodeTrust, links, viaLinks, linkFrom, linkTo, linkTwoWay,
    arcCount, arcFrom, arcTo, arcLink, outStart, outArcs, outNode, inStart, inArcs, inNode,
  };
}

/**
 * Groups arcs by `key`, each group ordered by (other end, link number). Arcs come in link-number order, so two stable
 * counting sorts give that order without a comparison: by `other` first, then by `key`, which keeps each group in
 * (other, link) order. O(V + E), where sorting each group took a comparator call per comparison.
 */
function csr(n: number, m: number, key: Int32Array, other: Int32Array, link: Int32Array): [Int32Array, Int32Array] {
  for (let a = 1; a < m; a++) if (link[a] < link[a - 1]) throw new Error('csr: arcs must come in link order');
  const byOther = countingSort(n, m, other);
  const start = new Int32Array(n + 1);
  for (let a = 0; a < m; a++) start[key[a] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const arcs = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const a = byOther[i];
    arcs[fill[key[a]]++] = a;
  }
  return [start, arcs];
}

/** The arcs 0..m-1 stably sorted by `key` (node numbers below n). */
function countingSort(n: number, m: number, key: Int32Array): Int32Array {
  const fill = new Int32Array(n + 1);
  for (let a = 0; a < m; a++) fill[key[a] + 1]++;
  for (let v = 0; v < n; v++) fill[v + 1] += fill[v];
  const sorted = new Int32Array(m);
  for (let a = 0; a < m; a++) sorted[fill[key[a]]++] = a;
  return sorted;
}

// Re-exported for the graph's many users; the function itself lives below the register (src/util).
export { compareIds };
