import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../src/graph/attack-graph.js';
import { InvalidDepthError, UnknownNodeError, ExportUsageError } from '../../src/export/errors.js';
import { DEFAULT_FOCUS_DEPTH, neighbourhood } from '../../src/export/neighbourhood.js';
import { selectSubgraph } from '../../src/export/selection.js';
import { makeRegister } from '../helpers/make-register.js';
import { bruteForceNeighbourhood, randomRegister } from './random-register.js';

describe('neighbourhood', () => {
  it('equals a brute-force relaxation over the links, in both directions', () => {
    fc.assert(fc.property(randomRegister, fc.nat(), fc.integer({ min: 0, max: 5 }), ({ register, nodeIds }, pick, depth) => {
      const graph = buildAttackGraph(register);
      const focus = nodeIds[pick % nodeIds.length];
      const got = neighbourhood(graph, focus, depth).map((v) => graph.nodeIds[v]);
      expect(new Set(got)).toEqual(bruteForceNeighbourhood(register, focus, depth));
      expect(got).toEqual([...got].sort());
    }), { numRuns: 300 });
  });

  it('selects exactly the links whose two ends are both inside the neighbourhood', () => {
    fc.assert(fc.property(randomRegister, fc.nat(), fc.integer({ min: 0, max: 3 }), ({ register, nodeIds }, pick, depth) => {
      const graph = buildAttackGraph(register);
      const focus = nodeIds[pick % nodeIds.length];
      const inside = bruteForceNeighbourhood(register, focus, depth);
      const selection = selectSubgraph(graph, { focus, depth });
      const expected = register.links.filter((l) => inside.has(l.from) && inside.has(l.to)).map((l) => l.id).sort();
      expect(selection.links.map((l) => graph.links[l].id)).toEqual(expected);
      expect(selection.zones).toEqual([...new Set(selection.nodes.map((v) => graph.nodeZone[v]))].sort());
    }), { numRuns: 200 });
  });

  const chain = makeRegister({
    zones: [{ id: 'z', trust: 2 }],
    systems: ['constructor', 'valueof', 'b', 'c', 'far'].map((id) => ({ id, zone: 'z' })),
    links: [
      { from: 'constructor', to: 'valueof' },
      { from: 'b', to: 'valueof' },
      { from: 'b', to: 'c', bidirectional: true },
      { from: 'c', to: 'far' },
    ],
  });
  const graph = buildAttackGraph(chain);
  const ids = (focus: string, depth?: number) => neighbourhood(graph, focus, depth).map((v) => graph.nodeIds[v]);

  it('follows arcs backwards as well as forwards, and depth 0 is the focus alone', () => {
    expect(ids('valueof', 0)).toEqual(['valueof']);
    expect(ids('valueof', 1)).toEqual(['b', 'constructor', 'valueof']);
    expect(ids('valueof', 2)).toEqual(['b', 'c', 'constructor', 'valueof']);
    expect(ids('constructor', 10)).toEqual(['b', 'c', 'constructor', 'far', 'valueof']);
  });

  it('defaults to DEFAULT_FOCUS_DEPTH hops', () => {
    expect(ids('valueof')).toEqual(ids('valueof', DEFAULT_FOCUS_DEPTH));
  });

  it('works on a long chain without recursion', { timeout: 60_000 }, () => {
    const n = 200_000;
    const systems = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, zone: 'z' }));
    const links = Array.from({ length: n - 1 }, (_, i) => ({ id: `l${i}`, from: `s${i}`, to: `s${i + 1}` }));
    const big = buildAttackGraph(makeRegister({ zones: [{ id: 'z', trust: 2 }], systems, links }));
    expect(neighbourhood(big, 's0', n).length).toBe(n);
    expect(neighbourhood(big, 's100', 3).map((v) => big.nodeIds[v]).sort()).toEqual(['s100', 's101', 's102', 's103', 's97', 's98', 's99']);
  });

  it('throws a typed error with a suggestion for an unknown node', () => {
    const error = catchError(() => neighbourhood(graph, 'constructr', 1));
    expect(error).toBeInstanceOf(UnknownNodeError);
    expect(error).toBeInstanceOf(ExportUsageError);
    expect((error as UnknownNodeError).nodeId).toBe('constructr');
    expect((error as UnknownNodeError).suggestion).toBe('constructor');
    expect((error as Error).message).toBe('unknown node "constructr"; did you mean "constructor"?');
    expect((catchError(() => neighbourhood(graph, 'VALUEOF', 1)) as UnknownNodeError).suggestion).toBe('valueof');
    const far = catchError(() => neighbourhood(graph, 'nothing-like-it', 1)) as UnknownNodeError;
    expect(far.suggestion).toBeUndefined();
    expect(far.message).toBe('unknown node "nothing-like-it"');
    expect(catchError(() => neighbourhood(graph, '__proto__', 1))).toBeInstanceOf(UnknownNodeError);
  });

  it('keeps control characters of an unknown id visible in the message', () => {
    expect((catchError(() => neighbourhood(graph, 'a\u001b[31m', 1)) as Error).message).toContain('\\u001b[31m');
  });

  it('rejects a negative or fractional depth, and a depth without a focus', () => {
    for (const depth of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(catchError(() => neighbourhood(graph, 'b', depth))).toBeInstanceOf(InvalidDepthError);
    }
    expect(catchError(() => selectSubgraph(graph, { depth: 2 }))).toBeInstanceOf(InvalidDepthError);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
