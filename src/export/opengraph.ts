// BloodHound OpenGraph export (`sidedoor graph --format opengraph`): the generic-ingest JSON payload BloodHound CE /
// Enterprise accepts from its upload screen.
//
// Shape of the output (2-space indent):
//   { "metadata": { "source_kind": "Sidedoor" },
//     "graph": {
//       "nodes": [ { "id": "<node id>", "kinds": ["SD_System", "SD_<Kind>", "SD_Gateway"?] | ["SD_Vendor"] | ["SD_Internet"],
//                    "properties": { "objectid", "name", "type", "zone", "trust", … } } ],
//       "edges": [ { "kind": "SD_NetworkTo" | "SD_RemoteAccessTo" | "SD_HasCredentialFor" | "SD_Supplies",
//                    "start": { "value": "<from id>", "match_by": "id" }, "end": { "value": "<to id>", "match_by": "id" },
//                    "properties": { "id", "protocol", "port", …, "direction": "forward" | "reverse" } } ] } }
// OpenGraph rules honoured here: kinds are prefixed (`SD_`) so they never collide with BloodHound's built-in kinds;
// at most three kinds per node, the first being the primary kind that picks the icon; property names are lowercase;
// property values are strings, numbers, booleans or non-empty arrays of strings, never null or nested objects.
// OpenGraph edges are one-way, so a bidirectional link becomes two edges (the second with direction "reverse").
// Nodes sorted by id; edges by link id, forward before reverse. Cost: O(V + E).

import type { AttackGraph } from '../graph/attack-graph.js';
import type { Link, LinkKind, Register } from '../register/types.js';
import { linkAttributes, nodeAttributes, type AttributeValue, supplyEdgeAttributes } from './attributes.js';
import type { ExportOptions } from './options.js';
import { selectSubgraph } from './selection.js';
import { jsonDocumentChunks, lazilyMapped } from '../util/json-document.js';

export const OPENGRAPH_SOURCE_KIND = 'Sidedoor';

const EDGE_KINDS: Record<LinkKind, string> = {
  network: 'SD_NetworkTo',
  'remote-access': 'SD_RemoteAccessTo',
  credential: 'SD_HasCredentialFor',
};

const SUPPLY_EDGE_KIND = 'SD_Supplies';

type Properties = Record<string, AttributeValue>;

interface OpenGraphNode { id: string; kinds: string[]; properties: Properties }
interface OpenGraphEdge {
  kind: string;
  start: { value: string; match_by: 'id' };
  end: { value: string; match_by: 'id' };
  properties: Properties;
}

export function exportOpenGraph(register: Register, graph: AttackGraph, options: ExportOptions): string {
  return [...openGraphChunks(register, graph, options)].join('');
}

/** The same document in pieces, one node or edge at a time, so that an L register's graph is written without its
 * objects and its whole text held at once (see jsonDocumentChunks). */
export function openGraphChunks(register: Register, graph: AttackGraph, options: ExportOptions): Generator<string> {
  const selection = selectSubgraph(graph, options);
  const nodes = lazilyMapped(selection.nodes, (v): OpenGraphNode => {
    const attributes = nodeAttributes(register, graph, v);
    const properties: Properties = Object.fromEntries([['objectid', graph.nodeIds[v]], ...attributes]);
    return { id: graph.nodeIds[v], kinds: nodeKinds(register, graph, v), properties };
  });
  const edges = function* (): Generator<OpenGraphEdge> {
    for (const l of selection.links) {
      const link = graph.links[l];
      yield edge(link, link.from, link.to, 'forward', options);
      if (link.bidirectional && link.from !== link.to) yield edge(link, link.to, link.from, 'reverse', options);
    }
    // Supply edges (SPEC §2.1): the supplier holds what it supplies. After the links, by supply edge id.
    for (const e of selection.supply) {
      yield {
        kind: SUPPLY_EDGE_KIND,
        start: { value: graph.nodeIds[graph.supply.from[e]], match_by: 'id' },
        end: { value: graph.nodeIds[graph.supply.to[e]], match_by: 'id' },
        properties: Object.fromEntries([...supplyEdgeAttributes(graph, e, options.highlight), ['direction', 'forward']]),
      };
    }
  };
  return jsonDocumentChunks([
    ['metadata', { value: { source_kind: OPENGRAPH_SOURCE_KIND } }],
    ['graph', { members: [['nodes', { items: nodes }], ['edges', { items: edges() }]] }],
  ]);
}

function nodeKinds(register: Register, graph: AttackGraph, v: number): string[] {
  if (graph.nodeType[v] === 'internet') return ['SD_Internet'];
  if (graph.nodeType[v] === 'vendor') return ['SD_Vendor'];
  const system = register.systems.get(graph.nodeIds[v]);
  const kinds = ['SD_System'];
  if (system === undefined) return kinds;
  kinds.push(`SD_${pascalCase(system.kind)}`);
  if (system.enforcement) kinds.push('SD_Gateway');
  return kinds;
}

/** `vpn-gateway` → `VpnGateway`. */
function pascalCase(kebab: string): string {
  return kebab.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

function edge(link: Link, from: string, to: string, direction: 'forward' | 'reverse', options: ExportOptions): OpenGraphEdge {
  const properties: Properties = Object.fromEntries([...linkAttributes(link, options.highlight), ['direction', direction]]);
  return {
    kind: EDGE_KINDS[link.kind],
    start: { value: from, match_by: 'id' },
    end: { value: to, match_by: 'id' },
    properties,
  };
}
