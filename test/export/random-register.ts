// fast-check generator of small random registers for the export property tests. Ids come from a pool that includes
// names which collide with Object.prototype members, so any accidental plain-object keying shows up.

import fc from 'fast-check';
import type { LinkKind, Register, Trust } from '../../src/register/types.js';
import { makeRegister } from '../helpers/make-register.js';

const ID_POOL = ['a', 'b', 'c', 'd', 'constructor', 'valueof', 'tostring', 'hasownproperty', 'x-1', 'z.9'];
const ZONES: { id: string; trust: Trust }[] = [{ id: 'z0', trust: 1 }, { id: 'z1', trust: 2 }, { id: 'z2', trust: 4 }];
const KINDS: LinkKind[] = ['network', 'remote-access', 'credential'];

export interface RandomRegister { register: Register; nodeIds: string[] }

export const randomRegister: fc.Arbitrary<RandomRegister> = fc
  .uniqueArray(fc.constantFrom(...ID_POOL), { minLength: 1, maxLength: ID_POOL.length })
  .chain((ids) => {
    const nodeIds = [...ids, 'internet'];
    const node = fc.constantFrom(...nodeIds);
    return fc.record({
      ids: fc.constant(ids),
      vendorMask: fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
      zones: fc.array(fc.integer({ min: 0, max: ZONES.length - 1 }), { minLength: ids.length, maxLength: ids.length }),
      facing: fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
      links: fc.array(fc.record({
        from: node, to: node, bidirectional: fc.boolean(), kind: fc.constantFrom(...KINDS),
      }), { maxLength: 14 }),
    });
  })
  .map(({ ids, vendorMask, zones, facing, links }) => {
    const vendors = ids.filter((_, i) => vendorMask[i]).map((id, i) => ({ id, zone: ZONES[zones[i]].id }));
    const systems = ids.filter((_, i) => !vendorMask[i])
      .map((id, i) => ({ id, zone: ZONES[zones[i]].id, internet_facing: facing[i] }));
    const register = makeRegister({
      zones: ZONES,
      vendors,
      systems,
      links: links.map((l, i) => ({ ...l, id: `l${i}` })),
    });
    return { register, nodeIds: [...ids, 'internet'] };
  });

/** Oracle: nodes within `depth` hops of `focus`, by repeated relaxation over the register's links in both directions. */
export function bruteForceNeighbourhood(register: Register, focus: string, depth: number): Set<string> {
  const reached = new Set([focus]);
  for (let hop = 0; hop < depth; hop++) {
    const next = new Set(reached);
    for (const link of register.links) {
      if (reached.has(link.from)) next.add(link.to);
      if (reached.has(link.to)) next.add(link.from);
    }
    if (next.size === reached.size) break;
    for (const id of next) reached.add(id);
  }
  return reached;
}
