import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import { findUnsegmentedPaths } from '../../../src/graph/unsegmented-paths.js';
import { makeRegister } from '../../helpers/make-register.js';
import { lexicographicShortestPath, oracleMatches, oracleRule, subsetsOfSize } from './oracle.js';
import { registerInputArb } from './random-register.js';

describe('findUnsegmentedPaths against brute force', () => {
  it('finds exactly the violations, each with the lexicographically smallest shortest witness, and a minimum cut', () => {
    let exactCutChecks = 0;
    let approximateCutChecks = 0;
    let sourceIsTargetViolations = 0;
    let multiLinkWitnesses = 0;
    let multiLinkCuts = 0;
    fc.assert(fc.property(registerInputArb(), (input) => {
      const register = makeRegister(input);
      const graph = buildAttackGraph(register);
      for (const rule of register.config.segmentation) {
        const result = findUnsegmentedPaths(register, graph, rule);
        const oracle = oracleRule(register, rule);

        // The violation set, in (source id, zone id) order.
        expect(result.violations.map((v) => [graph.nodeIds[v.source], v.zone]))
          .toEqual(oracle.violations.map((v) => [v.source, v.zone]));

        result.violations.forEach((violation, i) => {
          const source = graph.nodeIds[violation.source];
          const nodes = violation.pathNodes.map((v) => graph.nodeIds[v]);
          const links = violation.pathLinks.map((l) => graph.links[l].id);
          // A valid path of the pruned graph, from the source to another target in the zone.
          expect(nodes.length).toBe(links.length + 1);
          expect(nodes[0]).toBe(source);
          links.forEach((linkId, step) => {
            expect(oracle.arcs.some((a) => a.link === linkId && a.from === nodes[step] && a.to === nodes[step + 1])).toBe(true);
          });
          const end = nodes[nodes.length - 1];
          expect(end).not.toBe(source);
          expect(oracle.targets).toContain(end);
          expect(register.systems.get(end)?.zone ?? register.vendors.get(end)?.zone ?? 'internet').toBe(violation.zone);
          // Shortest, and the lexicographic choice at each step.
          expect(links.length).toBe(oracle.violations[i].distance);
          const isGoal = (id: string) => id !== source && oracle.targets.includes(id)
            && (register.systems.get(id)?.zone ?? register.vendors.get(id)?.zone ?? 'internet') === violation.zone;
          expect({ nodes, links }).toEqual(lexicographicShortestPath(oracle.arcs, source, isGoal));
          if (oracleMatches(register, source, rule.to)) sourceIsTargetViolations++;
          if (links.length > 1) multiLinkWitnesses++;
        });

        // The cut: open links only, sorted, and it closes every violation.
        const cut = result.cut.map((l) => graph.links[l].id);
        expect(result.cut).toEqual([...result.cut].sort((a, b) => a - b));
        expect(new Set(cut).size).toBe(cut.length);
        for (const id of cut) expect(oracle.openLinks).toContain(id);
        expect(oracleRule(register, rule, new Set(cut)).violations).toEqual([]);
        if (oracle.violations.length === 0) {
          expect(cut).toEqual([]);
          continue;
        }

        // Exact minimum whenever no violating source is also a reached target: no smaller set of links works.
        const violating = new Set(oracle.violations.map((v) => v.source));
        if (oracle.reachedTargets.some((t) => violating.has(t))) {
          approximateCutChecks++;
          continue;
        }
        exactCutChecks++;
        if (cut.length > 1) multiLinkCuts++;
        for (let size = 0; size < cut.length; size++) {
          for (const pick of subsetsOfSize(oracle.openLinks.length, size)) {
            const removed = new Set(pick.map((i) => oracle.openLinks[i]));
            expect(oracleRule(register, rule, removed).violations.length).toBeGreaterThan(0);
          }
        }
      }
    }), { numRuns: 2000 });
    // The generator must exercise both cut regimes and the "source is also a target" case.
    expect(exactCutChecks).toBeGreaterThan(400);
    expect(multiLinkCuts).toBeGreaterThan(150);
    expect(approximateCutChecks).toBeGreaterThan(150);
    expect(sourceIsTargetViolations).toBeGreaterThan(800);
    expect(multiLinkWitnesses).toBeGreaterThan(400);
  });
});
