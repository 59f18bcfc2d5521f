import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findChokepoints } from '../../../src/graph/chokepoints.js';
import { makeRegister } from '../../helpers/make-register.js';
import { networkRegister } from './chokepoints-arbitraries.js';
import { oracleChokepoints } from './chokepoints-oracle.js';

describe('findChokepoints', () => {
  it('reports exactly the articulation points and bridges the brute-force rule reports', () => {
    fc.assert(fc.property(networkRegister, (register) => {
      expect(findChokepoints(register)).toEqual(oracleChokepoints(register, 10));
    }), { numRuns: 1000 });
  });

  it('names at most listLimit high/critical systems per piece, the smallest ids first', () => {
    fc.assert(fc.property(networkRegister, fc.integer({ min: 0, max: 3 }), (register, listLimit) => {
      expect(findChokepoints(register, { listLimit })).toEqual(oracleChokepoints(register, listLimit));
    }), { numRuns: 300 });
  });

  const lan = [{ id: 'lan', trust: 2 as const }];

  it('never calls a link with a parallel twin a bridge', () => {
    const register = makeRegister({
      zones: lan,
      systems: [{ id: 'a', zone: 'lan' }, { id: 'b', zone: 'lan', criticality: 'critical' }],
      links: [{ id: 'a-b-1', from: 'a', to: 'b' }, { id: 'a-b-2', from: 'b', to: 'a' }],
    });
    expect(findChokepoints(register).links).toEqual([]);
  });

  it('breaks a size tie in favour of the piece holding the smallest id', () => {
    // Removing hub leaves {a} and {z}: {a} counts as largest, so only a high system in {z} is reported.
    const star = (high: string) => makeRegister({
      zones: lan,
      systems: ['a', 'hub', 'z'].map((id) => ({ id, zone: 'lan', criticality: id === high ? 'high' as const : 'low' as const })),
      links: [{ from: 'a', to: 'hub' }, { from: 'hub', to: 'z' }],
    });
    expect(findChokepoints(star('a')).nodes).toEqual([]);
    expect(findChokepoints(star('z')).nodes).toEqual([{
      system: 'hub',
      pieces: [
        { size: 1, smallest: 'a', highOrCriticalCount: 0, highOrCritical: [] },
        { size: 1, smallest: 'z', highOrCriticalCount: 1, highOrCritical: ['z'] },
      ],
    }]);
    expect(findChokepoints(star('z')).links.map((l) => l.link)).toEqual(['hub-to-z']);
  });
});
