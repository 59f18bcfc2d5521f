import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { LINK_ATTRIBUTES, NODE_ATTRIBUTES, linkAttributes, nodeAttributes, type AttributeValue, supplyEdgeAttributes } from '../../src/export/attributes.js';
import { exportGraphml } from '../../src/export/graphml.js';
import { hostileGraph } from './fixtures.js';
import { hasNetworkx, runPython } from './python-networkx.js';

const { register, graph } = hostileGraph();
const highlight = { cutLinks: new Set(['hr-db-to-ad-dc-389']), pathLinks: new Set(['valueof-to-hr-db-445']) };
const output = exportGraphml(register, graph, { highlight });

interface XmlData { '@_key': string; '#text': string }
interface XmlElement { '@_id': string; '@_source'?: string; '@_target'?: string; data?: XmlData[] }
interface XmlKey { '@_id': string; '@_for': string; '@_attr.name': string; '@_attr.type': string }
interface GraphmlDocument {
  graphml: { key: XmlKey[]; graph: { '@_id': string; '@_edgedefault': string; node?: XmlElement[]; edge?: XmlElement[] } };
}

const parser = new XMLParser({
  ignoreAttributes: false, processEntities: true, htmlEntities: true, parseTagValue: false, trimValues: false,
  alwaysCreateTextNode: true, ignoreDeclaration: true,
  isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
});
const parse = (xml: string) => parser.parse(xml) as GraphmlDocument;

/** What XML can carry of a string: characters XML 1.0 forbids come back as U+FFFD. */
const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');

function decoded(element: XmlElement, keys: readonly XmlKey[]): Map<string, string | number | boolean> {
  const byId = new Map(keys.map((k) => [k['@_id'], k]));
  const values = new Map<string, string | number | boolean>();
  for (const data of element.data ?? []) {
    const key = byId.get(data['@_key']);
    if (key === undefined) throw new Error(`undeclared key ${data['@_key']}`);
    const text = data['#text'];
    values.set(key['@_attr.name'], key['@_attr.type'] === 'int' ? Number(text) : key['@_attr.type'] === 'boolean' ? text === 'true' : text);
  }
  return values;
}
const expected = (attributes: ReadonlyMap<string, AttributeValue>) => new Map([...attributes].map(([name, value]) => [
  name, Array.isArray(value) ? value.join(',') : typeof value === 'string' ? xmlSafe(value) : value,
]));

describe('graphml export', () => {
  const document = parse(output);

  it('is well-formed XML with a directed graph', () => {
    expect(XMLValidator.validate(output)).toBe(true);
    expect(output.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"')).toBe(true);
    expect(document.graphml.graph['@_edgedefault']).toBe('directed');
  });

  it('declares a typed key for every node and edge attribute', () => {
    const declared = (domain: string) => document.graphml.key.filter((k) => k['@_for'] === domain)
      .map((k) => [k['@_attr.name'], k['@_attr.type']]);
    const graphmlType = (type: string) => (type === 'strings' ? 'string' : type);
    expect(declared('node')).toEqual(NODE_ATTRIBUTES.map((a) => [a.name, graphmlType(a.type)]));
    expect(declared('edge')).toEqual(LINK_ATTRIBUTES.map((a) => [a.name, graphmlType(a.type)]));
    for (const name of ['type', 'name', 'zone', 'trust', 'kind', 'vendor', 'criticality', 'data', 'records', 'internet_facing', 'enforcement', 'redundant', 'tier']) {
      expect(declared('node').map(([n]) => n)).toContain(name);
    }
    expect(new Set(document.graphml.key.map((k) => k['@_id'])).size).toBe(document.graphml.key.length);
  });

  it('holds every node and link, sorted by id', () => {
    const nodes = document.graphml.graph.node ?? [];
    const edges = document.graphml.graph.edge ?? [];
    expect(nodes.map((n) => n['@_id'])).toEqual([...graph.nodeIds]);
    // Links first, then the supply edges (SPEC §2.1), each sorted by id.
    const supply = graph.supply.ids.map((id, e) => [id, graph.nodeIds[graph.supply.from[e]], graph.nodeIds[graph.supply.to[e]]]);
    expect(edges.map((e) => [e['@_id'], e['@_source'], e['@_target']])).toEqual([...register.links.map((l) => [l.id, l.from, l.to]), ...supply]);
    expect(supply.length).toBeGreaterThan(0);
  });

  it('round-trips every attribute value, hostile text included', () => {
    const keys = document.graphml.key;
    (document.graphml.graph.node ?? []).forEach((node, v) => {
      expect(decoded(node, keys)).toEqual(expected(nodeAttributes(register, graph, v)));
    });
    (document.graphml.graph.edge ?? []).forEach((edge, l) => {
      const attributes = l < graph.links.length ? linkAttributes(graph.links[l], highlight)
        : supplyEdgeAttributes(graph, l - graph.links.length, highlight);
      expect(decoded(edge, keys)).toEqual(expected(attributes));
    });
    const parkco = decoded((document.graphml.graph.node ?? []).find((n) => n['@_id'] === 'parkco') as XmlElement, keys);
    expect(parkco.get('name')).toBe('A|B <script>alert(1)</script> `x` "q" ] [ {c} #quot; & ; \\N\nline2\r\n\ufffd\u202e');
    expect(output).not.toContain('<script>');
  });

  it('exports only the focus neighbourhood', () => {
    const focused = parse(exportGraphml(register, graph, { focus: 'hr-db', depth: 1 }));
    expect((focused.graphml.graph.node ?? []).map((n) => n['@_id'])).toEqual(['ad-dc', 'hr-db', 'valueof']);
    expect((focused.graphml.graph.edge ?? []).map((e) => e['@_id'])).toEqual(['hr-db-to-ad-dc-389', 'hr-db-to-ad-dc-alt', 'valueof-to-hr-db-445']);
  });

  it.skipIf(!hasNetworkx)('loads in networkx with typed attributes', () => {
    const summary = runPython([
      'import sys, json, networkx as nx',
      'g = nx.read_graphml(sys.stdin.buffer)',
      'e = [d for _, _, d in g.edges(data=True) if d["id"] == "hr-db-to-ad-dc-389"][0]',
      'print(json.dumps({"directed": g.is_directed(), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),',
      '  "records": g.nodes["ad-dc"]["records"], "facing": g.nodes["valueof"]["internet_facing"],',
      '  "name": g.nodes["parkco"]["name"], "port": e["port"], "bidi": e["bidirectional"], "cut": e["cut"]}))',
    ].join('\n'), output);
    expect(summary).toEqual({
      directed: true, nodes: graph.nodeCount, edges: register.links.length + graph.supply.count, records: 12000, facing: true,
      name: 'A|B <script>alert(1)</script> `x` "q" ] [ {c} #quot; & ; \\N\nline2\r\n\ufffd\u202e', port: 389, bidi: true, cut: true,
    });
  });
});
