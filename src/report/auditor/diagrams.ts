// Report section 5: one Mermaid flowchart per policy rule, drawing only the witness paths of its violations.
//
// Nodes are grouped in one subgraph per zone; gateways (enforcement systems) are hexagons; vendors are stadiums; the
// internet is a circle; sources of violations get a dashed outline and the protected nodes they reach a thick one; the links of the rule's minimum cut
// are drawn red and labelled "✂ cut". Node and subgraph ids are generated (n0, n1…, z0, z1…), never taken from
// data, and every label goes through escapeMermaidLabel, so a register value can neither end a label nor add a
// statement. Cost: O(P · L) for P drawn paths of length L, plus sorting.

import type { AttackGraph } from '../../graph/attack-graph.js';
import { compareIds } from '../../graph/attack-graph.js';
import type { Finding } from '../../findings/types.js';
import type { Link, Register, SegmentationRule } from '../../register/types.js';
import { linkLabel } from '../../export/labels.js';
import { CUT_COLOUR, GATEWAY_STROKE, TRUST_FILL, TRUST_STROKE } from '../../export/palette.js';
import { escapeMarkdownInline as md, escapeMermaidLabel as label } from '../markdown-escape.js';
import { nodeName, zoneName, zoneTrust } from './display-names.js';
import { plural } from './text.js';
import type { AuditReportInput } from './types.js';
import { appendAll } from '../../util/append-all.js';

/** GitHub refuses to render Mermaid sources beyond ~50,000 characters; past this many paths the rest are listed only. */
export const MAX_DRAWN_PATHS = 40;

type Shape = 'internet' | 'vendor' | 'gateway' | 'database' | 'system';
const SHAPES: Record<Shape, readonly [string, string]> = {
  internet: ['((', '))'], vendor: ['([', '])'], gateway: ['{{', '}}'], database: ['[(', ')]'], system: ['[', ']'],
};

function shapeOf(register: Register, graph: AttackGraph, v: number): Shape {
  if (graph.nodeType[v] === 'internet') return 'internet';
  if (graph.nodeType[v] === 'vendor') return 'vendor';
  const system = register.systems.get(graph.nodeIds[v]);
  if (system?.enforcement === true) return 'gateway';
  return system?.kind === 'database' ? 'database' : 'system';
}

function arrow(link: Link): string {
  const head = link.bidirectional ? '<' : '';
  if (link.kind === 'credential') return `${head}-.->`;
  if (link.kind === 'remote-access') return `${head}==>`;
  return `${head}-->`;
}

export interface WitnessDiagram {
  /** The Mermaid source, without the code fence. */
  source: string;
  nodes: number;
  links: number;
  drawnPaths: number;
  /** Cut links that lie on no drawn path. */
  cutOffPath: string[];
}

/** The flowchart of the given path findings (at most MAX_DRAWN_PATHS of them are drawn). */
export function witnessDiagram(register: Register, graph: AttackGraph, paths: readonly Finding[], cut: ReadonlySet<string>): WitnessDiagram {
  const drawn = paths.slice(0, MAX_DRAWN_PATHS);
  const nodeSet = new Set<number>();
  const linkSet = new Set<number>();
  const supplyIndex = new Map(graph.supply.ids.map((id, e) => [id, e]));
  const supplySet = new Set<number>();
  const sources = new Set<number>();
  const targets = new Set<number>();
  for (const finding of drawn) {
    const path = finding.path ?? [];
    path.forEach((id, i) => {
      const v = graph.nodeIndex.get(id);
      if (v === undefined) return;
      nodeSet.add(v);
      if (i === 0) sources.add(v);
      if (i === path.length - 1) targets.add(v);
    });
    for (const id of finding.links ?? []) {
      const l = graph.linkIndex.get(id);
      if (l !== undefined) linkSet.add(l);
      else if (supplyIndex.has(id)) supplySet.add(supplyIndex.get(id) as number);
    }
  }
  const nodes = [...nodeSet].sort((a, b) => a - b);
  const links = [...linkSet].sort((a, b) => a - b);
  const mermaidId = new Map<number, string>();
  nodes.forEach((v, i) => mermaidId.set(v, `n${i}`));

  const lines = ['flowchart LR'];
  const zones = [...new Set(nodes.map((v) => graph.nodeZone[v]))].sort(compareIds);
  zones.forEach((zone, z) => {
    lines.push(`  subgraph z${z}["${label(`${zoneName(register, zone)} (trust ${zoneTrust(register, zone)})`)}"]`);
    for (const v of nodes) {
      if (graph.nodeZone[v] !== zone) continue;
      const [open, close] = SHAPES[shapeOf(register, graph, v)];
      lines.push(`    ${mermaidId.get(v)}${open}"${label(nodeName(register, graph.nodeIds[v]))}"${close}`);
    }
    lines.push('  end');
  });
  const cutPositions: number[] = [];
  links.forEach((l, position) => {
    const link = graph.links[l];
    const inCut = cut.has(link.id);
    const text = [inCut ? '✂ cut' : '', linkLabel(link)].filter((t) => t !== '').join(' · ');
    const from = mermaidId.get(graph.nodeIndex.get(link.from) as number);
    const to = mermaidId.get(graph.nodeIndex.get(link.to) as number);
    lines.push(`  ${from} ${arrow(link)}${text === '' ? '' : `|"${label(text)}"|`} ${to}`);
    if (inCut) cutPositions.push(position);
  });
  // Supply hops of the witnesses: the supplier holds what it supplies (dashed, never cut).
  const supplyPositions: number[] = [];
  [...supplySet].sort((a, b) => a - b).forEach((e, i) => {
    lines.push(`  ${mermaidId.get(graph.supply.from[e])} -.->|"supplies"| ${mermaidId.get(graph.supply.to[e])}`);
    supplyPositions.push(links.length + i);
  });
  appendAll(lines, styleLines(register, graph, nodes, mermaidId, sources, targets));
  if (supplyPositions.length > 0) lines.push(`  linkStyle ${supplyPositions.join(',')} stroke-dasharray:6`);
  if (cutPositions.length > 0) lines.push(`  linkStyle ${cutPositions.join(',')} stroke:${CUT_COLOUR},stroke-width:4px`);

  const drawnLinkIds = new Set(links.map((l) => graph.links[l].id));
  const cutOffPath = [...cut].filter((id) => !drawnLinkIds.has(id)).sort(compareIds);
  return { source: `${lines.join('\n')}\n`, nodes: nodes.length, links: links.length, drawnPaths: drawn.length, cutOffPath };
}

function styleLines(
  register: Register, graph: AttackGraph, nodes: readonly number[], mermaidId: ReadonlyMap<number, string>,
  sources: ReadonlySet<number>, targets: ReadonlySet<number>,
): string[] {
  const lines: string[] = [];
  const byTrust: string[][] = TRUST_FILL.map(() => []);
  const gateways: string[] = [];
  const sourceIds: string[] = [];
  const targetIds: string[] = [];
  for (const v of nodes) {
    const id = mermaidId.get(v) as string;
    byTrust[Math.min(graph.nodeTrust[v], TRUST_FILL.length - 1)].push(id);
    if (shapeOf(register, graph, v) === 'gateway') gateways.push(id);
    if (sources.has(v)) sourceIds.push(id);
    if (targets.has(v)) targetIds.push(id);
  }
  byTrust.forEach((ids, trust) => {
    if (ids.length === 0) return;
    lines.push(`  classDef trust${trust} fill:${TRUST_FILL[trust]},stroke:${TRUST_STROKE[trust]},color:#212529`);
    lines.push(`  class ${ids.join(',')} trust${trust}`);
  });
  if (sourceIds.length > 0) lines.push('  classDef source stroke-width:3px,stroke-dasharray:5 3', `  class ${sourceIds.join(',')} source`);
  if (targetIds.length > 0) lines.push('  classDef target stroke-width:4px', `  class ${targetIds.join(',')} target`);
  if (gateways.length > 0) lines.push(`  classDef gateway stroke:${GATEWAY_STROKE},stroke-width:3px`, `  class ${gateways.join(',')} gateway`);
  return lines;
}

function allowedGatewaysText(register: Register, rule: SegmentationRule): string {
  if (rule.builtin) return 'every enforcement system is an allowed gateway';
  if (rule.allow_via.length === 0) return 'no gateway is allowed';
  return `allowed gateways: ${[...rule.allow_via].sort(compareIds).map((id) => md(nodeName(register, id))).join(', ')}`;
}

function drawnText(total: number, drawn: number): string {
  if (total === 1) return 'its witness path';
  return drawn === total ? 'their witness paths' : `the witness paths of the first ${drawn} (by finding id); the others are listed under findings`;
}

function policySection(input: AuditReportInput, rule: SegmentationRule, paths: readonly Finding[]): string[] {
  const { register, context, result } = input;
  const cut = new Set(result.remediations.find((r) => r.rule === rule.id)?.cut ?? []);
  const diagram = witnessDiagram(register, context.graph, paths, cut);
  const lines = [
    `### Policy ${md(rule.id)}`,
    '',
    `${rule.description === undefined ? '' : `${md(rule.description)}. `}Severity ${rule.severity}; ${allowedGatewaysText(register, rule)}. `
      + `${plural(paths.length, 'violation')}; the diagram draws ${drawnText(paths.length, diagram.drawnPaths)} `
      + `(${plural(diagram.nodes, 'node')}, ${plural(diagram.links, 'link')}).`,
    '',
    '```mermaid',
    diagram.source.trimEnd(),
    '```',
  ];
  if (diagram.cutOffPath.length > 0) {
    lines.push('', `The minimum cut also holds ${plural(diagram.cutOffPath.length, 'link')} that no drawn witness path uses: `
      + `${diagram.cutOffPath.map(md).join(', ')} (see [remediation](#remediation)).`);
  }
  return lines;
}

export function diagramsSection(input: AuditReportInput): string[] {
  const lines = [
    '## Path diagrams',
    '',
    'One diagram per policy rule, limited to the witness paths of its violations (accepted ones included), grouped by zone. '
      + 'Hexagons are gateways (enforcement systems) that the rule does not accept; stadiums are vendors; a dashed outline marks '
      + 'where a path starts, a thick outline the protected node it reaches; red links labelled "✂ cut" form the rule\'s minimum cut. Solid arrows are network links, '
      + 'thick arrows remote access, dotted arrows credentials.',
  ];
  if (input.register.config.rules.get('unsegmented-path')?.off === true) {
    return [...lines, '', 'The unsegmented-path rule is off in this register (`rules:` in sidedoor.yaml), so no path was searched.'];
  }
  const clean: string[] = [];
  for (const rule of input.register.config.segmentation) {
    const paths = input.result.findings
      .filter((f) => f.rule === 'unsegmented-path' && f.subjects[0] === rule.id)
      .sort((a, b) => compareIds(a.id, b.id));
    if (paths.length === 0) clean.push(md(rule.id));
    else lines.push('', ...policySection(input, rule, paths));
  }
  if (clean.length > 0) lines.push('', `No violation, hence no diagram, for: ${clean.join(', ')}.`);
  return lines;
}
