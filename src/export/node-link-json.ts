// Node-link JSON export (`sidedoor graph --format json`), readable by networkx.node_link_graph(data, edges="links").
//
// Shape of the output (2-space indent):
//   { "directed": true, "multigraph": true, "graph": { "name": "sidedoor", "organization"?, "focus"?, "depth"? },
//     "nodes": [ { "id", "type", "name", "zone", "trust", …attributes } ],
//     "links": [ { "id", "source", "target", "key", …attributes } ] }
// It is a multigraph because two links may join the same pair of nodes (different ports): each link's "key" is its
// id. A bidirectional link stays one entry with "bidirectional": true. Lists stay JSON arrays; absent values are
// omitted, never null. Nodes and links are sorted by id. Cost: O(V + E).

import type { AttackGraph } from '../graph/attack-graph.js';
import type { Register } from '../register/types.js';
import { DEFAULT_FOCUS_DEPTH } from './neighbourhood.js';
import { linkAttributes, nodeAttributes, type AttributeValue, type Attributes, supplyEdgeAttributes } from './attributes.js';
import type { ExportOptions } from './options.js';
import { selectSubgraph } from './selection.js';
import { jsonDocument } from '../report/terminal-text.js';

type JsonRecord = Map<string, AttributeValue>;

export function exportNodeLinkJson(register: Register, graph: AttackGraph, options: ExportOptions): string {
  const selection = selectSubgraph(graph, options);
  const graphAttributes: JsonRecord = new Map([['name', 'sidedoor']]);
  if (register.config.organization !== undefined) graphAttributes.set('organization', register.config.organization);
  if (options.focus !== undefined) {
    graphAttributes.set('focus', options.focus);
    graphAttributes.set('depth', options.depth ?? DEFAULT_FOCUS_DEPTH);
  }
  const nodes = selection.nodes.map((v) => merge(new Map([['id', graph.nodeIds[v]]]), nodeAttributes(register, graph, v)));
  const links = selection.links.map((l) => {
    const link = graph.links[l];
    const head: JsonRecord = new Map([['id', link.id], ['source', link.from], ['target', link.to], ['key', link.id]]);
    return merge(head, linkAttributes(link, options.highlight));
  });
  for (const e of selection.supply) {
    const id = graph.supply.ids[e];
    const head: JsonRecord = new Map([
      ['id', id], ['source', graph.nodeIds[graph.supply.from[e]]], ['target', graph.nodeIds[graph.supply.to[e]]], ['key', id],
    ]);
    links.push(merge(head, supplyEdgeAttributes(graph, e, options.highlight)));
  }
  const document = {
    directed: true,
    multigraph: true,
    graph: toObject(graphAttributes),
    nodes: nodes.map(toObject),
    links: links.map(toObject),
  };
  return jsonDocument(document);
}

function merge(head: JsonRecord, attributes: Attributes): JsonRecord {
  for (const [name, value] of attributes) if (!head.has(name)) head.set(name, value);
  return head;
}

/** Keys are fixed attribute names, never ids, so a plain object is safe here; JSON.stringify needs one. */
function toObject(record: JsonRecord): Record<string, AttributeValue> {
  return Object.fromEntries(record);
}
