// Footholds, witnesses and cuts with supply edges, against brute force (SPEC §2.1, §2.2): small random registers in
// which systems have vendors (with and without vendor_access) and vendors have subprocessors, so footholds span
// several supply groups and foothold nodes are often targets themselves.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import { FootholdFinder, footholdOf } from '../../../src/graph/foothold.js';
import { findUnsegmentedPaths } from '../../../src/graph/unsegmented-paths.js';
import { makeRegister } from '../../helpers/make-register.js';
import { subsetsOfSize } from '../segmentation/oracle.js';
import { supplyRegisterArb } from './random-supply-register.js';
import { oracleFoothold, oracleFootholdRule, oracleSupplyChain, oracleSupplyEdges } from './supply-oracle.js';

describe('footholds against brute force', () => {
  it('holds exactly what supply edges alone reach, with the smallest shortest supply chain to each member', () => {
    fc.assert(fc.property(supplyRegisterArb, (input) => {
      const register = makeRegister(input);
      const graph = buildAttackGraph(register);
      expect([...graph.supply.ids]).toEqual(oracleSupplyEdges(register).map((p) => p.id));
      const finder = new FootholdFinder(graph);
      for (let v = 0; v < graph.nodeCount; v++) {
        const id = graph.nodeIds[v];
        const expected = register.vendors.has(id) ? oracleFoothold(register, id) : [id];
        expect(footholdOf(graph, v).map((m) => graph.nodeIds[m])).toEqual(expected);
        for (const member of expected) {
          const chain = finder.supplyChain(v, graph.nodeIndex.get(member) as number).map((e) => graph.supply.ids[e]);
          expect(chain).toEqual(oracleSupplyChain(register, id, member));
        }
      }
    }), { numRuns: 500 });
  });
});

describe('unsegmented paths from footholds against brute force', () => {
  it('finds the violations and witnesses of SPEC §2.2, a minimum cut where exact, and a cut closing every violation always', () => {
    let footholdWitnesses = 0;
    let exactCuts = 0;
    let inexactCuts = 0;
    let startIsTarget = 0;
    fc.assert(fc.property(supplyRegisterArb, (input) => {
      const register = makeRegister(input);
      const graph = buildAttackGraph(register);
      for (const rule of register.config.segmentation) {
        const result = findUnsegmentedPaths(register, graph, rule);
        const oracle = oracleFootholdRule(register, rule);
        const got = result.violations.map((v) => ({
          source: graph.nodeIds[v.source], zone: v.zone,
          path: v.pathNodes.map((n) => graph.nodeIds[n]),
          links: [...v.supplyEdges.map((e) => graph.supply.ids[e]), ...v.pathLinks.map((l) => graph.links[l].id)],
          linkCount: v.pathLinks.length,
        }));
        expect(got).toEqual(oracle.violations);
        footholdWitnesses += result.violations.filter((v) => v.supplyEdges.length > 0).length;

        // Never a supply edge in the cut: only open links of the register.
        const cut = result.cut.map((l) => graph.links[l].id);
        for (const id of cut) expect(oracle.openLinks).toContain(id);
        // Every cut closes every violation.
        expect(oracleFootholdRule(register, rule, new Set(cut)).violations).toEqual([]);
        if (oracle.violations.length === 0) {
          expect(cut).toEqual([]);
          continue;
        }
        expect(result.exact).toBe(!oracle.startIsReachedTarget);
        if (!result.exact) {
          inexactCuts++;
          startIsTarget++;
          continue;
        }
        exactCuts++;
        for (let size = 0; size < cut.length; size++) {
          for (const pick of subsetsOfSize(oracle.openLinks.length, size)) {
            const removed = new Set(pick.map((i) => oracle.openLinks[i]));
            expect(oracleFootholdRule(register, rule, removed).violations.length).toBeGreaterThan(0);
          }
        }
      }
    }), { numRuns: 1500 });

    expect(footholdWitnesses).toBeGreaterThan(100);
    expect(exactCuts).toBeGreaterThan(100);
    expect(inexactCuts).toBeGreaterThan(50);
    expect(startIsTarget).toBeGreaterThan(50);
  });
});
