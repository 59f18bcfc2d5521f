// The quick schema check (src/register/schema-check.ts) may only say yes where zod says yes: a wrong yes would let
// a bad entity through the fast read path without its diagnostic. It should also say yes for the well-formed
// entities of real registers, or the fast path would gain nothing from it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateRegister } from '../../src/bench/generate-register.js';
import { parseRegisterFile } from '../../src/register/parse-file.js';
import { compileQuickCheck } from '../../src/register/schema-check.js';
import { ENTITY_KEYS, ENTITY_SCHEMAS } from '../../src/register/schema.js';
import type { EntityKey } from '../../src/register/schema.js';

const encoder = new TextEncoder();
const checks = Object.fromEntries(ENTITY_KEYS.map((key) => [key, compileQuickCheck(ENTITY_SCHEMAS[key])])) as Record<EntityKey, (v: unknown) => boolean>;

const entities = [...generateRegister({ size: 'S', seed: 3 })]
  .flatMap(({ path, content }) => parseRegisterFile(path, encoder.encode(content)).entities)
  .map((entity) => ({ key: entity.key, data: entity.data }));

/** A value near what the schemas test: ids, dates, enum words, edge numbers, wrong types. */
const awkwardValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '', 'a', 'A', 'a-', '-a', 'a..b', 'x'.repeat(64), 'x'.repeat(65), '2026-02-29', '2028-02-29', '2026-13-01', '2026-1-01',
    'critical', 'Critical', 'high ', 'https', 'HTTPS', 'FR', 'fr', 'no', 'true', 'internet', '__proto__', 'any_of',
    0, -0, 1, -1, 4, 5, 0.5, 65535, 65536, 2 ** 53, -(2 ** 53), Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
    true, false, null, undefined, [], {}, [null], { any_of: [] }, { any_of: ['a'] }, { any_of: ['A'] }, ['a', 'b'],
  ),
  fc.anything(),
);

/** A valid entity, damaged at one place: a field replaced, removed, or added, possibly inside a nested value. */
const damagedEntity = fc.record({
  index: fc.nat({ max: entities.length - 1 }),
  action: fc.constantFrom('replace', 'remove', 'add'),
  pick: fc.nat(),
  nestedPick: fc.nat(),
  name: fc.constantFrom('id', 'zone', 'foo', 'any_of', 'name', 'date', 'trust', 'port', 'expires', 'mfa', 'constructor'),
  value: awkwardValue,
}).map(({ index, action, pick, nestedPick, name, value }) => {
  const { key, data } = entities[index];
  const copy = structuredClone(data) as Record<string, unknown>;
  let target: Record<string, unknown> | unknown[] = copy;
  const fields = Object.keys(copy);
  const nested = copy[fields[pick % fields.length]];
  // Half the time, damage a nested list or mapping (a contact, a dependency) instead of the entity itself.
  if (nestedPick % 2 === 0 && nested !== null && typeof nested === 'object') {
    target = nested as Record<string, unknown> | unknown[];
    if (Array.isArray(target) && target.length > 0 && typeof target[0] === 'object' && target[0] !== null && nestedPick % 4 === 0) {
      target = target[0] as Record<string, unknown>;
    }
  }
  if (Array.isArray(target)) {
    if (action === 'remove') target.pop();
    else target[action === 'add' ? target.length : pick % Math.max(1, target.length)] = value;
  } else {
    const names = Object.keys(target);
    const field = action === 'add' ? name : names[pick % Math.max(1, names.length)] ?? name;
    if (action === 'remove') delete target[field];
    else target[field] = value;
  }
  return { key, data: copy };
});

describe('the quick schema check', () => {
  it('accepts every well-formed entity of a generated register, as zod does', () => {
    expect(entities.length).toBeGreaterThan(1000);
    for (const { key, data } of entities) {
      expect(ENTITY_SCHEMAS[key].safeParse(data).success).toBe(true);
      expect(checks[key](data), JSON.stringify(data)).toBe(true);
    }
  });

  it('never accepts what zod refuses, on damaged entities and arbitrary values', () => {
    fc.assert(fc.property(damagedEntity, ({ key, data }) => {
      if (checks[key](data)) expect(ENTITY_SCHEMAS[key].safeParse(data).success, JSON.stringify(data)).toBe(true);
    }), { numRuns: 20_000 });
    fc.assert(fc.property(fc.constantFrom(...ENTITY_KEYS), fc.anything(), (key, data) => {
      if (checks[key](data)) expect(ENTITY_SCHEMAS[key].safeParse(data).success).toBe(true);
    }), { numRuns: 2000 });
  });

  it('refuses the damage zod refuses, not only the easy kind', () => {
    const system = entities.find((e) => e.key === 'systems') as { data: Record<string, unknown> };
    const refused = [
      { ...system.data, id: 'Bad Id' }, { ...system.data, unknown: 1 }, { ...system.data, records: 1.5 },
      { ...system.data, records: Number.POSITIVE_INFINITY }, { ...system.data, end_of_support: '2026-02-30' },
      { ...system.data, depends_on: [{ any_of: [] }] }, { ...system.data, kind: 'mainframe' }, { ...system.data, zone: undefined },
    ];
    for (const data of refused) {
      expect(ENTITY_SCHEMAS.systems.safeParse(data).success).toBe(false);
      expect(checks.systems(data)).toBe(false);
    }
    // A number that need not be an integer still refuses NaN and the infinities, as zod's does.
    const vendor = { id: 'v', name: 'V', tier: 'low' };
    for (const hours of [Number.NaN, Number.POSITIVE_INFINITY, -1]) {
      const data = { ...vendor, contract: { breach_notification_hours: hours } };
      expect(ENTITY_SCHEMAS.vendors.safeParse(data).success).toBe(false);
      expect(checks.vendors(data)).toBe(false);
    }
    expect(checks.vendors({ ...vendor, contract: { breach_notification_hours: 0.5 } })).toBe(true);
  });

  it('runs custom checks, leaves to zod the schemas it does not mirror, and judges plain objects and defaults as zod does', () => {
    const custom = compileQuickCheck(z.string().refine((s) => s.startsWith('a')));
    expect([custom('ab'), custom('b')]).toEqual([true, false]);
    const transformed = compileQuickCheck(z.object({ n: z.string().transform((s) => s.length) }));
    expect([transformed({ n: 'x' }), transformed({ n: 1 })]).toEqual([true, false]);
    const asynchronous = compileQuickCheck(z.string().refine(async () => true));
    expect(asynchronous('a')).toBe(false); // zod's to judge (its safeParse refuses to run an asynchronous check)
    const loose = compileQuickCheck(z.object({ a: z.number() }));
    expect([loose({ a: 1, b: 2 }), loose({ b: 2 })]).toEqual([true, false]);
    const defaulted = z.object({ a: z.number().default(1).optional() });
    const check = compileQuickCheck(defaulted);
    expect([check({}), check({ a: 'x' })]).toEqual([defaulted.safeParse({}).success, false]);
    const union = compileQuickCheck(z.union([z.literal(true), z.array(z.enum(['x', 'y'])).min(1)]));
    expect([union(true), union(false), union(['x']), union([]), union(['z'])]).toEqual([true, false, true, false, false]);
  });
});
