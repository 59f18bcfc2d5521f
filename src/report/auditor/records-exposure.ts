// "How many people's records can be reached from third parties": the `records` of every system that some vendor node
// reaches over one or more links of any kind (multi-source BFS, reachability.ts), and the part of it reached without
// passing any enforcement system (gateways removed from the graph, as the built-in policy rule does).
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
}

export function recordsReachableFromVendors(register: Register, graph: AttackGraph): RecordsExposure {
  const vendors: number[] = [];
  const gateways = new Uint8Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) {
    if (graph.nodeType[v] === 'vendor') vendors.push(v);
    if (register.systems.get(graph.nodeIds[v])?.enforcement === true) gateways[v] = 1;
  }
  const any = reachableFrom(graph, vendors);
  const ungated = reachableFrom(graph, vendors, { removed: gateways });
  const out: RecordsExposure = { systems: 0, records: 0, ungatedSystems: 0, ungatedRecords: 0, vendors: vendors.length };
  for (let v = 0; v < graph.nodeCount; v++) {
    const system = graph.nodeType[v] === 'system' ? register.systems.get(graph.nodeIds[v]) : undefined;
    if (system === undefined) continue;
    const records = system.records ?? 0;
    if (any.reached[v] === 1) {
      out.systems += 1;
      out.records += records;
    }
    if (ungated.reached[v] === 1) {
      out.ungatedSystems += 1;
      out.ungatedRecords += records;
    }
  }
  return out;
}
