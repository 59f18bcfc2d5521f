// GraphML export (`sidedoor graph --format graphml`) for networkx, yEd and Gephi.
//
// Shape of the output: one directed <graph id="sidedoor">, a typed <key> for every node attribute (d0, d1, …) and
// every link attribute (e0, e1, …) in attributes.ts, whether or not a value uses it, so the schema is the same for
// every register. A node is <node id="<node id>">, a link is <edge id="<link id>" source=… target=…>; a
// bidirectional link stays one edge with bidirectional=true (networkx refuses directed="false" edges inside a
// directed graph). List attributes (via, tags, subprocessors) are comma-joined strings. Absent values are omitted.
// Cost: O(V + E).

import type { AttackGraph } from '../graph/attack-graph.js';
import type { Register } from '../register/types.js';
import { LINK_ATTRIBUTES, NODE_ATTRIBUTES, linkAttributes, nodeAttributes, supplyEdgeAttributes, type AttributeSpec, type AttributeValue, type Attributes } from './attributes.js';
import type { ExportOptions } from './options.js';
import { selectSubgraph } from './selection.js';
import { escapeXml } from './xml-escape.js';

const GRAPHML_TYPE = { string: 'string', strings: 'string', int: 'int', boolean: 'boolean' } as const;

export function exportGraphml(register: Register, graph: AttackGraph, options: ExportOptions): string {
  return [...graphmlChunks(register, graph, options)].join('');
}

/** The same document in pieces, one node or edge at a time, so that an L register's graph (about 300 MB of XML) is
 * written without its whole text held at once. */
export function* graphmlChunks(register: Register, graph: AttackGraph, options: ExportOptions): Generator<string> {
  const selection = selectSubgraph(graph, options);
  const nodeKeys = keyIds(NODE_ATTRIBUTES, 'd');
  const linkKeys = keyIds(LINK_ATTRIBUTES, 'e');
  const head: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
      + ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const spec of NODE_ATTRIBUTES) head.push(keyDeclaration(nodeKeys.get(spec.name) as string, 'node', spec));
  for (const spec of LINK_ATTRIBUTES) head.push(keyDeclaration(linkKeys.get(spec.name) as string, 'edge', spec));
  head.push('  <graph id="sidedoor" edgedefault="directed">');
  yield lines(head);
  for (const v of selection.nodes) {
    yield lines([`    <node id="${escapeXml(graph.nodeIds[v])}">`, ...dataLines(nodeAttributes(register, graph, v), nodeKeys), '    </node>']);
  }
  for (const l of selection.links) {
    const link = graph.links[l];
    yield lines([
      `    <edge id="${escapeXml(link.id)}" source="${escapeXml(link.from)}" target="${escapeXml(link.to)}">`,
      ...dataLines(linkAttributes(link, options.highlight), linkKeys),
      '    </edge>',
    ]);
  }
  for (const e of selection.supply) {
    const from = graph.nodeIds[graph.supply.from[e]];
    const to = graph.nodeIds[graph.supply.to[e]];
    yield lines([
      `    <edge id="${escapeXml(graph.supply.ids[e])}" source="${escapeXml(from)}" target="${escapeXml(to)}">`,
      ...dataLines(supplyEdgeAttributes(graph, e, options.highlight), linkKeys),
      '    </edge>',
    ]);
  }
  yield lines(['  </graph>', '</graphml>']);
}

/** Each line followed by a newline. */
function lines(text: readonly string[]): string {
  return `${text.join('\n')}\n`;
}

function keyIds(specs: readonly AttributeSpec[], prefix: string): Map<string, string> {
  return new Map(specs.map((spec, i) => [spec.name, `${prefix}${i}`]));
}

function keyDeclaration(id: string, domain: 'node' | 'edge', spec: AttributeSpec): string {
  return `  <key id="${id}" for="${domain}" attr.name="${escapeXml(spec.name)}" attr.type="${GRAPHML_TYPE[spec.type]}"/>`;
}

function dataLines(attributes: Attributes, keys: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  for (const [name, value] of attributes) {
    lines.push(`      <data key="${keys.get(name) as string}">${escapeXml(graphmlValue(value))}</data>`);
  }
  return lines;
}

function graphmlValue(value: AttributeValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value.join(',');
}
