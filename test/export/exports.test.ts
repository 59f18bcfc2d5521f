import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../src/graph/attack-graph.js';
import {
  GRAPH_EXPORTERS, GRAPH_FORMATS, InvalidDepthError, UnknownNodeError, isGraphFormat, type GraphFormat,
} from '../../src/export/index.js';
import type { Register } from '../../src/register/types.js';
import { hostileGraph, hostileRegister } from './fixtures.js';
import { bruteForceNeighbourhood, randomRegister } from './random-register.js';

const exporter = (format: GraphFormat) => {
  const found = GRAPH_EXPORTERS.get(format);
  if (found === undefined) throw new Error(format);
  return found;
};

/** Node ids and link count as each format writes them, read back with the format's own syntax. */
function contents(format: GraphFormat, output: string): { nodes: string[] | number; links: number } {
  switch (format) {
    case 'json': {
      const doc = JSON.parse(output) as { nodes: { id: string }[]; links: unknown[] };
      return { nodes: doc.nodes.map((n) => n.id), links: doc.links.length };
    }
    case 'opengraph': {
      const doc = JSON.parse(output) as { graph: { nodes: { id: string }[]; edges: { properties: { id: string } }[] } };
      return { nodes: doc.graph.nodes.map((n) => n.id), links: new Set(doc.graph.edges.map((e) => e.properties.id)).size };
    }
    case 'graphml': {
      const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['node', 'edge'].includes(name) });
      const graph = (parser.parse(output) as { graphml: { graph: { node?: { '@_id': string }[]; edge?: unknown[] } } }).graphml.graph;
      return { nodes: (graph.node ?? []).map((n) => n['@_id']), links: (graph.edge ?? []).length };
    }
    case 'dot':
      return { nodes: [...output.matchAll(/^ {4}"([^"]+)" \[/gm)].map((m) => m[1]).sort(), links: (output.match(/ -> /g) ?? []).length };
    case 'mermaid':
      // Mermaid ids are generated, so only the count can be compared.
      return { nodes: (output.match(/^ {4}n\d+/gm) ?? []).length, links: (output.match(/^ {2}n\d+ /gm) ?? []).length };
  }
}

describe('graph export registry', () => {
  it('lists the five formats of SPEC §4', () => {
    expect(GRAPH_FORMATS).toEqual(['mermaid', 'dot', 'graphml', 'json', 'opengraph']);
    expect(isGraphFormat('graphml')).toBe(true);
    expect(isGraphFormat('constructor')).toBe(false);
    expect(isGraphFormat('svg')).toBe(false);
  });

  it('every format exports exactly the brute-force neighbourhood and the links inside it', () => {
    fc.assert(fc.property(randomRegister, fc.nat(), fc.integer({ min: 0, max: 3 }), fc.boolean(), ({ register, nodeIds }, pick, depth, whole) => {
      const graph = buildAttackGraph(register);
      const focus = nodeIds[pick % nodeIds.length];
      const options = whole ? {} : { focus, depth };
      const inside = whole ? new Set(graph.nodeIds) : bruteForceNeighbourhood(register, focus, depth);
      const expectedNodes = [...inside].sort();
      const expectedLinks = register.links.filter((l) => inside.has(l.from) && inside.has(l.to)).length;
      for (const format of GRAPH_FORMATS) {
        const got = contents(format, exporter(format)(register, graph, options));
        expect(got.nodes, format).toEqual(format === 'mermaid' ? expectedNodes.length : expectedNodes);
        expect(got.links, format).toEqual(expectedLinks);
      }
    }), { numRuns: 150 });
  });

  it('gives byte-identical output whatever order the register was written in', () => {
    const forward = hostileRegister();
    const reversed: Register = {
      ...forward,
      zones: new Map([...forward.zones].reverse()),
      vendors: new Map([...forward.vendors].reverse()),
      systems: new Map([...forward.systems].reverse()),
      links: [...forward.links].reverse(),
    };
    const highlight = { cutLinks: new Set(['chat-to-ad-dc']), pathLinks: new Set(['internet-to-valueof']) };
    for (const format of GRAPH_FORMATS) {
      const a = exporter(format)(forward, buildAttackGraph(forward), { highlight });
      const b = exporter(format)(reversed, buildAttackGraph(reversed), { highlight });
      expect(b, format).toBe(a);
      expect(a.endsWith('\n') && !a.endsWith('\n\n'), format).toBe(true);
    }
  });

  it('every format refuses an unknown focus node and a depth without focus, with typed errors', () => {
    const { register, graph } = hostileGraph();
    for (const format of GRAPH_FORMATS) {
      expect(() => exporter(format)(register, graph, { focus: 'valuof' }), format).toThrow(UnknownNodeError);
      expect(() => exporter(format)(register, graph, { focus: 'valuof' }), format).toThrow('did you mean "valueof"?');
      expect(() => exporter(format)(register, graph, { depth: 1 }), format).toThrow(InvalidDepthError);
      expect(() => exporter(format)(register, graph, { focus: 'valueof', depth: -1 }), format).toThrow(InvalidDepthError);
    }
  });
});
