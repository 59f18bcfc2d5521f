// Which nodes and links an export contains: the whole graph, or the `--focus/--depth` neighbourhood and the links
// whose two ends both lie inside it. Both lists come out sorted by id, which is what makes every format deterministic.
// Cost: O(V + E).

import type { AttackGraph } from '../graph/attack-graph.js';
import { compareIds } from '../graph/attack-graph.js';
import { InvalidDepthError } from './errors.js';
import { neighbourhood } from './neighbourhood.js';
import type { ExportOptions } from './options.js';

export interface ExportSelection {
  /** Node numbers, ascending (= sorted by id). */
  nodes: readonly number[];
  /** Link numbers (indices into graph.links), ascending (= sorted by id). */
  links: readonly number[];
  /** Supply edge numbers (graph.supply) whose two ends are selected, ascending (= sorted by id). */
  supply: readonly number[];
  /** Zone ids holding at least one selected node, sorted. */
  zones: readonly string[];
}

export function selectSubgraph(graph: AttackGraph, options: ExportOptions): ExportSelection {
  if (options.focus === undefined && options.depth !== undefined) {
    throw new InvalidDepthError('depth needs a focus node');
  }
  const nodes = options.focus === undefined
    ? Array.from({ length: graph.nodeCount }, (_, v) => v)
    : neighbourhood(graph, options.focus, options.depth);

  const inside = new Uint8Array(graph.nodeCount);
  for (const v of nodes) inside[v] = 1;
  const links: number[] = [];
  graph.links.forEach((link, i) => {
    // Every link endpoint is a graph node: buildAttackGraph refuses links to unknown nodes.
    if (inside[graph.nodeIndex.get(link.from) as number] && inside[graph.nodeIndex.get(link.to) as number]) links.push(i);
  });

  const supply: number[] = [];
  for (let e = 0; e < graph.supply.count; e++) {
    if (inside[graph.supply.from[e]] && inside[graph.supply.to[e]]) supply.push(e);
  }

  const zones = [...new Set(nodes.map((v) => graph.nodeZone[v]))].sort(compareIds);
  return { nodes, links, supply, zones };
}

/** The selected nodes of each zone, in node order: dot clusters and Mermaid subgraphs draw zones this way. */
export function nodesByZone(graph: AttackGraph, selection: ExportSelection): Map<string, number[]> {
  const byZone = new Map<string, number[]>();
  for (const v of selection.nodes) {
    const members = byZone.get(graph.nodeZone[v]);
    if (members === undefined) byZone.set(graph.nodeZone[v], [v]);
    else members.push(v);
  }
  return byZone;
}
