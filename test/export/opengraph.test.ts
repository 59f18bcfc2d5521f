import { describe, expect, it } from 'vitest';
import { exportOpenGraph } from '../../src/export/opengraph.js';
import { HOSTILE, hostileGraph } from './fixtures.js';

const { register, graph } = hostileGraph();
const output = exportOpenGraph(register, graph, { highlight: { pathLinks: new Set(['hr-db-to-ad-dc-389']) } });

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface OgNode { id: string; kinds: string[]; properties: Record<string, Json> }
interface OgEdge { kind: string; start: { value: string; match_by: string }; end: { value: string; match_by: string }; properties: Record<string, Json> }
interface OpenGraph { metadata: { source_kind: string }; graph: { nodes: OgNode[]; edges: OgEdge[] } }

/** OpenGraph property rules: primitives or non-empty homogeneous arrays of primitives; lowercase names; no null. */
function expectOpenGraphProperties(properties: Record<string, Json>): void {
  for (const [name, value] of Object.entries(properties)) {
    expect(name).toBe(name.toLowerCase());
    if (Array.isArray(value)) {
      expect(value.length).toBeGreaterThan(0);
      expect(new Set(value.map((x) => typeof x)).size).toBe(1);
      for (const item of value) expect(['string', 'number', 'boolean']).toContain(typeof item);
    } else {
      expect(['string', 'number', 'boolean']).toContain(typeof value);
    }
  }
}

describe('opengraph export', () => {
  const document = JSON.parse(output) as OpenGraph;

  it('has the generic-ingest envelope', () => {
    expect(Object.keys(document)).toEqual(['metadata', 'graph']);
    expect(document.metadata).toEqual({ source_kind: 'Sidedoor' });
    expect(Object.keys(document.graph)).toEqual(['nodes', 'edges']);
  });

  it('gives every node an id, at most three SD_ kinds and primitive properties', () => {
    expect(document.graph.nodes.map((n) => n.id)).toEqual([...graph.nodeIds]);
    for (const node of document.graph.nodes) {
      expect(node.kinds.length).toBeGreaterThanOrEqual(1);
      expect(node.kinds.length).toBeLessThanOrEqual(3);
      for (const kind of node.kinds) expect(kind).toMatch(/^SD_[A-Z][A-Za-z]*$/);
      expect(node.properties.objectid).toBe(node.id);
      expectOpenGraphProperties(node.properties);
    }
    const kinds = (id: string) => document.graph.nodes.find((n) => n.id === id)?.kinds;
    expect(kinds('fw-1')).toEqual(['SD_System', 'SD_Firewall', 'SD_Gateway']);
    expect(kinds('ad-dc')).toEqual(['SD_System', 'SD_Identity']);
    expect(kinds('parkco')).toEqual(['SD_Vendor']);
    expect(kinds('constructor')).toEqual(['SD_Vendor']);
    expect(kinds('internet')).toEqual(['SD_Internet']);
    expect(document.graph.nodes.find((n) => n.id === 'parkco')?.properties.name).toBe(HOSTILE);
  });

  it('emits one edge per link direction, kinds by link kind, endpoints matched by id', () => {
    const bidirectional = register.links.filter((l) => l.bidirectional).length;
    expect(document.graph.edges.length).toBe(register.links.length + bidirectional + graph.supply.count);
    expect(document.graph.edges.filter((e) => e.kind === 'SD_Supplies').map((e) => e.properties.id)).toEqual([...graph.supply.ids]);
    const ids = new Set(graph.nodeIds);
    for (const edge of document.graph.edges) {
      expect(['SD_NetworkTo', 'SD_RemoteAccessTo', 'SD_HasCredentialFor', 'SD_Supplies']).toContain(edge.kind);
      expect(ids.has(edge.start.value) && ids.has(edge.end.value)).toBe(true);
      expect(edge.start.match_by).toBe('id');
      expect(edge.end.match_by).toBe('id');
      expectOpenGraphProperties(edge.properties);
    }
    const ofLink = (id: string) => document.graph.edges.filter((e) => e.properties.id === id)
      .map((e) => [e.kind, e.start.value, e.end.value, e.properties.direction]);
    expect(ofLink('hr-db-to-ad-dc-389')).toEqual([['SD_NetworkTo', 'hr-db', 'ad-dc', 'forward'], ['SD_NetworkTo', 'ad-dc', 'hr-db', 'reverse']]);
    expect(ofLink('constructor-to-proto')).toEqual([['SD_RemoteAccessTo', 'constructor', 'proto', 'forward'], ['SD_RemoteAccessTo', 'proto', 'constructor', 'reverse']]);
    expect(ofLink('chat-to-ad-dc')).toEqual([['SD_HasCredentialFor', 'chat', 'ad-dc', 'forward']]);
    expect(document.graph.edges.find((e) => e.properties.id === 'hr-db-to-ad-dc-389')?.properties.on_path).toBe(true);
    expect(document.graph.edges.find((e) => e.properties.id === 'valueof-to-hr-db-445')?.properties.via).toEqual(['fw-1']);
  });

  it('exports only the focus neighbourhood', () => {
    const focused = JSON.parse(exportOpenGraph(register, graph, { focus: 'ad-dc', depth: 0 })) as OpenGraph;
    expect(focused.graph.nodes.map((n) => n.id)).toEqual(['ad-dc']);
    expect(focused.graph.edges).toEqual([]);
  });
});
