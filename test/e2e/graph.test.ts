// `sidedoor graph` as a user runs it (the BUILT CLI): every format of the sample city parses back with a real parser
// (JSON.parse, fast-xml-parser, Graphviz when installed), --focus/--depth narrows the export, and bad focus or depth
// options exit 2 with a useful message.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_CITY, writeTree } from '../helpers/run-cli.js';

interface Counts { nodes: number; links: number }

function cityCounts(): Counts {
  const scan = runCli(['scan', '--register', SAMPLE_CITY, '--today', '2026-12-06', '--format', 'json']);
  const summary = JSON.parse(scan.stdout) as { register: { vendors: number; systems: number; links: number } };
  // Vendors, systems and the built-in internet node; every link, implicit internet edges included.
  return { nodes: summary.register.vendors + summary.register.systems + 1, links: summary.register.links };
}

function graph(args: string[]) {
  const run = runCli(['graph', '--register', SAMPLE_CITY, ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

function graphvizInstalled(): boolean {
  try {
    execFileSync('dot', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

describe('sidedoor graph', () => {
  const expected = cityCounts();

  it('exports node-link JSON holding every node and link', () => {
    const parsed = JSON.parse(graph(['--format', 'json'])) as { nodes: { id: string }[]; links: { kind: string; id: string }[] };
    expect(parsed.nodes).toHaveLength(expected.nodes);
    // Every link, then the implicit supply edges (SPEC §2.1), each with its kind.
    expect(parsed.links.filter((l) => l.kind !== 'supply')).toHaveLength(expected.links);
    expect(parsed.links.filter((l) => l.kind === 'supply').map((l) => l.id)).toContain('parkco-supplies-parking-app');
  });

  it('exports BloodHound OpenGraph JSON: nodes with id and kinds, edges with start, end and kind', () => {
    const parsed = JSON.parse(graph(['--format', 'opengraph'])) as {
      graph: { nodes: { id: string; kinds: string[] }[]; edges: { start: { value: string }; end: { value: string }; kind: string }[] };
    };
    expect(parsed.graph.nodes).toHaveLength(expected.nodes);
    for (const node of parsed.graph.nodes) expect(node.kinds.length).toBeGreaterThan(0);
    const ids = new Set(parsed.graph.nodes.map((n) => n.id));
    for (const edge of parsed.graph.edges) {
      expect(ids.has(edge.start.value) && ids.has(edge.end.value)).toBe(true);
      expect(edge.kind).toMatch(/^SD_/);
    }
  });

  it('exports GraphML that an XML parser reads back, with typed keys', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(graph(['--format', 'graphml'])) as {
      graphml: { key: { '@attr.type': string }[]; graph: { node: unknown; edge: unknown } };
    };
    expect(asArray(xml.graphml.graph.node)).toHaveLength(expected.nodes);
    expect(asArray(xml.graphml.graph.edge).length).toBeGreaterThanOrEqual(expected.links);
    expect(new Set(xml.graphml.key.map((k) => k['@attr.type']))).toEqual(new Set(['string', 'int', 'boolean']));
  });

  it('exports Mermaid, one subgraph per zone, with generated node ids', () => {
    const text = graph(['--format', 'mermaid']);
    expect(text.startsWith('flowchart LR\n')).toBe(true);
    expect(text.match(/^ {2}subgraph z\d+\[/gm)?.length).toBeGreaterThan(1);
    expect(text.match(/^ {4}n\d+/gm)).toHaveLength(expected.nodes);
  });

  it('exports DOT that Graphviz renders (when installed)', () => {
    const dot = graph(['--format', 'dot']);
    expect(dot.startsWith('digraph sidedoor {')).toBe(true);
    if (!graphvizInstalled()) return;
    // Graphviz 2.43 (Debian/Ubuntu) aborts on this clustered graph with "trouble in init_rank" unless the newer
    // ranking is asked for; the exporter does not emit `newrank=true` yet, so the command line sets it.
    const svg = execFileSync('dot', ['-Gnewrank=true', '-Tsvg'], { input: dot, encoding: 'utf8' });
    expect(svg).toContain('<svg');
    expect(svg.match(/class="node"/g)).toHaveLength(expected.nodes);
    expect(svg.match(/class="edge"/g)).toHaveLength(expected.links);
  });

  it('narrows the export to the --focus/--depth neighbourhood', () => {
    const whole = JSON.parse(graph(['--format', 'json'])) as { nodes: { id: string }[]; links: { source: string; target: string }[] };
    const near = JSON.parse(graph(['--format', 'json', '--focus', 'ad-dc', '--depth', '1'])) as typeof whole;
    const neighbours = new Set(['ad-dc']);
    for (const link of whole.links) {
      if (link.source === 'ad-dc') neighbours.add(link.target);
      if (link.target === 'ad-dc') neighbours.add(link.source);
    }
    expect(new Set(near.nodes.map((n) => n.id))).toEqual(neighbours);
    const alone = JSON.parse(graph(['--format', 'json', '--focus', 'ad-dc', '--depth', '0'])) as typeof whole;
    expect(alone.nodes.map((n) => n.id)).toEqual(['ad-dc']);
  });

  it('writes to -o FILE', () => {
    const out = join(writeTree({}), 'graph.dot');
    const run = runCli(['graph', '--register', SAMPLE_CITY, '--format', 'dot', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(graph(['--format', 'dot']));
  });

  it('exits 2 on an unknown focus node, suggesting the nearest id', () => {
    const run = runCli(['graph', '--register', SAMPLE_CITY, '--focus', 'ad-d']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown node "ad-d"; did you mean "ad-dc"?');
  });

  it('exits 2 on --depth without --focus, a bad depth, or an unknown format', () => {
    for (const args of [['--depth', '2'], ['--focus', 'ad-dc', '--depth', '-1'], ['--focus', 'ad-dc', '--depth', 'x'], ['--format', 'png']]) {
      const run = runCli(['graph', '--register', SAMPLE_CITY, ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
    }
  });
});
