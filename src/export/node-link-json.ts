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
import { jsonDocument } from '../util/json-document.js';

type JsonRecord = Map<string, AttributeValue>;

export function exportNodeLinkJson(register: Register, graph: AttackGraph, options: ExportOptions): string {
  return [...nodeLinkJsonChunks(register, graph, options)].join('');
}

/**
 * The same document in pieces, one node or link at a time, so that `graph --format json` can write an L register's
 * graph without holding its objects and its whole text at once. The bytes are exactly jsonDocument's of the whole
 * document (2-space indent, unsafe characters escaped): each entry is rendered alone and indented two levels.
 */
export function* nodeLinkJsonChunks(register: Register, graph: AttackGraph, options: ExportOptions): Generator<string> {
  const selection = selectSubgraph(graph, options);
  const graphAttributes: JsonRecord = new Map([['name', 'sidedoor']]);
  if (register.config.organization !== undefined) graphAttributes.set('organization', register.config.organization);
  if (options.focus !== undefined) {
    graphAttributes.set('focus', options.focus);
    graphAttributes.set('depth', options.depth ?? DEFAULT_FOCUS_DEPTH);
  }
  yield `{\n  "directed": true,\n  "multigraph": true,\n  "graph": ${indented(toObject(graphAttributes))},\n  "nodes": `;
  yield* list(selection.nodes, (v) => merge(new Map([['id', graph.nodeIds[v]]]), nodeAttributes(register, graph, v)));
  yield ',\n  "links": ';
  // The register's links, then the supply edges (SPEC §2.1), each rendered only when its turn comes.
  const edges: (() => JsonRecord)[] = [
    ...selection.links.map((l) => () => {
      const link = graph.links[l];
      const head: JsonRecord = new Map([['id', link.id], ['source', link.from], ['target', link.to], ['key', link.id]]);
      return merge(head, linkAttributes(link, options.highlight));
    }),
    ...selection.supply.map((e) => () => {
      const id = graph.supply.ids[e];
      const head: JsonRecord = new Map([
        ['id', id], ['source', graph.nodeIds[graph.supply.from[e]]], ['target', graph.nodeIds[graph.supply.to[e]]], ['key', id],
      ]);
      return merge(head, supplyEdgeAttributes(graph, e, options.highlight));
    }),
  ];
  yield* list(edges, (record) => record());
  yield '\n}\n';
}

function* list<T>(items: readonly T[], record: (item: T) => JsonRecord): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  for (let i = 0; i < items.length; i++) {
    yield `${i === 0 ? '[\n    ' : ',\n    '}${indented(toObject(record(items[i])), '    ')}`;
  }
  yield '\n  ]';
}

/** jsonDocument's rendering of one value, its inner lines indented to sit `depth` deep in the document. */
function indented(value: unknown, indent = '  '): string {
  return jsonDocument(value).slice(0, -1).replace(/\n/g, `\n${indent}`);
}

function merge(head: JsonRecord, attributes: Attributes): JsonRecord {
  for (const [name, value] of attributes) if (!head.has(name)) head.set(name, value);
  return head;
}

/** Keys are fixed attribute names, never ids, so a plain object is safe here; JSON.stringify needs one. */
function toObject(record: JsonRecord): Record<string, AttributeValue> {
  return Object.fromEntries(record);
}
