// Mermaid flowchart export (`sidedoor graph --format mermaid`).
//
// Shape of the output:
//   flowchart LR
//     subgraph z0["Zone name (trust N)"]        one subgraph per zone holding an exported node, sorted by zone id
//       n0(("Internet"))                         ids n0, n1, … are generated, never taken from data
//     end
//     n0 -->|"https/443"| n1                    network: solid · remote-access: thick (==>) · credential: dotted (-.->)
//     n2 <-.-> n3                                bidirectional links use a two-headed arrow
//     n4 -.->|"supplies"| n5                     supply edges (SPEC §2.1), after the links, dashed by linkStyle
//     classDef trust0 …  class n0 trust0          fill by zone trust; extra classes for gateways, vendors, internet
//     linkStyle 0 stroke:#e03131,…               highlighted cut links (red) and path links (blue)
// Shapes: internet ((circle)), vendor ([stadium]), gateway {{hexagon}}, database [(cylinder)], SaaS/messaging
// (rounded), other systems [box]. Every label goes through escapeMermaidLabel.
// Cost: O(V + E). Mermaid itself renders a few hundred nodes at most: use --focus for big registers.

import type { AttackGraph } from '../graph/attack-graph.js';
import type { Link, Register } from '../register/types.js';
import { linkLabel, nodeLabel, nodeShapeClass, zoneLabel, zoneTrust, type NodeShapeClass } from './labels.js';
import { escapeMermaidLabel } from './mermaid-escape.js';
import type { ExportOptions } from './options.js';
import { CUT_COLOUR, GATEWAY_STROKE, PATH_COLOUR, TRUST_FILL, TRUST_STROKE } from './palette.js';
import { selectSubgraph, nodesByZone } from './selection.js';
import { appendAll } from '../util/append-all.js';

const SHAPES: Record<NodeShapeClass, readonly [string, string]> = {
  internet: ['((', '))'],
  vendor: ['([', '])'],
  gateway: ['{{', '}}'],
  database: ['[(', ')]'],
  service: ['(', ')'],
  system: ['[', ']'],
};

/** Extra classes drawn on top of the trust fill; systems and databases need none. */
const KIND_CLASSES: readonly NodeShapeClass[] = ['gateway', 'vendor', 'internet'];
const KIND_CLASS_STYLES: Record<string, string> = {
  gateway: `stroke:${GATEWAY_STROKE},stroke-width:3px`,
  vendor: 'stroke-dasharray:6 3',
  internet: `stroke:${TRUST_STROKE[0]},stroke-width:2px`,
};

export function exportMermaid(register: Register, graph: AttackGraph, options: ExportOptions): string {
  const selection = selectSubgraph(graph, options);
  const mermaidId = new Map<number, string>();
  selection.nodes.forEach((v, i) => mermaidId.set(v, `n${i}`));

  const lines: string[] = ['flowchart LR'];
  const byZone = nodesByZone(graph, selection);
  selection.zones.forEach((zone, z) => {
    lines.push(`  subgraph z${z}["${escapeMermaidLabel(zoneLabel(register, zone, zoneTrust(register, zone)))}"]`);
    for (const v of byZone.get(zone) ?? []) {
      const [open, close] = SHAPES[nodeShapeClass(register, graph, v)];
      lines.push(`    ${mermaidId.get(v)}${open}"${escapeMermaidLabel(nodeLabel(register, graph, v))}"${close}`);
    }
    lines.push('  end');
  });

  const cut: number[] = [];
  const path: number[] = [];
  selection.links.forEach((l, position) => {
    const link = graph.links[l];
    const label = linkLabel(link);
    const from = mermaidId.get(graph.nodeIndex.get(link.from) as number);
    const to = mermaidId.get(graph.nodeIndex.get(link.to) as number);
    lines.push(`  ${from} ${arrow(link)}${label === '' ? '' : `|"${escapeMermaidLabel(label)}"|`} ${to}`);
    if (options.highlight?.cutLinks?.has(link.id)) cut.push(position);
    else if (options.highlight?.pathLinks?.has(link.id)) path.push(position);
  });

  const supplyPositions: number[] = [];
  selection.supply.forEach((e, i) => {
    const position = selection.links.length + i;
    lines.push(`  ${mermaidId.get(graph.supply.from[e])} -.->|"supplies"| ${mermaidId.get(graph.supply.to[e])}`);
    supplyPositions.push(position);
    if (options.highlight?.pathLinks?.has(graph.supply.ids[e])) path.push(position);
  });

  appendAll(lines, classLines(register, graph, selection.nodes, mermaidId));
  if (supplyPositions.length > 0) lines.push(`  linkStyle ${supplyPositions.join(',')} stroke-dasharray:6`);
  // linkStyle numbers links in the order they were written, which is selection order.
  if (path.length > 0) lines.push(`  linkStyle ${path.join(',')} stroke:${PATH_COLOUR},stroke-width:3px`);
  if (cut.length > 0) lines.push(`  linkStyle ${cut.join(',')} stroke:${CUT_COLOUR},stroke-width:4px`);
  return `${lines.join('\n')}\n`;
}

function arrow(link: Link): string {
  const head = link.bidirectional ? '<' : '';
  if (link.kind === 'credential') return `${head}-.->`;
  if (link.kind === 'remote-access') return `${head}==>`;
  return `${head}-->`;
}

function classLines(register: Register, graph: AttackGraph, nodes: readonly number[], mermaidId: ReadonlyMap<number, string>): string[] {
  const byTrust: string[][] = TRUST_FILL.map(() => []);
  const byKind = new Map<NodeShapeClass, string[]>(KIND_CLASSES.map((k) => [k, []]));
  for (const v of nodes) {
    const id = mermaidId.get(v) as string;
    byTrust[Math.min(graph.nodeTrust[v], TRUST_FILL.length - 1)].push(id);
    byKind.get(nodeShapeClass(register, graph, v))?.push(id);
  }
  const lines: string[] = [];
  TRUST_FILL.forEach((fill, trust) => {
    lines.push(`  classDef trust${trust} fill:${fill},stroke:${TRUST_STROKE[trust]},color:#212529`);
  });
  for (const kind of KIND_CLASSES) lines.push(`  classDef ${kind} ${KIND_CLASS_STYLES[kind]}`);
  byTrust.forEach((ids, trust) => {
    if (ids.length > 0) lines.push(`  class ${ids.join(',')} trust${trust}`);
  });
  for (const kind of KIND_CLASSES) {
    const ids = byKind.get(kind) as string[];
    if (ids.length > 0) lines.push(`  class ${ids.join(',')} ${kind}`);
  }
  return lines;
}
