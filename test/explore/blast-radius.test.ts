// blast-radius analysis: reach by zone, sensitive data, records and stopping gateways on a hand-made register, then
// property tests against brute force on random registers: the reach, the reach with no gateway in the way, the
// stopping gateways, and that each node reached only through a gateway sits behind the first gateway of the path
// `sidedoor path` shows to it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../src/graph/attack-graph.js';
import { blastRadius } from '../../src/explore/blast-radius.js';
import { firstGateways } from '../../src/explore/first-gateways.js';
import { enforcementMask } from '../../src/explore/node-info.js';
import { makeRegister } from '../helpers/make-register.js';
import { registerInputArb } from '../graph/segmentation/random-register.js';
import { byId, distancesFrom, lexicographicShortestPath, oracleArcs } from '../graph/segmentation/oracle.js';

describe('blastRadius on a hand-made register', () => {
  const register = makeRegister({
    zones: [{ id: 'parking', trust: 1 }, { id: 'services', trust: 2 }, { id: 'admin', trust: 4 }, { id: 'hr', trust: 3 }],
    vendors: [{ id: 'parkco' }],
    systems: [
      { id: 'app', zone: 'parking', data: 'confidential', records: 500 },
      { id: 'fs', zone: 'services', data: 'confidential' },
      { id: 'fw', zone: 'services', kind: 'firewall', records: 7 },
      { id: 'dc', zone: 'admin', data: 'restricted', records: 1000 },
      { id: 'hr-db', zone: 'hr', data: 'restricted', records: 20000 },
      { id: 'hr-app', zone: 'hr' },
      { id: 'proxy', zone: 'services', kind: 'proxy' },
      { id: 'far', zone: 'hr', records: 3 },
    ],
    links: [
      { from: 'parkco', to: 'app' },
      { from: 'app', to: 'fs' },
      { from: 'fs', to: 'dc' },
      { from: 'app', to: 'fw' },
      { from: 'fw', to: 'hr-app' },
      { from: 'hr-app', to: 'hr-db' },
      { from: 'hr-app', to: 'app' },
      { from: 'fs', to: 'proxy' },
      { from: 'proxy', to: 'far' },
      { from: 'fw', to: 'proxy' },
    ],
  });
  const graph = buildAttackGraph(register);
  const radius = blastRadius(register, graph, graph.nodeIndex.get('parkco')!);

  it('groups the reach by zone, highest trust first, and never counts the node itself', () => {
    expect(radius.zones.map((z) => [z.zone, z.trust, z.nodes, z.ungated])).toEqual([
      ['admin', 4, ['dc'], 1],
      ['hr', 3, ['far', 'hr-app', 'hr-db'], 0],
      ['parking', 1, ['app'], 1],
      ['services', 2, ['fs', 'fw', 'proxy'], 1],
    ].sort((a, b) => (b[1] as number) - (a[1] as number) || byId(a[0] as string, b[0] as string)));
    expect(radius.reached).toBe(8);
    expect(radius.ungated).toBe(3);
  });

  it('lists sensitive data, restricted first, and sums the records', () => {
    expect(radius.sensitive.map((s) => [s.id, s.data, s.ungated])).toEqual([
      ['dc', 'restricted', true], ['hr-db', 'restricted', false], ['app', 'confidential', true], ['fs', 'confidential', true],
    ]);
    expect(radius.records).toBe(500 + 7 + 1000 + 20000 + 3);
    expect(radius.recordsUngated).toBe(1500);
  });

  it('names the gateways that stop it, with what sits behind each', () => {
    expect(radius.gateways.map((g) => [g.gateway.id, g.behind, g.records])).toEqual([
      ['fw', ['hr-app', 'hr-db'], 20000],
      ['proxy', ['far'], 3],
    ]);
  });

  it('reaches nothing from a node without outgoing links', () => {
    const empty = blastRadius(register, graph, graph.nodeIndex.get('dc')!);
    expect(empty).toMatchObject({ reached: 0, ungated: 0, zones: [], sensitive: [], records: 0, gateways: [] });
  });

  it('lets a compromised gateway reach past itself', () => {
    const fromFw = blastRadius(register, graph, graph.nodeIndex.get('fw')!);
    expect(fromFw.zones.flatMap((z) => z.nodes).sort(byId)).toEqual(['app', 'dc', 'far', 'fs', 'hr-app', 'hr-db', 'proxy']);
    expect(fromFw.gateways.map((g) => [g.gateway.id, g.behind])).toEqual([['proxy', ['far']]]);
  });
});

describe('blastRadius against brute force', () => {
  it('agrees with exhaustive search on random registers', () => {
    let gatedSeen = 0;
    fc.assert(fc.property(registerInputArb({ minNodes: 3, maxLinks: 10 }), fc.array(fc.integer({ min: 0, max: 100000 }), { minLength: 8, maxLength: 8 }), (input, records) => {
      input.systems?.forEach((s, i) => { if (i % 2 === 0) s.records = records[i]; });
      const register = makeRegister(input);
      const graph = buildAttackGraph(register);
      const gateways = new Set([...register.systems.values()].filter((s) => s.enforcement).map((s) => s.id));
      const arcs = oracleArcs(register, new Set(), new Set());
      for (const node of graph.nodeIds) {
        const radius = blastRadius(register, graph, graph.nodeIndex.get(node)!);
        const reach = [...distancesFrom(arcs, node).keys()].filter((id) => id !== node).sort(byId);
        const blocked = new Set([...gateways].filter((g) => g !== node));
        const ungated = new Set([...distancesFrom(oracleArcs(register, blocked, new Set()), node).keys()].filter((id) => id !== node));
        expect(radius.zones.flatMap((z) => z.nodes).sort(byId)).toEqual(reach);
        expect(radius.reached).toBe(reach.length);
        expect(radius.ungated).toBe(ungated.size);
        for (const zone of radius.zones) {
          expect(zone.nodes.every((id) => (register.systems.get(id)?.zone ?? register.vendors.get(id)?.zone ?? 'internet') === zone.zone)).toBe(true);
          expect(zone.ungated).toBe(zone.nodes.filter((id) => ungated.has(id)).length);
        }
        const recordsOf = (id: string) => register.systems.get(id)?.records ?? 0;
        expect(radius.records).toBe(reach.reduce((sum, id) => sum + recordsOf(id), 0));
        expect(radius.recordsUngated).toBe([...ungated].reduce((sum, id) => sum + recordsOf(id), 0));
        expect(radius.sensitive.map((s) => s.id).sort(byId)).toEqual(reach.filter((id) => {
          const data = register.systems.get(id)?.data;
          return data === 'confidential' || data === 'restricted';
        }));

        // Stopping gateways: enforcement systems one link away from the node or its ungated reach.
        const frontier = new Set(arcs.filter((a) => (a.from === node || ungated.has(a.from)) && blocked.has(a.to)).map((a) => a.to));
        expect(radius.gateways.map((g) => g.gateway.id)).toEqual([...frontier].sort(byId));
        // Every node reached only through a gateway sits behind exactly one: the first gateway on its shortest path.
        const behind = new Map<string, string>();
        for (const stop of radius.gateways) {
          for (const id of stop.behind) {
            expect(behind.has(id)).toBe(false);
            behind.set(id, stop.gateway.id);
          }
          expect(stop.records).toBe(stop.behind.reduce((sum, id) => sum + recordsOf(id), 0));
        }
        for (const id of reach) {
          if (ungated.has(id)) {
            expect(behind.has(id)).toBe(false);
            continue;
          }
          gatedSeen++;
          const path = lexicographicShortestPath(arcs, node, (w) => w === id)!;
          const first = path.nodes.slice(1).find((w) => blocked.has(w));
          expect(first, `${node} → ${id}`).toBeDefined();
          expect(behind.get(id), `${node} → ${id}`).toBe(first === id ? undefined : first);
        }
      }
    }), { numRuns: 200 });
    expect(gatedSeen).toBeGreaterThan(50);
  });

  it('firstGateways gives BFS distances', () => {
    fc.assert(fc.property(registerInputArb({ minNodes: 2 }), (input) => {
      const register = makeRegister(input);
      const graph = buildAttackGraph(register);
      const arcs = oracleArcs(register, new Set(), new Set());
      const mask = enforcementMask(register, graph);
      for (const node of graph.nodeIds) {
        const { distance } = firstGateways(graph, graph.nodeIndex.get(node)!, mask);
        const expected = distancesFrom(arcs, node);
        graph.nodeIds.forEach((id, v) => {
          expect(distance[v]).toBe(id === node ? 0 : expected.get(id) ?? -1);
        });
      }
    }), { numRuns: 200 });
  });
});
