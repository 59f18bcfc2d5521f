// legacy-exposed's reach (SPEC §3.1) against brute force, on random registers with supply edges: a system is exposed
// when internet or another trust-≤1 node reaches it over ≥ 1 link, or when a node F of a trust-≤1 vendor V's
// foothold (F ≠ V) reaches it over ≥ 1 link and it is not in V's foothold.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import { legacyReach } from '../../../src/rules/checks/legacy-reach.js';
import { makeRegister } from '../../helpers/make-register.js';
import { distancesFrom, nodeIds, oracleArcs } from '../../graph/segmentation/oracle.js';
import { supplyRegisterArb } from '../../graph/supply/random-supply-register.js';
import { oracleFoothold } from '../../graph/supply/supply-oracle.js';

describe('legacyReach against brute force', () => {
  it('finds exactly the systems a low-trust node or a low-trust vendor\'s foothold exposes', () => {
    let throughFoothold = 0;
    fc.assert(fc.property(supplyRegisterArb, (input) => {
      const register = makeRegister(input);
      const graph = buildAttackGraph(register);
      const arcs = oracleArcs(register, new Set(), new Set());
      const trust = (id: string) => graph.nodeTrust[graph.nodeIndex.get(id) as number];
      const systems = [...register.systems.keys()];
      const expected = new Set<string>();
      for (const start of nodeIds(register)) {
        if (!(start === 'internet' || trust(start) <= 1)) continue;
        const d = distancesFrom(arcs, start);
        for (const x of systems) if (x !== start && d.has(x)) expected.add(x);
        if (!register.vendors.has(start)) continue;
        const foothold = oracleFoothold(register, start);
        for (const f of foothold) {
          if (f === start) continue;
          const df = distancesFrom(arcs, f);
          for (const x of systems) if (df.has(x) && !foothold.includes(x)) expected.add(x);
        }
      }
      const got = legacyReach(graph, systems.map((id) => graph.nodeIndex.get(id) as number));
      expect([...got.keys()].map((v) => graph.nodeIds[v]).sort()).toEqual([...expected].sort());
      throughFoothold += [...got.values()].filter((how) => how.supplier !== undefined).length;
    }), { numRuns: 1500 });
    // Most foothold reach is also direct low-trust reach; these are the cases only a foothold explains.
    expect(throughFoothold).toBeGreaterThan(5);
  });
});
