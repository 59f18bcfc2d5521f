// Random registers with a supply layer, shared by the property tests of footholds and of what reaches legacy systems.

import fc from 'fast-check';
import type { RegisterInput } from '../../helpers/make-register.js';
import { registerInputArb } from '../segmentation/random-register.js';

/** Random registers with a supply layer: each system may name a vendor, each vendor may list subprocessors. */
export const supplyRegisterArb: fc.Arbitrary<RegisterInput> = fc.tuple(
  registerInputArb({ minNodes: 3 }),
  fc.array(fc.record({ pick: fc.nat(6), access: fc.integer({ min: 1, max: 5 }).map((x) => x !== 1) }), { minLength: 8, maxLength: 8 }),
  fc.array(fc.uniqueArray(fc.nat(7), { maxLength: 3 }), { minLength: 8, maxLength: 8 }),
).map(([input, picks, subs]) => {
  const vendorIds = (input.vendors ?? []).map((v) => v.id);
  if (vendorIds.length === 0) return input;
  return {
    ...input,
    systems: (input.systems ?? []).map((s, i) => {
      const pick = picks[i].pick % (vendorIds.length + 1);
      return pick === vendorIds.length ? s : { ...s, vendor: vendorIds[pick], vendor_access: picks[i].access };
    }),
    vendors: (input.vendors ?? []).map((v, i) => ({
      ...v, subprocessors: subs[i].map((k) => vendorIds[k % vendorIds.length]).filter((id) => id !== v.id),
    })),
  };
});
