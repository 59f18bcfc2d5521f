// earliestReaching against brute force: per node, the first `capacity` start sets (in list order) that reach it over
// one or more links, each with its own fewest-links distance, on random registers and random start sets.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import { earliestReaching } from '../../../src/graph/earliest-reaching.js';
import { makeRegister } from '../../helpers/make-register.js';
import { distancesFrom, oracleArcs } from './oracle.js';
import { registerInputArb } from './random-register.js';

describe('earliestReaching against brute force', () => {
  it('keeps the first reaching sets of every node, in order, with their exact distances', () => {
    fc.assert(fc.property(
      registerInputArb({ minNodes: 2 }),
      fc.array(fc.array(fc.nat(20), { maxLength: 4 }), { maxLength: 6 }),
      fc.integer({ min: 1, max: 3 }),
      (input, rawSets, capacity) => {
        const register = makeRegister(input);
        const graph = buildAttackGraph(register);
        const arcs = oracleArcs(register, new Set(), new Set());
        const startSets = rawSets.map((set) => set.map((k) => k % graph.nodeCount));
        const got = earliestReaching(graph, startSets, capacity);
        const expected: [number, number][][] = graph.nodeIds.map(() => []);
        startSets.forEach((starts, i) => {
          const best = new Map<string, number>();
          for (const s of starts) {
            for (const [id, d] of distancesFrom(arcs, graph.nodeIds[s])) best.set(id, Math.min(best.get(id) ?? d, d));
          }
          for (const [id, d] of best) {
            const list = expected[graph.nodeIndex.get(id) as number];
            if (list.length < capacity) list.push([i, d]);
          }
        });
        for (let v = 0; v < graph.nodeCount; v++) {
          const labels: [number, number][] = [];
          for (let j = 0; j < got.count[v]; j++) labels.push([got.set[v * capacity + j], got.distance[v * capacity + j]]);
          expect(labels).toEqual(expected[v]);
        }
      },
    ), { numRuns: 1500 });
  });
});
