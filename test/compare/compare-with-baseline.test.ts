import { describe, expect, it } from 'vitest';
import { compareWithBaseline } from '../../src/compare/compare-with-baseline.js';
import type { Baseline } from '../../src/compare/baseline-file.js';
import { makeRegister } from '../helpers/make-register.js';
import { finding } from './findings-fixture.js';

const register = makeRegister({
  zones: [{ id: 'lan', trust: 2 }],
  systems: [{ id: 'a', zone: 'lan' }, { id: 'b', zone: 'lan' }],
  links: [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }],
});
const baseline = (ids: string[]): Baseline => ({
  version: 1, tool: 'sidedoor', findings: ids.map((id) => ({ id, rule: id.split(':')[0], title: `old ${id}` })),
});

describe('compareWithBaseline', () => {
  it('marks findings absent from the baseline new, lists stale entries and the links of new findings', () => {
    const findings = [
      finding('weak-authentication:a-to-b'), finding('unsegmented-path:r:a:lan', { links: ['b-to-a'] }), finding('missing-owner:a'),
    ];
    const { findings: marked, comparison } = compareWithBaseline({ register, findings }, baseline(['missing-owner:a', 'single-point-of-failure:b', 'weak-authentication:gone']), 'b.json');
    expect(marked.map((f) => [f.id, f.new])).toEqual([
      ['weak-authentication:a-to-b', true], ['unsegmented-path:r:a:lan', true], ['missing-owner:a', false],
    ]);
    expect(comparison).toEqual({
      kind: 'baseline', ref: 'b.json', newRiskyLinks: ['a-to-b', 'b-to-a'],
      fixed: [
        { id: 'single-point-of-failure:b', rule: 'single-point-of-failure', title: 'old single-point-of-failure:b' },
        { id: 'weak-authentication:gone', rule: 'weak-authentication', title: 'old weak-authentication:gone' },
      ],
    });
  });

  it('with --rule, only entries of the reported rules can be stale', () => {
    const { comparison } = compareWithBaseline({ register, findings: [finding('missing-owner:a')] },
      baseline(['missing-owner:a', 'missing-owner:gone', 'single-point-of-failure:b']), 'b.json', { rules: ['missing-owner'] });
    expect(comparison.fixed.map((f) => f.id)).toEqual(['missing-owner:gone']);
  });
});
