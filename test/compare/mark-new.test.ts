import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goneFindings, markNew } from '../../src/compare/mark-new.js';
import { finding } from './findings-fixture.js';

const ID_POOL: string[] = ['a:x', 'a:y', 'b:x', 'b:constructor', 'c:__proto__', 'c:z', 'd:1', 'd:2'];
const ids = fc.uniqueArray(fc.constantFrom(...ID_POOL), { maxLength: 8 });

describe('markNew', () => {
  it('marks a finding new exactly when its id is not known, keeping order and every other field', () => {
    fc.assert(fc.property(ids, ids, (current, known) => {
      const findings = current.map((id) => finding(id));
      const marked = markNew(findings, new Set(known));
      expect(marked.map((f) => f.id)).toEqual(current);
      for (const [i, f] of marked.entries()) {
        expect(f.new).toBe(!known.includes(f.id));
        expect({ ...f, new: undefined }).toEqual({ ...findings[i], new: undefined });
      }
      expect(findings.every((f) => f.new === undefined)).toBe(true);
    }));
  });

  it('matches by id only: a moved finding (other file, line and title) is not new', () => {
    const moved = finding('weak-authentication:a-to-b', { location: { file: 'other.yaml', line: 99, column: 3 }, title: 'reworded' });
    expect(markNew([moved], new Set(['weak-authentication:a-to-b']))[0].new).toBe(false);
  });
});

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
