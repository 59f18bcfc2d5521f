import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import type { Register } from '../../../src/register/types.js';
import { recordsReachableFromVendors } from '../../../src/report/auditor/records-exposure.js';
import { makeRegister } from '../../helpers/make-register.js';

const IDS = ['a', 'b', 'c', 'd', 'e', 'constructor', '__proto__', 'valueof'];

const randomRegister = fc.record({
  roles: fc.array(fc.constantFrom('vendor', 'system', 'gateway'), { minLength: IDS.length, maxLength: IDS.length }),
  records: fc.array(fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }), { minLength: IDS.length, maxLength: IDS.length }),
  facing: fc.array(fc.boolean(), { minLength: IDS.length, maxLength: IDS.length }),
  links: fc.array(fc.record({
    from: fc.constantFrom(...IDS, 'internet'), to: fc.constantFrom(...IDS, 'internet'), bidirectional: fc.boolean(),
    kind: fc.constantFrom('network' as const, 'remote-access' as const, 'credential' as const),
  }), { maxLength: 16 }),
}).map(({ roles, records, facing, links }) => makeRegister({
  zones: [{ id: 'z', trust: 2 }],
  vendors: IDS.filter((_, i) => roles[i] === 'vendor').map((id) => ({ id })),
  systems: IDS.flatMap((id, i) => roles[i] === 'vendor' ? [] : [{
    id, zone: 'z', kind: roles[i] === 'gateway' ? 'firewall' as const : 'server' as const, records: records[i], internet_facing: facing[i],
  }]),
  links: links.map((link, i) => ({ ...link, id: `l${i}` })),
}));

/** Oracle: for each vendor separately, walk the links (explicit stack) and collect the systems reached over ≥ 1 link. */
function oracle(register: Register, skipGateways: boolean): { systems: number; records: number } {
  const blocked = (id: string) => skipGateways && register.systems.get(id)?.enforcement === true;
  const reached = new Set<string>();
  for (const vendor of register.vendors.keys()) {
    const seen = new Set<string>();
    const stack = [vendor];
    while (stack.length > 0) {
      const at = stack.pop() as string;
      for (const link of register.links) {
        const steps = [[link.from, link.to], ...(link.bidirectional ? [[link.to, link.from]] : [])];
        for (const [from, to] of steps) {
          if (from !== at || blocked(to) || seen.has(to)) continue;
          seen.add(to);
          stack.push(to);
        }
      }
    }
    for (const id of seen) if (register.systems.has(id)) reached.add(id);
  }
  let records = 0;
  for (const id of reached) records += register.systems.get(id)?.records ?? 0;
  return { systems: reached.size, records };
}

describe('records reachable from third parties', () => {
  it('sums the records of the systems some vendor reaches, with and without gateways (property, brute-force oracle)', () => {
    fc.assert(fc.property(randomRegister, (register) => {
      const exposure = recordsReachableFromVendors(register, buildAttackGraph(register));
      const all = oracle(register, false);
      const ungated = oracle(register, true);
      expect([exposure.systems, exposure.records]).toEqual([all.systems, all.records]);
      expect([exposure.ungatedSystems, exposure.ungatedRecords]).toEqual([ungated.systems, ungated.records]);
      expect(exposure.vendors).toBe(register.vendors.size);
    }), { numRuns: 400 });
  });

  it('counts a system once even when several vendors reach it, and never counts an unreached one', () => {
    const register = makeRegister({
      zones: [{ id: 'z', trust: 2 }],
      vendors: [{ id: 'v1' }, { id: 'v2' }],
      systems: [{ id: 's', zone: 'z', records: 10 }, { id: 't', zone: 'z', records: 7 }, { id: 'lonely', zone: 'z', records: 1000 }],
      links: [{ from: 'v1', to: 's' }, { from: 'v2', to: 's' }, { from: 's', to: 't' }],
    });
    expect(recordsReachableFromVendors(register, buildAttackGraph(register)))
      .toEqual({
        systems: 2, records: 17, ungatedSystems: 2, ungatedRecords: 17, vendors: 2, heldSystems: 0, heldRecords: 0,
        largestRecords: 10, largestUngatedRecords: 10,
      });
  });

  it('counts what a vendor holds through its supply chain, with no link, and a supplied gateway as held rather than passed', () => {
    const register = makeRegister({
      zones: [{ id: 'z', trust: 3 }],
      vendors: [{ id: 'host' }, { id: 'cloud' }, { id: 'idle' }],
      systems: [
        { id: 'hr', zone: 'z', records: 243000, vendor: 'host' },
        { id: 'fw', zone: 'z', kind: 'firewall', vendor: 'host' },
        { id: 'behind', zone: 'z', records: 5 },
        { id: 'closed', zone: 'z', records: 99, vendor: 'idle', vendor_access: false },
      ],
      links: [{ from: 'fw', to: 'behind' }],
    });
    expect(recordsReachableFromVendors(register, buildAttackGraph(register))).toEqual({
      systems: 3, records: 243005, ungatedSystems: 3, ungatedRecords: 243005, vendors: 3, heldSystems: 2, heldRecords: 243000,
      largestRecords: 243000, largestUngatedRecords: 243000,
    });
  });
});
