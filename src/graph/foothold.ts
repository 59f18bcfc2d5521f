// A supplier's foothold (SPEC §2.1): the supplier itself and every node it reaches over supply edges alone (its
// systems, and for a fourth party the vendors it serves and their systems). A compromise of the supplier starts
// from all of it. This file is the one place that computes footholds and the supply hops that lead into them:
// every rule, command and report that speaks of a supplier's reach asks here.
//
// Breadth-first search over the supply CSR, FIFO, scanning each node's supply edges in (target, edge) order: it
// discovers every node through the lexicographically smallest shortest chain of supply hops (the argument of
// first-gateways.ts), which is the chain a witness shows.
// Cost: O(size of the foothold + supply edges leaving it) per query, with O(V) scratch allocated once per finder.

import type { AttackGraph } from './attack-graph.js';
import type { Register, SourceLocation } from '../register/types.js';

export interface Foothold {
  /** Node numbers of the foothold, the supplier included, ascending (= sorted by id). */
  nodes: number[];
}

export class FootholdFinder {
  private readonly stamp: Int32Array;
  private readonly parentEdge: Int32Array;
  private readonly queue: Int32Array;
  private round = 0;

  constructor(private readonly graph: AttackGraph) {
    this.stamp = new Int32Array(graph.nodeCount);
    this.parentEdge = new Int32Array(graph.nodeCount);
    this.queue = new Int32Array(graph.nodeCount);
  }

  /** True when the node has no supply edge leaving it: its foothold is itself alone. */
  suppliesNothing(node: number): boolean {
    const { outStart } = this.graph.supply;
    return outStart[node] === outStart[node + 1];
  }

  /** The foothold of `supplier`, ascending. A node that supplies nothing holds only itself. */
  footholdOf(supplier: number): number[] {
    if (this.suppliesNothing(supplier)) return [supplier];
    const count = this.search(supplier);
    return Array.from(this.queue.subarray(0, count)).sort((a, b) => a - b);
  }

  /**
   * The supply edges from `supplier` to `member`, in order: the fewest hops, the smallest ids at each step. Empty
   * when member is the supplier; throws when member is not in the foothold.
   */
  supplyChain(supplier: number, member: number): number[] {
    if (supplier === member) return [];
    this.search(supplier);
    if (this.stamp[member] !== this.round) throw new Error(`supplyChain: node ${member} is not in the foothold of ${supplier}`);
    const edges: number[] = [];
    for (let v = member; v !== supplier; v = this.graph.supply.from[this.parentEdge[v]]) edges.push(this.parentEdge[v]);
    return edges.reverse();
  }

  /** BFS from `supplier`; the foothold is queue[0 .. returned count), and stamp marks it with the current round. */
  private search(supplier: number): number {
    const { outStart, outEdges, to } = this.graph.supply;
    const round = ++this.round;
    this.stamp[supplier] = round;
    this.parentEdge[supplier] = -1;
    this.queue[0] = supplier;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const v = this.queue[head];
      for (let i = outStart[v]; i < outStart[v + 1]; i++) {
        const edge = outEdges[i];
        const w = to[edge];
        if (this.stamp[w] === round) continue;
        this.stamp[w] = round;
        this.parentEdge[w] = edge;
        this.queue[tail++] = w;
      }
    }
    return tail;
  }
}

/** The foothold of one supplier (for callers that ask once; a loop over many suppliers should share a finder). */
export function footholdOf(graph: AttackGraph, supplier: number): number[] {
  return new FootholdFinder(graph).footholdOf(supplier);
}

/** Per node, the number of the vendor whose supply edge reaches it directly, or the node itself: its supply group. */
export function supplyGroups(graph: AttackGraph): Int32Array {
  const group = new Int32Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) group[v] = v;
  const { from, to, count } = graph.supply;
  // A system has at most one supplier (its `vendor`); a vendor served by subprocessors stays its own group.
  for (let e = 0; e < count; e++) if (graph.nodeType[to[e]] === 'system') group[to[e]] = from[e];
  return group;
}

/**
 * Where a supply edge is written (SPEC §2.1): the supplied system's `vendor` field, or the entry of the served
 * vendor's `subprocessors` that names the supplier. Falls back to the entity's own location.
 */
export function supplyEdgeLocation(register: Register, graph: AttackGraph, edge: number): SourceLocation {
  const supplier = graph.nodeIds[graph.supply.from[edge]];
  const supplied = graph.nodeIds[graph.supply.to[edge]];
  const system = graph.nodeType[graph.supply.to[edge]] === 'system' ? register.systems.get(supplied) : undefined;
  if (system !== undefined) return system.fieldLocs.get('vendor') ?? system.loc;
  const vendor = register.vendors.get(supplied);
  if (vendor === undefined) throw new Error(`supplyEdgeLocation: ${supplied} is neither a system nor a vendor`);
  return vendor.fieldLocs.get(`subprocessors.${vendor.subprocessors.indexOf(supplier)}`) ?? vendor.loc;
}
