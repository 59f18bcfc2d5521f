// Graphviz DOT export (`sidedoor graph --format dot`).
//
// Shape of the output:
//   digraph sidedoor {
//     subgraph cluster_0 { label="Zone name (trust N)"; "node-id" [label="…", shape=…, fillcolor=…]; }
//     "a" -> "b" [id="link-id", label="https/443", style=…, dir=both];
//   }
// One cluster per zone holding an exported node, sorted by zone id (cluster_0, cluster_1, … by that order).
// Shapes: internet double ellipse, vendor component, gateway hexagon, database cylinder, SaaS/messaging rounded box,
// other systems box. Fill by zone trust. Edges: network solid, remote-access bold, credential dashed; highlighted cut
// links red, path links blue. Every id and label is a quoted, escaped DOT string.
// Cost: O(V + E).

import type { AttackGraph } from '../graph/attack-graph.js';
import type { Link, Register } from '../register/types.js';
import { dotString } from './dot-escape.js';
import { linkLabel, nodeLabel, nodeShapeClass, zoneLabel, zoneTrust, type NodeShapeClass } from './labels.js';
import type { ExportOptions } from './options.js';
import { CUT_COLOUR, GATEWAY_STROKE, PATH_COLOUR, TRUST_FILL, TRUST_STROKE } from './palette.js';
import { selectSubgraph, nodesByZone } from './selection.js';

const SHAPES: Record<NodeShapeClass, string> = {
  internet: 'shape=ellipse, peripheries=2',
  vendor: 'shape=component',
  gateway: `shape=hexagon, penwidth=2, color="${GATEWAY_STROKE}"`,
  database: 'shape=cylinder',
  service: 'shape=box, style="filled,rounded"',
  system: 'shape=box',
};

export function exportDot(register: Register, graph: AttackGraph, options: ExportOptions): string {
  return [...dotChunks(register, graph, options)].join('');
}

/** The same document in pieces, a cluster or a statement at a time: an L register's DOT is about 70 MB of text, and
 * built whole as lines and then one string it held twice that on top of the register (1.6 GB at its peak). */
export function* dotChunks(register: Register, graph: AttackGraph, options: ExportOptions): Generator<string> {
  const selection = selectSubgraph(graph, options);
  yield [
    'digraph sidedoor {',
    '  graph [rankdir=LR, fontname="Helvetica", compound=true, newrank=true];',
    '  node [style=filled, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
    '',
  ].join('\n');
  const byZone = nodesByZone(graph, selection);
  for (let z = 0; z < selection.zones.length; z++) {
    const zone = selection.zones[z];
    const trust = zoneTrust(register, zone);
    yield `  subgraph cluster_${z} {\n    label=${dotString(zoneLabel(register, zone, trust))};\n`
      + `    style="rounded,dashed"; color="${TRUST_STROKE[Math.min(trust, TRUST_STROKE.length - 1)]}";\n`;
    for (const v of byZone.get(zone) ?? []) yield `    ${nodeStatement(register, graph, v)}\n`;
    yield '  }\n';
  }
  for (const l of selection.links) yield `  ${edgeStatement(graph.links[l], options)}\n`;
  for (const e of selection.supply) yield `  ${supplyStatement(graph, e, options)}\n`;
  yield '}\n';
}

function nodeStatement(register: Register, graph: AttackGraph, v: number): string {
  const fill = TRUST_FILL[Math.min(graph.nodeTrust[v], TRUST_FILL.length - 1)];
  const shape = SHAPES[nodeShapeClass(register, graph, v)];
  return `${dotString(graph.nodeIds[v])} [label=${dotString(nodeLabel(register, graph, v))}, ${shape}, fillcolor="${fill}"];`;
}

/** A supply edge (SPEC §2.1): dashed, grey, with an open arrowhead and the word "supplies". */
function supplyStatement(graph: AttackGraph, e: number, options: ExportOptions): string {
  const id = graph.supply.ids[e];
  const attributes = [`id=${dotString(id)}`, 'label="supplies"', 'style=dashed', 'arrowhead=empty'];
  attributes.push(options.highlight?.pathLinks?.has(id) ? `color="${PATH_COLOUR}", penwidth=2` : 'color="#868e96"');
  return `${dotString(graph.nodeIds[graph.supply.from[e]])} -> ${dotString(graph.nodeIds[graph.supply.to[e]])} [${attributes.join(', ')}];`;
}

function edgeStatement(link: Link, options: ExportOptions): string {
  const attributes = [`id=${dotString(link.id)}`];
  const label = linkLabel(link);
  if (label !== '') attributes.push(`label=${dotString(label)}`);
  if (link.kind === 'credential') attributes.push('style=dashed');
  else if (link.kind === 'remote-access') attributes.push('style=bold');
  if (link.bidirectional) attributes.push('dir=both');
  if (options.highlight?.cutLinks?.has(link.id)) attributes.push(`color="${CUT_COLOUR}"`, 'penwidth=3');
  else if (options.highlight?.pathLinks?.has(link.id)) attributes.push(`color="${PATH_COLOUR}"`, 'penwidth=2');
  return `${dotString(link.from)} -> ${dotString(link.to)} [${attributes.join(', ')}];`;
}
