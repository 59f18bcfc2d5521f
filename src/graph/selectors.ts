// Policy selectors (SPEC §1.8): which graph nodes a segmentation rule's `from` or `to` designates.
// Conditions on different fields are ANDed; the values inside one list are ORed. An absent selector matches every
// node. Cost: O(size of the selector) to compile, O(1) per node.
//
// How each field treats the three kinds of node (vendor, system, the built-in `internet`):
// - `zones`, `trust_max`, `trust_min`: every node has a zone (a vendor's defaults to `third-party`; `internet` sits
//   in zone `internet`), and its trust is that zone's trust.
// - `data_min`: a system's or a vendor's `data` field (default `internal`); `internet` holds `public` data.
// - `systems`, `vendors`: name nodes by identity. `systems: [...]` matches the listed systems only (an id that
//   names a vendor does not match), `vendors: [...]` the listed vendors only, and `vendors: true` every vendor.
//   `vendors` does not reach the systems a vendor supplies: name them, or select their zone. When both fields are
//   given they form one condition, "the node is one of these", so `{systems: [a], vendors: true}` means a or any
//   vendor. An empty list names nothing.
// - `kinds`, `internet_facing`: properties of systems only. When either is given, vendors and `internet` never
//   match, so `internet_facing: false` means "systems that are not internet-facing".

import type { AttackGraph, NodeType } from './attack-graph.js';
import type { DataClass, Register, Selector } from '../register/types.js';
import { DATA_RANK } from '../register/types.js';

export type NodeMatcher = (node: number) => boolean;

/** Compiles a selector once, for a rule that tests every node. */
export function selectorMatcher(register: Register, graph: AttackGraph, selector: Selector | undefined): NodeMatcher {
  if (selector === undefined) return () => true;
  const zones = selector.zones === undefined ? undefined : new Set(selector.zones);
  const systems = selector.systems === undefined ? undefined : new Set(selector.systems);
  const vendors = selector.vendors === undefined || selector.vendors === true ? selector.vendors : new Set(selector.vendors);
  const kinds = selector.kinds === undefined ? undefined : new Set<string>(selector.kinds);
  const { trust_max: trustMax, trust_min: trustMin, internet_facing: internetFacing } = selector;
  const dataMin = selector.data_min === undefined ? undefined : DATA_RANK[selector.data_min];
  const systemOnly = kinds !== undefined || internetFacing !== undefined;

  return (node) => {
    const id = graph.nodeIds[node];
    const type = graph.nodeType[node];
    if (zones !== undefined && !zones.has(graph.nodeZone[node])) return false;
    if (systems !== undefined || vendors !== undefined) {
      const namedSystem = type === 'system' && systems !== undefined && systems.has(id);
      const namedVendor = type === 'vendor' && (vendors === true || (vendors !== undefined && vendors.has(id)));
      if (!namedSystem && !namedVendor) return false;
    }
    const trust = graph.nodeTrust[node];
    if (trustMax !== undefined && trust > trustMax) return false;
    if (trustMin !== undefined && trust < trustMin) return false;
    if (dataMin !== undefined && DATA_RANK[nodeData(register, type, id)] < dataMin) return false;
    if (systemOnly) {
      if (type !== 'system') return false;
      const system = register.systems.get(id);
      if (system === undefined) return false;
      if (kinds !== undefined && !kinds.has(system.kind)) return false;
      if (internetFacing !== undefined && system.internet_facing !== internetFacing) return false;
    }
    return true;
  };
}

export function matchesSelector(register: Register, graph: AttackGraph, node: number, selector: Selector | undefined): boolean {
  return selectorMatcher(register, graph, selector)(node);
}

function nodeData(register: Register, type: NodeType, id: string): DataClass {
  if (type === 'system') return register.systems.get(id)?.data ?? 'internal';
  if (type === 'vendor') return register.vendors.get(id)?.data ?? 'internal';
  return 'public';
}
