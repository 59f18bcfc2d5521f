// Random small registers for the availability property tests: ≤ 10 systems, ≤ 4 vendors, depends_on with plain ids
// and any_of groups (empty ones too), self-dependencies and cycles, vendors with subprocessor chains and cycles, and
// now and then a reference to an id that is not a node. Ids come from a pool that includes `constructor` and `valueof`
// and sorts differently from insertion order.

import fc from 'fast-check';
import type { Register } from '../../../src/register/types.js';
import { makeRegister } from '../../helpers/make-register.js';

const ID_POOL = [
  'a', 'b', 'c', 'constructor', 'valueof', 'd1', 'd10', 'd2', 'e.x', 'f-g', 'h', 'ia', 'j0', 'k', 'zz', 'm',
];
const LEVELS = ['low', 'medium', 'high', 'critical'] as const;

export const availabilityRegister: fc.Arbitrary<Register> = fc
  .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 4 }))
  .chain(([systemCount, vendorCount]) =>
    fc.shuffledSubarray(ID_POOL, { minLength: systemCount + vendorCount, maxLength: systemCount + vendorCount })
      .map((ids) => ({ systemIds: ids.slice(0, systemCount), vendorIds: ids.slice(systemCount) })))
  .chain(({ systemIds, vendorIds }) => {
    const nodeRef = fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom(...systemIds, ...vendorIds, 'internet') },
      { weight: 1, arbitrary: fc.constant('ghost') },
    );
    const dependency = fc.oneof(
      { weight: 3, arbitrary: nodeRef },
      { weight: 2, arbitrary: fc.record({ any_of: fc.array(nodeRef, { maxLength: 3 }) }) },
    );
    const vendorRef = vendorIds.length > 0
      ? fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...vendorIds) }, { weight: 1, arbitrary: fc.constant('ghost') })
      : fc.constant('ghost');
    const system = (id: string) => fc.record({
      id: fc.constant(id),
      zone: fc.constant('lan'),
      criticality: fc.constantFrom(...LEVELS),
      redundant: fc.boolean(),
      depends_on: fc.array(dependency, { maxLength: 3 }),
      vendor: fc.option(vendorRef, { nil: undefined, freq: 2 }),
    });
    const vendor = (id: string) => fc.record({
      id: fc.constant(id),
      subprocessors: fc.array(vendorRef, { maxLength: 2 }),
    });
    return fc.tuple(fc.tuple(...systemIds.map(system)), fc.tuple(...vendorIds.map(vendor)));
  })
  .map(([systems, vendors]) => makeRegister({
    zones: [{ id: 'lan', trust: 2 }],
    systems,
    vendors,
  }));
