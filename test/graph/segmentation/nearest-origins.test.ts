import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import { pruneGateways } from '../../../src/graph/gateway-pruning.js';
import { distanceExcluding, nearestTwoOrigins, originExcluding } from '../../../src/graph/nearest-origins.js';
import { makeRegister } from '../../helpers/make-register.js';
import { byId, oracleArcs, oraclePruning, type OracleArc } from './oracle.js';
import { NODE_POOL, registerInputArb } from './random-register.js';

/** Fewest links between every ordered pair, with d(v, v) = 0, by Floyd–Warshall on ids. */
function allPairs(ids: string[], arcs: OracleArc[]): (a: string, b: string) => number {
  const d = new Map<string, number>();
  const key = (a: string, b: string) => `${a} ${b}`;
  for (const a of ids) for (const b of ids) d.set(key(a, b), a === b ? 0 : Infinity);
  for (const arc of arcs) if (arc.from !== arc.to) d.set(key(arc.from, arc.to), 1);
  for (const k of ids) for (const a of ids) for (const b of ids) {
    const via = (d.get(key(a, k)) as number) + (d.get(key(k, b)) as number);
    if (via < (d.get(key(a, b)) as number)) d.set(key(a, b), via);
  }
  return (a, b) => d.get(key(a, b)) as number;
}

describe('nearestTwoOrigins', () => {
  it('keeps the two smallest (distance, origin id) pairs over distinct origins, in both directions', () => {
    fc.assert(fc.property(
      registerInputArb(), fc.subarray([...NODE_POOL, 'internet']), fc.subarray(NODE_POOL, { maxLength: 2 }),
      fc.boolean(),
      (input, originIds, gateways, backward) => {
        const register = makeRegister(input);
        const graph = buildAttackGraph(register);
        const pruning = pruneGateways(graph, gateways);
        const oracle = oraclePruning(register, gateways);
        const arcs = oracleArcs(register, oracle.removedNodes, oracle.blocked);
        const dist = allPairs(graph.nodeIds as string[], arcs);
        const origins = originIds.map((id) => graph.nodeIndex.get(id)).filter((v): v is number => v !== undefined);
        const result = nearestTwoOrigins(graph, origins, backward ? 'backward' : 'forward', pruning.filter);
        graph.nodeIds.forEach((id, v) => {
          const pairs = origins
            .map((o) => graph.nodeIds[o])
            .filter((o) => !oracle.removedNodes.has(o) && !oracle.removedNodes.has(id))
            .map((o) => ({ o, d: backward ? dist(id, o) : dist(o, id) }))
            .filter((p) => p.d < Infinity)
            .sort((a, b) => a.d - b.d || byId(a.o, b.o));
          const got = [
            [result.firstOrigin[v], result.firstDistance[v]], [result.secondOrigin[v], result.secondDistance[v]],
          ].map(([o, d]) => (o === -1 ? undefined : { o: graph.nodeIds[o], d }));
          expect(got).toEqual([pairs[0], pairs[1]]);
          // "Nearest other than x" for every x.
          for (let x = 0; x < graph.nodeCount; x++) {
            const other = pairs.find((p) => p.o !== graph.nodeIds[x]);
            expect(distanceExcluding(result, v, x)).toBe(other?.d ?? -1);
            expect(originExcluding(result, v, x)).toBe(other === undefined ? -1 : graph.nodeIndex.get(other.o));
          }
        });
      },
    ), { numRuns: 500 });
  });
});
