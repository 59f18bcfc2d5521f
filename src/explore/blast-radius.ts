// `sidedoor blast-radius NODE`: what a compromise of one node reaches over one or more links of any kind, grouped by
// zone, with the sensitive data and the records exposed, and the gateways that stand between the node and the rest.
//
// Two searches from the node, each O(V + E):
// - the full one (first-gateways.ts) gives every node reached, and for each the first gateway on its shortest path;
// - the ungated one (reachability.ts, with every enforcement system other than the node removed) gives what the
//   node reaches with no gateway in the way.
// The *stopping gateways* are the enforcement systems the ungated reach touches: those one link away from the node
// or from a node reached with no gateway. Every node reached only through a gateway (in the full reach, not in the
// ungated one) is listed *behind* the first gateway on its shortest path, which is always a stopping gateway (the
// nodes before it on that path are ungated). So each such node sits behind exactly one gateway, a stopping gateway
// entered through another one first is listed behind that other one, and a stopping gateway may hold nothing behind it.
// The node itself is never counted as reached, even around a cycle: it is already compromised.
//
// A supplier starts from its whole foothold (SPEC §2.1, foothold.ts): the systems it supplies, and for a fourth
// party the vendors it serves and theirs, are held with no link at all. They count as reached with no gateway in
// the way, are listed with the supply hops that give them, and a gateway the supplier itself supplies stops nothing.
// Records are summed over systems, so one person may be counted once per system: the largest single system is
// reported beside the sum, as a lower bound.
// Cost: O(V + E) plus the final sorts.

import type { AttackGraph } from '../graph/attack-graph.js';
import { compareIds } from '../graph/attack-graph.js';
import { FootholdFinder } from '../graph/foothold.js';
import { reachableFrom } from '../graph/reachability.js';
import type { DataClass, Register } from '../register/types.js';
import { DATA_RANK } from '../register/types.js';
import { firstGateways } from './first-gateways.js';
import type { NodeInfo } from './node-info.js';
import { enforcementMask, nodeInfo } from './node-info.js';

export interface ZoneReach {
  zone: string;
  name: string;
  trust: number;
  /** Ids of the nodes reached in the zone, sorted. */
  nodes: string[];
  /** Of those, how many are reached with no gateway in the way. */
  ungated: number;
}

export interface SensitiveSystem {
  id: string;
  name: string;
  zone: string;
  data: DataClass;
  records?: number;
  /** Reached with no gateway in the way. */
  ungated: boolean;
}

export interface StoppingGateway {
  gateway: NodeInfo;
  /** The nodes reached only through a gateway whose shortest path enters this one first, sorted. */
  behind: string[];
  /** The records held by the systems behind it. */
  records: number;
}

/** A node held through the supply chain, with the supply hops from the compromised node to it. */
export interface SuppliedNode {
  id: string;
  /** Supply hops as [supplier, supplied] id pairs, from the compromised node. */
  chain: [string, string][];
}

export interface BlastRadius {
  node: NodeInfo;
  /** The nodes held through the supply chain alone, sorted by id (empty unless the node is a supplier). */
  supplied: SuppliedNode[];
  /** How many nodes are reached, and how many of them with no gateway in the way. */
  reached: number;
  ungated: number;
  /** By trust, highest first, then zone id. */
  zones: ZoneReach[];
  /** Reached systems holding confidential or restricted data: restricted first, then by id. */
  sensitive: SensitiveSystem[];
  /** Sum of `records` over the reached systems, and over those reached with no gateway. */
  records: number;
  recordsUngated: number;
  /** The records of the single largest reached system, and of the largest reached with no gateway: lower bounds. */
  recordsLargest: number;
  recordsLargestUngated: number;
  /** Sorted by gateway id. */
  gateways: StoppingGateway[];
}

export function blastRadius(register: Register, graph: AttackGraph, node: number): BlastRadius {
  const enforcement = enforcementMask(register, graph);
  const removed = enforcement.slice();
  const finder = new FootholdFinder(graph);
  const foothold = finder.footholdOf(node);
  const inFoothold = new Uint8Array(graph.nodeCount);
  for (const v of foothold) {
    removed[v] = 0;
    inFoothold[v] = 1;
  }
  const full = firstGateways(graph, foothold, removed);
  const ungatedReach = reachableFrom(graph, foothold, { removed }).reached;
  const supplied: SuppliedNode[] = foothold.filter((v) => v !== node).map((v) => ({
    id: graph.nodeIds[v],
    chain: finder.supplyChain(node, v).map((e): [string, string] => [graph.nodeIds[graph.supply.from[e]], graph.nodeIds[graph.supply.to[e]]]),
  }));

  const zones = new Map<string, ZoneReach>();
  const sensitive: SensitiveSystem[] = [];
  const stopping = new Map<number, StoppingGateway>();
  const stopAt = (g: number) => {
    let entry = stopping.get(g);
    if (entry === undefined) {
      entry = { gateway: nodeInfo(register, graph, g), behind: [], records: 0 };
      stopping.set(g, entry);
    }
    return entry;
  };
  let reached = 0;
  let ungated = 0;
  let records = 0;
  let recordsUngated = 0;
  let recordsLargest = 0;
  let recordsLargestUngated = 0;
  for (let v = 0; v < graph.nodeCount; v++) {
    if (v === node || full.distance[v] === -1) continue;
    const info = nodeInfo(register, graph, v);
    const free = inFoothold[v] === 1 || ungatedReach[v] === 1;
    reached++;
    if (free) ungated++;
    let zone = zones.get(info.zone);
    if (zone === undefined) {
      zone = { zone: info.zone, name: info.zoneName, trust: info.trust, nodes: [], ungated: 0 };
      zones.set(info.zone, zone);
    }
    zone.nodes.push(info.id);
    if (free) zone.ungated++;
    const held = info.records ?? 0;
    records += held;
    recordsLargest = Math.max(recordsLargest, held);
    if (free) {
      recordsUngated += held;
      recordsLargestUngated = Math.max(recordsLargestUngated, held);
    }
    if (info.type === 'system' && DATA_RANK[info.data] >= DATA_RANK.confidential) {
      sensitive.push({
        id: info.id, name: info.name, zone: info.zone, data: info.data, ungated: free,
        ...(info.records === undefined ? {} : { records: info.records }),
      });
    }
    if (free) {
      for (let i = graph.outStart[v]; i < graph.outStart[v + 1]; i++) {
        const w = graph.arcTo[graph.outArcs[i]];
        if (removed[w] === 1) stopAt(w);
      }
    } else {
      const g = full.firstGateway[v];
      if (g === -1) throw new Error(`blastRadius: ${info.id} is reached only through a gateway, yet its path has none`);
      if (g !== v) {
        const entry = stopAt(g);
        entry.behind.push(info.id);
        entry.records += held;
      }
    }
  }
  for (const start of foothold) {
    for (let i = graph.outStart[start]; i < graph.outStart[start + 1]; i++) {
      const w = graph.arcTo[graph.outArcs[i]];
      if (removed[w] === 1) stopAt(w);
    }
  }
  sensitive.sort((a, b) => DATA_RANK[b.data] - DATA_RANK[a.data] || compareIds(a.id, b.id));
  return {
    node: nodeInfo(register, graph, node),
    supplied,
    reached,
    ungated,
    zones: [...zones.values()].sort((a, b) => b.trust - a.trust || compareIds(a.zone, b.zone)),
    sensitive,
    records,
    recordsUngated,
    recordsLargest,
    recordsLargestUngated,
    gateways: [...stopping.values()].sort((a, b) => compareIds(a.gateway.id, b.gateway.id)),
  };
}
