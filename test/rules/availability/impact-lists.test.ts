// The capped impact lists of single-point-of-failure and vendor-concentration (rules/availability-analysis.ts) are
// built incrementally along the counts' representatives instead of one full propagation per node. Property: for
// every node, asked in any order, the list is the first IMPACT_LIST_CAP ids of the brute-force impact and the count
// its size: on small random registers against the oracle, and on long dependency chains with random side branches
// and any_of groups (long enough to hit the cap) against impactOf, itself proven against the oracle.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allImpactCounts, analyzeAvailability, impactOf } from '../../../src/graph/availability.js';
import { IMPACT_LIST_CAP, impactFields } from '../../../src/rules/availability-analysis.js';
import type { AvailabilityAnalysis } from '../../../src/rules/availability-analysis.js';
import type { Register } from '../../../src/register/types.js';
import { makeRegister } from '../../helpers/make-register.js';
import type { RegisterInput } from '../../helpers/make-register.js';
import { availabilityRegister } from '../../graph/availability/availability-arbitraries.js';
import { oracleImpact } from '../../graph/availability/availability-oracle.js';

function analysisOf(register: Register): AvailabilityAnalysis {
  const model = analyzeAvailability(register);
  return { model, counts: allImpactCounts(model), cappedImpacts: new Map() };
}

const chainRegister = fc.record({
  length: fc.integer({ min: 1, max: 260 }),
  branches: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.boolean()), { maxLength: 12 }),
  levels: fc.array(fc.constantFrom('low', 'medium', 'high', 'critical'), { minLength: 1, maxLength: 7 }),
}).map(({ length, branches, levels }) => {
  const id = (i: number) => `s${String(i).padStart(4, '0')}`;
  const systems: NonNullable<RegisterInput['systems']> = [];
  for (let i = 0; i < length; i++) {
    systems.push({ id: id(i), zone: 'lan', criticality: levels[i % levels.length] as 'high', depends_on: i > 0 ? [id(i - 1)] : [] });
  }
  // Side branches: an extra plain dependency, or an any_of alternative, from one chain system on another.
  for (const [from, to, anyOf, extra] of branches) {
    const a = systems[from % length];
    const b = id(to % length);
    if (extra) systems.push({ id: `x${systems.length}`, zone: 'lan', criticality: 'high', depends_on: anyOf ? [{ any_of: [b, a.id] }] : [b] });
    else a.depends_on = [...(a.depends_on ?? []), anyOf ? { any_of: [b, id((to + 1) % length)] } : b];
  }
  return makeRegister({ zones: [{ id: 'lan', trust: 2 }], systems });
});

describe('capped impact lists', () => {
  it('equal the first ids of the brute-force impact on small random registers', () => {
    fc.assert(fc.property(availabilityRegister, fc.boolean(), (register, reverse) => {
      const analysis = analysisOf(register);
      const nodes = [...analysis.model.nodeIds.keys()];
      for (const v of reverse ? nodes.reverse() : nodes) {
        if (analysis.model.baselineFailed[v] === 1) continue;
        const expected = oracleImpact(register, analysis.model.nodeIds[v]).systems;
        expect(impactFields(analysis, v)).toEqual({ impact: expected.slice(0, IMPACT_LIST_CAP), impact_count: expected.length });
      }
    }), { numRuns: 300 });
  });

  it('equal the first ids of the full propagation on long chains with branches, whatever order they are asked in', () => {
    fc.assert(fc.property(chainRegister, fc.integer(), (register, seed) => {
      const analysis = analysisOf(register);
      const nodes = [...analysis.model.nodeIds.keys()];
      // A deterministic shuffle, so that lists are asked for before and after the ones they are built from.
      nodes.sort((a, b) => ((a * 2654435761) ^ seed) % 1009 - ((b * 2654435761) ^ seed) % 1009);
      for (const v of nodes) {
        if (analysis.model.baselineFailed[v] === 1) continue;
        const full = impactOf(analysis.model, v, { savedGroups: false }).systems.map((u) => analysis.model.nodeIds[u]);
        expect(impactFields(analysis, v)).toEqual({ impact: full.slice(0, IMPACT_LIST_CAP), impact_count: full.length });
      }
    }), { numRuns: 60 });
  });
});
