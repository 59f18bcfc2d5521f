// "How many people's records can be reached from third parties": the `records` of every system that some vendor
// holds through its supply chain (its foothold, SPEC §2.1) or reaches from its foothold over one or more links of any
// kind (multi-source BFS, reachability.ts), and the part of it reached without passing any enforcement system
// (gateways removed from the graph, as the built-in policy rule does; a gateway a vendor supplies is held, not
// passed). Every vendor is a start, so the union of their footholds is the vendors and every system supplied with
// `vendor_access`. Records are summed over systems, so one person may be counted once per system: the largest single
// system is kept as well, a lower bound.
// Cost: two BFS, O(V + E).

import type { AttackGraph } from '../../graph/attack-graph.js';
import { reachableFrom } from '../../graph/reachability.js';
import type { Register } from '../../register/types.js';

export interface RecordsExposure {
  /** Systems reached from some vendor, and the records they hold. */
  systems: number;
  records: number;
  /** The same, reached without passing any gateway (enforcement system). */
  ungatedSystems: number;
  ungatedRecords: number;
  vendors: number;
  /** Systems held through a supply chain alone (no link needed), and their records. */
  heldSystems: number;
  heldRecords: number;
  /** The records of the largest single reached system, and of the largest reached with no gateway. */
  largestRecords: number;
  largestUngatedRecords: number;
}

export function recordsReachableFromVendors(register: Register, graph: AttackGraph): RecordsExposure {
  const held = new Uint8Array(graph.nodeCount);
  const starts: number[] = [];
  let vendorCount = 0;
  for (let v = 0; v < graph.nodeCount; v++) {
    if (graph.nodeType[v] === 'vendor') vendorCount++;
  }
  const { to, count } = graph.supply;
  for (let e = 0; e < count; e++) held[to[e]] = 1;
  const gateways = new Uint8Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) {
    if (graph.nodeType[v] === 'vendor' || held[v] === 1) starts.push(v);
    if (held[v] === 0 && register.systems.get(graph.nodeIds[v])?.enforcement === true) gateways[v] = 1;
  }
  const any = reachableFrom(graph, starts);
  const ungated = reachableFrom(graph, starts, { removed: gateways });
  const out: RecordsExposure = {
    systems: 0, records: 0, ungatedSystems: 0, ungatedRecords: 0, vendors: vendorCount, heldSystems: 0, heldRecords: 0,
    largestRecords: 0, largestUngatedRecords: 0,
  };
  for (let v = 0; v < graph.nodeCount; v++) {
    const system = graph.nodeType[v] === 'system' ? register.systems.get(graph.nodeIds[v]) : undefined;
    if (system === undefined) continue;
    const records = system.records ?? 0;
    if (held[v] === 1) {
      out.heldSystems += 1;
      out.heldRecords += records;
    }
    if (held[v] === 1 || any.reached[v] === 1) {
      out.systems += 1;
      out.records += records;
      out.largestRecords = Math.max(out.largestRecords, records);
    }
    if (held[v] === 1 || ungated.reached[v] === 1) {
      out.ungatedSystems += 1;
      out.ungatedRecords += records;
      out.largestUngatedRecords = Math.max(out.largestUngatedRecords, records);
    }
  }
  return out;
}
