import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowNetwork, UNBOUNDED, minimumEdgeCut } from '../../../src/graph/min-cut.js';
import { subsetsOfSize } from './oracle.js';

interface Edge { from: number; to: number; capacity: number; undirected: boolean }

function separated(nodeCount: number, edges: Edge[], removed: Set<number>, sources: number[], sinks: number[]): boolean {
  const seen = new Uint8Array(nodeCount);
  const stack = [...sources];
  for (const s of sources) seen[s] = 1;
  while (stack.length > 0) {
    const v = stack.pop() as number;
    edges.forEach((e, i) => {
      if (removed.has(i)) return;
      const next = e.from === v ? e.to : e.undirected && e.to === v ? e.from : -1;
      if (next !== -1 && seen[next] === 0) {
        seen[next] = 1;
        stack.push(next);
      }
    });
  }
  return sinks.every((t) => seen[t] === 0);
}

const networkArb = fc.integer({ min: 2, max: 7 }).chain((n) => fc.record({
  n: fc.constant(n),
  edges: fc.array(fc.record({
    from: fc.nat(n - 1), to: fc.nat(n - 1), capacity: fc.integer({ min: 1, max: 3 }), undirected: fc.boolean(),
  }), { maxLength: 11 }),
  roles: fc.array(fc.constantFrom('source', 'sink', 'none'), { minLength: n, maxLength: n }),
}));

describe('minimumEdgeCut', () => {
  it('has the minimum total capacity among all separating edge sets, and its edges separate', () => {
    fc.assert(fc.property(networkArb, ({ n, edges, roles }) => {
      const network = new FlowNetwork(n);
      edges.forEach((e) => network.addEdge(e.from, e.to, e.capacity, e.undirected));
      const sources = roles.flatMap((r, v) => (r === 'source' ? [v] : []));
      const sinks = roles.flatMap((r, v) => (r === 'sink' ? [v] : []));
      const cut = minimumEdgeCut(network, sources, sinks);
      expect(cut.edges).toEqual([...cut.edges].sort((a, b) => a - b));
      expect(cut.edges.reduce((sum, e) => sum + edges[e].capacity, 0)).toBe(cut.value);
      expect(separated(n, edges, new Set(cut.edges), sources, sinks)).toBe(true);
      let best = Infinity;
      for (let size = 0; size <= edges.length; size++) {
        for (const pick of subsetsOfSize(edges.length, size)) {
          const weight = pick.reduce((sum, e) => sum + edges[e].capacity, 0);
          if (weight < best && separated(n, edges, new Set(pick), sources, sinks)) best = weight;
        }
      }
      expect(cut.value).toBe(best);
    }), { numRuns: 400 });
  });

  it('never cuts unbounded edges, and refuses a node that is both source and sink', () => {
    const network = new FlowNetwork(4);
    network.addEdge(0, 1, UNBOUNDED);
    const e12 = network.addEdge(1, 2, 1, true);
    network.addEdge(2, 3, UNBOUNDED);
    expect(minimumEdgeCut(network, [0], [3])).toEqual({ value: 1, edges: [e12] });
    expect(() => minimumEdgeCut(network, [0, 3], [3])).toThrow(RangeError);
    const open = new FlowNetwork(2);
    open.addEdge(0, 1, UNBOUNDED);
    expect(() => minimumEdgeCut(open, [0], [1])).toThrow(RangeError);
    expect(() => open.addEdge(0, 1, 0)).toThrow(RangeError);
  });

  it('returns the cut nearest the sources among minimum cuts', () => {
    const network = new FlowNetwork(4);
    const first = network.addEdge(0, 1);
    network.addEdge(1, 2);
    network.addEdge(2, 3);
    expect(minimumEdgeCut(network, [0], [3])).toEqual({ value: 1, edges: [first] });
    expect(minimumEdgeCut(network, [], [3])).toEqual({ value: 0, edges: [] });
  });
});
