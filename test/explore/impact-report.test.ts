// impact analysis: what goes down when one node is out, on a hand-made register with two redundant uplinks, a vendor
// and a subprocessor, then against the brute-force fixed point on random registers (cycles, any_of, vendors), with
// the single-point-of-failure verdict of SPEC §2.3.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../src/graph/availability.js';
import { impactReport } from '../../src/explore/impact-report.js';
import { LEVEL_RANK } from '../../src/register/types.js';
import { makeRegister } from '../helpers/make-register.js';
import { availabilityRegister } from '../graph/availability/availability-arbitraries.js';
import { allNodeIds, oracleImpact } from '../graph/availability/availability-oracle.js';

describe('impactReport on a hand-made register', () => {
  const register = makeRegister({
    zones: [{ id: 'dmz', trust: 2 }],
    vendors: [{ id: 'telco-a', name: 'Telco A' }, { id: 'cloud', subprocessors: [] }, { id: 'saas-co', subprocessors: ['cloud'] }],
    systems: [
      { id: 'uplink-a', zone: 'dmz', vendor: 'telco-a' },
      { id: 'uplink-b', zone: 'dmz' },
      { id: 'fw', zone: 'dmz', kind: 'firewall', criticality: 'critical', redundant: true, depends_on: [{ any_of: ['uplink-a', 'uplink-b'] }] },
      { id: 'web', zone: 'dmz', criticality: 'high', depends_on: [{ any_of: ['uplink-a', 'uplink-b'] }, 'fw'] },
      { id: 'dc', zone: 'dmz', criticality: 'critical' },
      { id: 'app', zone: 'dmz', criticality: 'high', depends_on: ['dc'] },
      { id: 'wks', zone: 'dmz', criticality: 'low', depends_on: ['dc'] },
      { id: 'payroll', zone: 'dmz', criticality: 'critical', vendor: 'saas-co' },
    ],
  });
  const model = analyzeAvailability(register);
  const report = (id: string) => impactReport(register, model, model.nodeIndex.get(id)!);

  it('lists what a domain controller takes down, highest criticality first, and calls it a single point of failure', () => {
    const r = report('dc');
    expect(r.systems.map((s) => [s.id, s.criticality])).toEqual([['dc', 'critical'], ['app', 'high'], ['wks', 'low']]);
    expect(r.byCriticality).toEqual({ critical: 1, high: 1, medium: 0, low: 1 });
    expect(r.node).toEqual({ id: 'dc', name: 'dc', type: 'system', redundant: false });
    expect(r.singlePointOfFailure).toBe(true);
    expect(r.savedGroups).toEqual([]);
  });

  it('shows the any_of group that saved each service when one uplink, or its operator, is out', () => {
    for (const id of ['uplink-a', 'telco-a']) {
      const r = report(id);
      expect(r.systems.map((s) => s.id)).toEqual(['uplink-a']);
      expect(r.savedGroups).toEqual([
        { system: 'fw', group: ['uplink-a', 'uplink-b'], lost: ['uplink-a'], survivors: ['uplink-b'] },
        { system: 'web', group: ['uplink-a', 'uplink-b'], lost: ['uplink-a'], survivors: ['uplink-b'] },
      ]);
      expect(r.singlePointOfFailure).toBe(false);
    }
    expect(report('telco-a').node).toEqual({ id: 'telco-a', name: 'Telco A', type: 'vendor', redundant: false });
  });

  it('follows a vendor outage through subprocessors', () => {
    const r = report('cloud');
    expect(r.systems.map((s) => s.id)).toEqual(['payroll']);
    expect(r.singlePointOfFailure).toBe(true);
  });

  it('never calls a redundant system a single point of failure', () => {
    const r = report('fw');
    expect(r.systems.map((s) => s.id)).toEqual(['fw', 'web']);
    expect(r.node.redundant).toBe(true);
    expect(r.singlePointOfFailure).toBe(false);
  });
});

describe('impactReport against brute force', () => {
  it('matches the greatest fixed point, counts by criticality, and applies the SPOF definition', () => {
    fc.assert(fc.property(availabilityRegister, (register) => {
      const model = analyzeAvailability(register);
      for (const id of allNodeIds(register)) {
        const expected = oracleImpact(register, id);
        const r = impactReport(register, model, model.nodeIndex.get(id)!);
        expect(r.systems.map((s) => s.id).sort()).toEqual([...expected.systems].sort());
        expect(r.savedGroups).toEqual(expected.savedGroups);
        for (let i = 1; i < r.systems.length; i++) {
          const [a, b] = [r.systems[i - 1], r.systems[i]];
          expect(LEVEL_RANK[a.criticality] > LEVEL_RANK[b.criticality] || (a.criticality === b.criticality && a.id < b.id)).toBe(true);
        }
        expect(Object.values(r.byCriticality).reduce((x, y) => x + y, 0)).toBe(r.systems.length);
        expect(r.singlePointOfFailure).toBe(expected.highOrCriticalOthers > 0 && register.systems.get(id)?.redundant !== true);
      }
    }), { numRuns: 300 });
  });
});
