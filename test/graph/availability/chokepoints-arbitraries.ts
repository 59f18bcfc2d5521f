// Random small networks for the chokepoint property tests: ≤ 10 systems with random criticality, links of every kind
// (credential links must be ignored), to and from vendors and `internet` (ignored too), self-loops, parallel and
// antiparallel links, one-way and bidirectional, and now and then an internet-facing system.

import fc from 'fast-check';
import type { Register } from '../../../src/register/types.js';
import { makeRegister } from '../../helpers/make-register.js';

const SYSTEM_POOL = ['a', 'b', 'c', 'constructor', 'valueof', 'd1', 'd10', 'd2', 'e.x', 'f-g', 'h', 'zz'];
const LEVELS = ['low', 'medium', 'high', 'critical'] as const;

export const networkRegister: fc.Arbitrary<Register> = fc
  .shuffledSubarray(SYSTEM_POOL, { minLength: 1, maxLength: 10 })
  .chain((systemIds) => {
    const end = fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom(...systemIds) },
      { weight: 1, arbitrary: fc.constantFrom('internet', 'vendor-x') },
    );
    const link = fc.record({
      from: end,
      to: end,
      kind: fc.constantFrom('network', 'network', 'remote-access', 'credential'),
      bidirectional: fc.boolean(),
    });
    const system = (id: string) => fc.record({
      id: fc.constant(id),
      zone: fc.constant('lan'),
      criticality: fc.constantFrom(...LEVELS),
      internet_facing: fc.boolean(),
    });
    return fc.tuple(fc.tuple(...systemIds.map(system)), fc.array(link, { maxLength: 16 }));
  })
  .map(([systems, links]) => makeRegister({
    zones: [{ id: 'lan', trust: 2 }],
    vendors: [{ id: 'vendor-x' }],
    systems,
    links: links.map((l, i) => ({ ...l, id: `l${i}` })),
  }));
