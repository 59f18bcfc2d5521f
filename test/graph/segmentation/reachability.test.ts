import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import { pruneGateways } from '../../../src/graph/gateway-pruning.js';
import { reachableFrom } from '../../../src/graph/reachability.js';
import { makeRegister } from '../../helpers/make-register.js';
import { byId, distancesFrom, oracleArcs, oraclePruning } from './oracle.js';
import { NODE_POOL, registerInputArb } from './random-register.js';

const ALL_IDS = [...NODE_POOL, 'internet'];

describe('reachableFrom', () => {
  it('agrees with one BFS per source: reach over ≥ 1 link, and reach from a source other than the node', () => {
    fc.assert(fc.property(
      registerInputArb(), fc.subarray(ALL_IDS), fc.subarray(NODE_POOL, { maxLength: 2 }),
      (input, sourceIds, gateways) => {
        const register = makeRegister(input);
        const graph = buildAttackGraph(register);
        const pruning = pruneGateways(graph, gateways);
        const sources = sourceIds.map((id) => graph.nodeIndex.get(id)).filter((v): v is number => v !== undefined);
        const result = reachableFrom(graph, sources, pruning.filter);

        const oracle = oraclePruning(register, gateways);
        const arcs = oracleArcs(register, oracle.removedNodes, oracle.blocked);
        const live = sources.map((s) => graph.nodeIds[s]).filter((id) => !oracle.removedNodes.has(id));
        const fromSource = new Map(live.map((s) => [s, distancesFrom(arcs, s)]));
        graph.nodeIds.forEach((id, v) => {
          const all = live.map((s) => ({ s, d: fromSource.get(s)?.get(id) })).filter((x) => x.d !== undefined) as { s: string; d: number }[];
          const others = all.filter((x) => x.s !== id).sort((a, b) => a.d - b.d || byId(a.s, b.s));
          const nearest = Math.min(...all.map((x) => x.d));
          expect(result.reached[v]).toBe(all.length > 0 ? 1 : 0);
          expect(result.distance[v]).toBe(all.length > 0 ? nearest : -1);
          expect(result.reachedFromOther[v]).toBe(others.length > 0 ? 1 : 0);
          expect(result.distanceFromOther[v]).toBe(others[0]?.d ?? -1);
          expect(result.nearestOtherSource[v]).toBe(others.length > 0 ? graph.nodeIndex.get(others[0].s) : -1);
        });
      },
    ), { numRuns: 1000 });
  });

  it('counts a source as reached only around a cycle or from another source', () => {
    const register = makeRegister({
      zones: [{ id: 'z', trust: 1 }],
      systems: [{ id: 'a', zone: 'z' }, { id: 'b', zone: 'z' }, { id: 'c', zone: 'z' }],
      links: [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'b' }],
    });
    const graph = buildAttackGraph(register);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => graph.nodeIndex.get(id) as number);
    const result = reachableFrom(graph, [a, b]);
    expect([...result.reached].filter((_, v) => v === a || v === b || v === c)).toEqual([0, 1, 1]);
    expect(result.distance[b]).toBe(1);
    expect(result.reachedFromOther[a]).toBe(0);
    expect(result.reachedFromOther[b]).toBe(1);
    expect(result.nearestOtherSource[b]).toBe(a);
    expect(result.nearestOtherSource[c]).toBe(b);
  });
});
