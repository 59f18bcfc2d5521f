import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedLevenshtein, nearestId } from '../../src/export/nearest-id.js';

/** Oracle: textbook full-matrix Levenshtein distance. */
function levenshtein(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-'), maxLength: 9 });

describe('nearestId', () => {
  it('boundedLevenshtein is the true distance when within the bound, else bound + 1', () => {
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, k) => {
      expect(boundedLevenshtein(a, b, k)).toBe(Math.min(levenshtein(a, b), k + 1));
    }), { numRuns: 1000 });
  });

  it('picks the closest candidate, the smallest id on ties, and nothing when all are far', () => {
    fc.assert(fc.property(word, fc.uniqueArray(word, { maxLength: 8 }), (wanted, candidates) => {
      const sorted = [...candidates].sort();
      const bound = Math.max(1, Math.min(3, Math.floor(wanted.length / 3)));
      const scored = sorted.map((c) => ({ c, d: levenshtein(wanted, c) })).filter((x) => x.d <= bound);
      const best = Math.min(...scored.map((x) => x.d));
      const expected = scored.filter((x) => x.d === best).map((x) => x.c).sort()[0];
      expect(nearestId(wanted, candidates)).toBe(expected);
    }), { numRuns: 1000 });
  });
});
