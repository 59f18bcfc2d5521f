import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import { allImpactCounts, analyzeAvailability, impactOf } from '../../../src/graph/availability.js';
import { makeRegister } from '../../helpers/make-register.js';
import { availabilityRegister } from './availability-arbitraries.js';
import { allNodeIds, oracleImpact } from './availability-oracle.js';

const RUNS = { numRuns: 400 };

describe('impactOf', () => {
  it('equals the brute-force greatest fixed point for every node', () => {
    fc.assert(fc.property(availabilityRegister, (register) => {
      const model = analyzeAvailability(register);
      for (const id of allNodeIds(register)) {
        const expected = oracleImpact(register, id);
        const impact = impactOf(model, id);
        expect(impact.systems.map((v) => model.nodeIds[v]), id).toEqual(expected.systems);
        expect(impact.savedGroups, id).toEqual(expected.savedGroups);
        expect(impactOf(model, id, { savedGroups: false }), id).toEqual({ systems: impact.systems, savedGroups: [] });
      }
    }), RUNS);
  });

  it('gives the same answer by node number and by id, and whatever was asked before', () => {
    fc.assert(fc.property(availabilityRegister, (register) => {
      const model = analyzeAvailability(register);
      const first = model.nodeIds.map((id) => impactOf(model, id));
      const reversed = [...model.nodeIds.keys()].reverse().map((v) => impactOf(model, v)).reverse();
      expect(reversed).toEqual(first);
    }), { numRuns: 100 });
  });

  it('uses the attack graph numbering, given or not', () => {
    fc.assert(fc.property(availabilityRegister, (register) => {
      const graph = buildAttackGraph(register);
      expect(analyzeAvailability(register, graph).nodeIds).toEqual(graph.nodeIds);
      expect(analyzeAvailability(register).nodeIds).toEqual(graph.nodeIds);
    }), { numRuns: 50 });
  });

  it('rejects an unknown node', () => {
    const model = analyzeAvailability(makeRegister({ zones: [{ id: 'lan', trust: 2 }], systems: [{ id: 'a', zone: 'lan' }] }));
    expect(() => impactOf(model, 'nope')).toThrow(RangeError);
    expect(() => impactOf(model, model.nodeCount)).toThrow(RangeError);
    expect(() => impactOf(model, -1)).toThrow(RangeError);
  });
});

describe('allImpactCounts', () => {
  it('agrees with the brute-force oracle for every node', () => {
    fc.assert(fc.property(availabilityRegister, (register) => {
      const model = analyzeAvailability(register);
      const counts = allImpactCounts(model);
      model.nodeIds.forEach((id, v) => {
        const expected = oracleImpact(register, id);
        expect({
          size: counts.size[v],
          highOrCriticalOthers: counts.highOrCriticalOthers[v],
          criticalOthers: counts.criticalOthers[v],
          includesCritical: counts.includesCritical[v] === 1,
        }, id).toEqual({
          size: expected.size,
          highOrCriticalOthers: expected.highOrCriticalOthers,
          criticalOthers: expected.criticalOthers,
          includesCritical: expected.includesCritical,
        });
      });
    }), RUNS);
  });

  it('agrees with the oracle on chain-shaped registers, where the short-cuts do most of the work', () => {
    const chain = fc.array(fc.tuple(fc.nat(), fc.constantFrom('plain', 'any', 'vendor'), fc.constantFrom('low', 'high', 'critical')), { minLength: 1, maxLength: 10 });
    fc.assert(fc.property(chain, (steps) => {
      const ids = steps.map((_, i) => `n${String(i).padStart(2, '0')}`);
      const register = makeRegister({
        zones: [{ id: 'lan', trust: 2 }],
        vendors: [{ id: 'v', subprocessors: [] }],
        systems: steps.map(([target, how, criticality], i) => {
          const dep = i === 0 ? [] : [ids[target % i]];
          return {
            id: ids[i], zone: 'lan', criticality,
            depends_on: how === 'any' ? [{ any_of: [...dep, ...dep] }] : how === 'plain' ? dep : [],
            vendor: how === 'vendor' ? 'v' : undefined,
          };
        }),
      });
      const model = analyzeAvailability(register);
      const counts = allImpactCounts(model);
      model.nodeIds.forEach((id, v) => {
        const expected = oracleImpact(register, id);
        expect([counts.size[v], counts.highOrCriticalOthers[v], counts.criticalOthers[v]], id)
          .toEqual([expected.size, expected.highOrCriticalOthers, expected.criticalOthers]);
      });
    }), RUNS);
  });
});

describe('availability semantics (SPEC §2.3), by example', () => {
  const register = makeRegister({
    zones: [{ id: 'lan', trust: 2 }],
    vendors: [
      { id: 'cloudco', subprocessors: ['dc-host'] },
      { id: 'dc-host', subprocessors: [] },
    ],
    systems: [
      { id: 'ad-dc', zone: 'lan', criticality: 'critical' },
      { id: 'ad-dc2', zone: 'lan', criticality: 'critical' },
      { id: 'erp', zone: 'lan', criticality: 'high', depends_on: [{ any_of: ['ad-dc', 'ad-dc2'] }, 'db'] },
      { id: 'db', zone: 'lan', vendor: 'cloudco' },
      { id: 'loop-a', zone: 'lan', depends_on: ['loop-b'] },
      { id: 'loop-b', zone: 'lan', depends_on: ['loop-a'] },
      { id: 'broken', zone: 'lan', depends_on: [{ any_of: [] }] },
      { id: 'needs-broken', zone: 'lan', depends_on: ['broken'] },
      { id: 'needs-ghost', zone: 'lan', depends_on: ['ghost'] },
    ],
  });
  const model = analyzeAvailability(register);
  const ids = (node: string) => impactOf(model, node).systems.map((v) => model.nodeIds[v]);

  it('an any_of group survives one member and names what saved it', () => {
    expect(ids('ad-dc')).toEqual(['ad-dc']);
    expect(impactOf(model, 'ad-dc').savedGroups).toEqual([
      { system: 'erp', group: ['ad-dc', 'ad-dc2'], lost: ['ad-dc'], survivors: ['ad-dc2'] },
    ]);
  });

  it('a vendor outage reaches its systems, also through a subprocessor', () => {
    expect(ids('cloudco')).toEqual(['db', 'erp']);
    expect(ids('dc-host')).toEqual(['db', 'erp']);
  });

  it('a cycle of up nodes runs, and fails as a whole', () => {
    expect(ids('loop-a')).toEqual(['loop-a', 'loop-b']);
  });

  it('a node that never runs takes nothing down', () => {
    expect(ids('broken')).toEqual([]);
    expect(ids('needs-broken')).toEqual([]);
    expect(ids('needs-ghost')).toEqual([]);
    expect(ids('internet')).toEqual([]);
  });

  it('counts the high and critical systems other than the node', () => {
    const counts = allImpactCounts(model);
    const at = (id: string) => model.nodeIndex.get(id)!;
    expect(counts.size[at('dc-host')]).toBe(2);
    expect(counts.highOrCriticalOthers[at('dc-host')]).toBe(1);
    expect(counts.includesCritical[at('dc-host')]).toBe(0);
    expect(counts.highOrCriticalOthers[at('ad-dc')]).toBe(0);
    expect(counts.includesCritical[at('ad-dc')]).toBe(1);
  });
});
