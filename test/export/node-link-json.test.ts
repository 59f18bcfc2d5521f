import { describe, expect, it } from 'vitest';
import { linkAttributes, nodeAttributes, supplyEdgeAttributes } from '../../src/export/attributes.js';
import { exportNodeLinkJson } from '../../src/export/node-link-json.js';
import { HOSTILE, hostileGraph } from './fixtures.js';
import { hasNetworkx, runPython } from './python-networkx.js';

const { register, graph } = hostileGraph();
const highlight = { cutLinks: new Set(['hr-db-to-ad-dc-389']) };
const output = exportNodeLinkJson(register, graph, { highlight });

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface NodeLink {
  directed: boolean; multigraph: boolean; graph: Record<string, Json>;
  nodes: Record<string, Json>[]; links: Record<string, Json>[];
}
const isPrimitive = (value: Json) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

describe('node-link json export', () => {
  const document = JSON.parse(output) as NodeLink;

  it('is 2-space indented JSON with networkx node-link keys', () => {
    // Bidi and C1 controls are written as \u escapes (safe on a terminal); otherwise the bytes are JSON.stringify's.
    expect(output).not.toMatch(/[\u007f-\u009f\u202a-\u202e]/);
    expect(output.replace(/\\u202e/g, '\u202e')).toBe(`${JSON.stringify(document, null, 2)}\n`);
    expect(Object.keys(document)).toEqual(['directed', 'multigraph', 'graph', 'nodes', 'links']);
    expect(document.directed).toBe(true);
    expect(document.multigraph).toBe(true);
    expect(document.graph).toEqual({ name: 'sidedoor', organization: `Ville ${HOSTILE}` });
  });

  it('holds every node and link, sorted by id, with primitive or string-list values only', () => {
    expect(document.nodes.map((n) => n.id)).toEqual([...graph.nodeIds]);
    const supply = graph.supply.ids.map((id, e) => [id, graph.nodeIds[graph.supply.from[e]], graph.nodeIds[graph.supply.to[e]], id]);
    expect(document.links.map((l) => [l.id, l.source, l.target, l.key]))
      .toEqual([...register.links.map((l) => [l.id, l.from, l.to, l.id]), ...supply]);
    for (const record of [...document.nodes, ...document.links]) {
      for (const value of Object.values(record)) {
        expect(isPrimitive(value) || (Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'string'))).toBe(true);
      }
    }
  });

  it('round-trips every attribute exactly, hostile text and prototype-named ids included', () => {
    document.nodes.forEach((node, v) => {
      expect(node).toEqual({ id: graph.nodeIds[v], ...Object.fromEntries(nodeAttributes(register, graph, v)) });
    });
    document.links.forEach((link, l) => {
      if (l >= graph.links.length) {
        const e = l - graph.links.length;
        expect(link).toEqual({
          source: graph.nodeIds[graph.supply.from[e]], target: graph.nodeIds[graph.supply.to[e]], key: graph.supply.ids[e],
          ...Object.fromEntries(supplyEdgeAttributes(graph, e, highlight)),
        });
        expect(link).toMatchObject({ kind: 'supply', implicit: true, cut: false });
        return;
      }
      const source = graph.links[l];
      expect(link).toEqual({ source: source.from, target: source.to, key: source.id, ...Object.fromEntries(linkAttributes(source, highlight)) });
    });
    const valueof = document.nodes.find((n) => n.id === 'valueof');
    expect(valueof).toMatchObject({ type: 'system', zone: 'parking', trust: 1, name: `Parking app ${HOSTILE}`, tags: ['iot', 'a,b'] });
    expect(document.nodes.find((n) => n.id === 'constructor')).toMatchObject({ type: 'vendor', tier: 'low' });
    expect(document.links.find((l) => l.id === 'hr-db-to-ad-dc-389')).toMatchObject({ cut: true, bidirectional: true });
    expect(document.links.find((l) => l.id === 'valueof-to-hr-db-445')).toMatchObject({ cut: false, via: ['fw-1'] });
    expect(document.links[0]).not.toHaveProperty('on_path');
  });

  it('records the focus and exports only its neighbourhood', () => {
    const focused = JSON.parse(exportNodeLinkJson(register, graph, { focus: 'parkco' })) as NodeLink;
    expect(focused.graph).toMatchObject({ focus: 'parkco', depth: 1 });
    expect(focused.nodes.map((n) => n.id)).toEqual(['parkco', 'valueof']);
    expect(focused.links.map((l) => l.id)).toEqual(['parkco-to-valueof', 'parkco-supplies-valueof']);
  });

  it.skipIf(!hasNetworkx)('loads in networkx as a directed multigraph', () => {
    const summary = runPython([
      'import sys, json, networkx as nx',
      'g = nx.node_link_graph(json.load(sys.stdin), edges="links")',
      'print(json.dumps({"type": type(g).__name__, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),',
      '  "parallel": g.number_of_edges("hr-db", "ad-dc"), "trust": g.nodes["ad-dc"]["trust"],',
      '  "proto": g.nodes["constructor"]["type"]}))',
    ].join('\n'), output);
    expect(summary).toEqual({ type: 'MultiDiGraph', nodes: graph.nodeCount, edges: register.links.length + graph.supply.count, parallel: 2, trust: 4, proto: 'vendor' });
  });
});
