import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import { shortestPath } from '../../../src/graph/shortest-path.js';
import { makeRegister } from '../../helpers/make-register.js';
import { lexicographicShortestPath, oracleArcs } from './oracle.js';
import { NODE_POOL, registerInputArb } from './random-register.js';

const ALL_IDS = [...NODE_POOL, 'internet'];

describe('shortestPath', () => {
  it('is the lexicographically smallest shortest path of ≥ 1 link to a target other than the start', () => {
    let found = 0;
    let multiLink = 0;
    fc.assert(fc.property(
      registerInputArb({ minNodes: 4, maxLinks: 12 }), fc.nat(), fc.subarray(ALL_IDS), fc.subarray(ALL_IDS, { maxLength: 2 }),
      fc.array(fc.integer({ min: 0, max: 3 }).map((x) => x === 0), { minLength: 40, maxLength: 40 }), fc.boolean(),
      (input, fromPick, targetIds, removedIds, arcMask, useFilter) => {
        const register = makeRegister(input);
        const graph = buildAttackGraph(register);
        const from = fromPick % graph.nodeCount;
        const fromId = graph.nodeIds[from];
        const removed = new Uint8Array(graph.nodeCount);
        for (const id of removedIds) if (graph.nodeIndex.has(id)) removed[graph.nodeIndex.get(id) as number] = 1;
        // Arc-level blocking can close one direction of a bidirectional link.
        const blockedArcs = new Set<string>();
        for (let a = 0; a < graph.arcCount; a++) {
          if (arcMask[a % arcMask.length]) blockedArcs.add(`${graph.links[graph.arcLink[a]].id} ${graph.nodeIds[graph.arcFrom[a]]}`);
        }
        const targets = new Set(targetIds);
        const got = shortestPath(graph, from, (v) => targets.has(graph.nodeIds[v]), useFilter
          ? { removed, arcAllowed: (a) => !arcMask[a % arcMask.length] } : undefined);

        const removedSet = useFilter ? new Set(removedIds) : new Set<string>();
        const arcs = oracleArcs(register, removedSet, new Set())
          .filter((arc) => !useFilter || !blockedArcs.has(`${arc.link} ${arc.from}`));
        const expected = removedSet.has(fromId) ? undefined
          : lexicographicShortestPath(arcs, fromId, (id) => id !== fromId && targets.has(id));
        expect(got === undefined ? undefined : {
          nodes: got.nodes.map((v) => graph.nodeIds[v]), links: got.links.map((l) => graph.links[l].id),
        }).toEqual(expected);
        if (expected !== undefined) found++;
        if (expected !== undefined && expected.links.length > 1) multiLink++;
      },
    ), { numRuns: 1000 });
    // Enough runs have a path, and a path of several links, for the comparison to mean something.
    expect(found).toBeGreaterThan(200);
    expect(multiLink).toBeGreaterThan(20);
  });

  it('finds a cycle back only to another target, never to the start itself', () => {
    const register = makeRegister({
      zones: [{ id: 'z', trust: 2 }],
      systems: [{ id: 'a', zone: 'z' }, { id: 'b', zone: 'z' }],
      links: [{ from: 'a', to: 'b', bidirectional: true }],
    });
    const graph = buildAttackGraph(register);
    const a = graph.nodeIndex.get('a') as number;
    expect(shortestPath(graph, a, (v) => v === a)).toBeUndefined();
    expect(shortestPath(graph, a, () => true)?.nodes.map((v) => graph.nodeIds[v])).toEqual(['a', 'b']);
  });
});
