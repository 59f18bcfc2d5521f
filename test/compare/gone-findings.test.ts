import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goneFindings } from '../../src/compare/gone-findings.js';
import { finding } from './findings-fixture.js';

const ID_POOL: string[] = ['a:x', 'a:y', 'b:x', 'b:constructor', 'c:__proto__', 'c:z', 'd:1', 'd:2'];
const ids = fc.uniqueArray(fc.constantFrom(...ID_POOL), { maxLength: 8 });

describe('goneFindings', () => {
  it('lists the earlier ids absent now, once each, sorted by code unit, with rule and title', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom<string>('a:x', 'a:y', 'b:x', 'B:x', 'c:z')), ids, (earlier, current) => {
      const gone = goneFindings(earlier.map((id) => ({ id, rule: id.split(':')[0], title: `t ${id}` })), current.map((id) => finding(id)));
      const expected = [...new Set(earlier)].filter((id) => !current.includes(id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(gone.map((g) => g.id)).toEqual(expected);
      for (const g of gone) expect(g).toEqual({ id: g.id, rule: g.id.split(':')[0], title: `t ${g.id}` });
    }));
  });
});
