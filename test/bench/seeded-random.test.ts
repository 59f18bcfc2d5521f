import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSeed, SeededRandom } from '../../src/bench/seeded-random.js';
import { dateFromReference, REFERENCE_DATE } from '../../src/bench/calendar.js';

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => { const r = new SeededRandom(seed); return Array.from({ length: 20 }, () => r.next()); };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('stays in range', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
      const r = new SeededRandom(seed);
      for (let k = 0; k < 50; k++) {
        const x = r.next();
        expect(x >= 0 && x < 1).toBe(true);
        const i = r.int(n);
        expect(Number.isInteger(i) && i >= 0 && i < n).toBe(true);
        const b = r.between(-n, n);
        expect(b >= -n && b <= n).toBe(true);
      }
    }));
  });

  it('draws weighted indices only where the weight is positive', () => {
    const r = new SeededRandom(7);
    const seen = new Set<number>();
    for (let k = 0; k < 500; k++) seen.add(r.weighted([0, 3, 0, 1]));
    expect([...seen].sort()).toEqual([1, 3]);
  });

  it('derives distinct streams from distinct labels', () => {
    const seeds = new Set<number>();
    for (let i = 0; i < 1000; i++) seeds.add(deriveSeed(1, 42, i));
    expect(seeds.size).toBe(1000);
    expect(deriveSeed(1, 2)).not.toBe(deriveSeed(2, 2));
    expect(deriveSeed(2 ** 40, 1)).not.toBe(deriveSeed(0, 1));
  });
});

describe('dateFromReference', () => {
  it('counts days from the fixed reference date', () => {
    expect(dateFromReference(0)).toBe(REFERENCE_DATE);
    expect(dateFromReference(26)).toBe('2027-01-01');
    expect(dateFromReference(-339)).toBe('2026-01-01');
    expect(dateFromReference(85)).toBe('2027-03-01');
  });
});
