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
  const selection = selectSubgraph(graph, options);
  const lines: string[] = [
    'digraph sidedoor {',
    '  graph [rankdir=LR, fontname="Helvetica", compound=true, newrank=true];',
    '  node [style=filled, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  const byZone = nodesByZone(graph, selection);
  selection.zones.forEach((zone, z) => {
    const trust = zoneTrust(register, zone);
    lines.push(`  subgraph cluster_${z} {`);
    lines.push(`    label=${dotString(zoneLabel(register, zone, trust))};`);
    lines.push(`    style="rounded,dashed"; color="${TRUST_STROKE[Math.min(trust, TRUST_STROKE.length - 1)]}";`);
    for (const v of byZone.get(zone) ?? []) lines.push(`    ${nodeStatement(register, graph, v)}`);
    lines.push('  }');
  });
  for (const l of selection.links) lines.push(`  ${edgeStatement(graph.links[l], options)}`);
  for (const e of selection.supply) lines.push(`  ${supplyStatement(graph, e, options)}`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
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
