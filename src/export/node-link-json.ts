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
import { jsonDocumentChunks, lazilyMapped } from '../util/json-document.js';

type JsonRecord = Map<string, AttributeValue>;

export function exportNodeLinkJson(register: Register, graph: AttackGraph, options: ExportOptions): string {
  return [...nodeLinkJsonChunks(register, graph, options)].join('');
}

/**
 * The same document in pieces, one node or link at a time, so that `graph --format json` can write an L register's
 * graph without holding its objects and its whole text at once. The bytes are exactly jsonDocument's of the whole
 * document (2-space indent, unsafe characters escaped): each entry is rendered alone (jsonDocumentChunks).
 */
export function* nodeLinkJsonChunks(register: Register, graph: AttackGraph, options: ExportOptions): Generator<string> {
  const selection = selectSubgraph(graph, options);
  const graphAttributes: JsonRecord = new Map([['name', 'sidedoor']]);
  if (register.config.organization !== undefined) graphAttributes.set('organization', register.config.organization);
  if (options.focus !== undefined) {
    graphAttributes.set('focus', options.focus);
    graphAttributes.set('depth', options.depth ?? DEFAULT_FOCUS_DEPTH);
  }
  // The register's links, then the supply edges (SPEC §2.1), each rendered only when its turn comes.
  const links = function* (): Generator<Record<string, AttributeValue>> {
    for (const l of selection.links) {
      const link = graph.links[l];
      const head: JsonRecord = new Map([['id', link.id], ['source', link.from], ['target', link.to], ['key', link.id]]);
      yield toObject(merge(head, linkAttributes(link, options.highlight)));
    }
    for (const e of selection.supply) {
      const id = graph.supply.ids[e];
      const head: JsonRecord = new Map([
        ['id', id], ['source', graph.nodeIds[graph.supply.from[e]]], ['target', graph.nodeIds[graph.supply.to[e]]], ['key', id],
      ]);
      yield toObject(merge(head, supplyEdgeAttributes(graph, e, options.highlight)));
    }
  };
  yield* jsonDocumentChunks([
    ['directed', { value: true }],
    ['multigraph', { value: true }],
    ['graph', { value: toObject(graphAttributes) }],
    ['nodes', { items: lazilyMapped(selection.nodes, (v) => toObject(merge(new Map([['id', graph.nodeIds[v]]]), nodeAttributes(register, graph, v)))) }],
    ['links', { items: links() }],
  ]);
}

function merge(head: JsonRecord, attributes: Attributes): JsonRecord {
  for (const [name, value] of attributes) if (!head.has(name)) head.set(name, value);
  return head;
}

/** Keys are fixed attribute names, never ids, so a plain object is safe here; JSON.stringify needs one. */
function toObject(record: JsonRecord): Record<string, AttributeValue> {
  return Object.fromEntries(record);
}
