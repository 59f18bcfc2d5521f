// What the exploration commands show about one graph node, whoever it is (system, vendor or the built-in
// `internet`): its name, type, kind, zone and trust. Pure lookups, O(1) per node.

import type { AttackGraph, NodeType } from '../graph/attack-graph.js';
import type { DataClass, Register } from '../register/types.js';

export interface NodeInfo {
  id: string;
  name: string;
  type: NodeType;
  /** A system's kind, `vendor` for a vendor, `internet` for the built-in node. */
  kind: string;
  zone: string;
  zoneName: string;
  trust: number;
  /** An enforcement system (a gateway). */
  enforcement: boolean;
  /** Systems and vendors carry a data class; `internet` holds public data. */
  data: DataClass;
  /** A system's `records`, when given. */
  records?: number;
}

export function nodeInfo(register: Register, graph: AttackGraph, node: number): NodeInfo {
  const id = graph.nodeIds[node];
  const type = graph.nodeType[node];
  const zone = graph.nodeZone[node];
  const base = { id, type, zone, zoneName: register.zones.get(zone)?.name ?? zone, trust: graph.nodeTrust[node] };
  const system = type === 'system' ? register.systems.get(id) : undefined;
  if (system !== undefined) {
    return {
      ...base, name: system.name, kind: system.kind, enforcement: system.enforcement, data: system.data,
      ...(system.records === undefined ? {} : { records: system.records }),
    };
  }
  const vendor = type === 'vendor' ? register.vendors.get(id) : undefined;
  if (vendor !== undefined) return { ...base, name: vendor.name, kind: 'vendor', enforcement: false, data: vendor.data };
  return { ...base, name: id, kind: 'internet', enforcement: false, data: 'public' };
}

/** Per node: 1 for an enforcement system. */
export function enforcementMask(register: Register, graph: AttackGraph): Uint8Array {
  const mask = new Uint8Array(graph.nodeCount);
  for (const system of register.systems.values()) {
    if (!system.enforcement) continue;
    const node = graph.nodeIndex.get(system.id);
    if (node !== undefined) mask[node] = 1;
  }
  return mask;
}
