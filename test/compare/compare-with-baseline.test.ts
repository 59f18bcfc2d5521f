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
const baseline = (ids: string[], severity?: 'low' | 'high'): Baseline => ({
  version: severity === undefined ? 1 : 2, tool: 'sidedoor',
  findings: ids.map((id) => ({ id, rule: id.split(':')[0], title: `old ${id}`, ...(severity === undefined ? {} : { severity }) })),
});

describe('compareWithBaseline', () => {
  it('marks findings absent from the baseline new and lists stale entries; a version 1 file cannot tell worsened', () => {
    const findings = [
      finding('weak-authentication:a-to-b'), finding('unsegmented-path:r:a:lan', { links: ['b-to-a'] }), finding('missing-owner:a'),
    ];
    const { findings: marked, comparison } = compareWithBaseline({ register, findings }, baseline(['missing-owner:a', 'single-point-of-failure:b', 'weak-authentication:gone']), 'b.json');
    expect(marked.map((f) => [f.id, f.new, f.change])).toEqual([
      ['weak-authentication:a-to-b', true, 'new'], ['unsegmented-path:r:a:lan', true, 'new'], ['missing-owner:a', false, 'unchanged'],
    ]);
    expect(comparison).toEqual({
      kind: 'baseline', ref: 'b.json', worsened: [], hidden: [], newRiskyLinks: [], policyChanges: [],
      cannotTell: expect.stringMatching(/not findings hidden by a trust claim, new risky links.*version 1 baseline/),
      fixed: [
        { id: 'single-point-of-failure:b', rule: 'single-point-of-failure', title: 'old single-point-of-failure:b' },
        { id: 'weak-authentication:gone', rule: 'weak-authentication', title: 'old weak-authentication:gone' },
      ],
    });
  });

  it('tells a finding whose severity rose since a version 2 baseline, and says what a baseline cannot tell', () => {
    const findings = [finding('missing-owner:a', { severity: 'high' }), finding('missing-owner:b', { severity: 'low' })];
    const { findings: marked, comparison } = compareWithBaseline({ register, findings }, baseline(['missing-owner:a', 'missing-owner:b'], 'low'), 'b.json');
    expect(marked.map((f) => [f.id, f.new, f.change])).toEqual([['missing-owner:a', true, 'worsened'], ['missing-owner:b', false, 'unchanged']]);
    expect(comparison.worsened).toEqual([{ id: 'missing-owner:a', rule: 'missing-owner', title: 'title of missing-owner:a', severity: 'high', before: 'low', links: [] }]);
    expect(comparison.cannotTell).not.toMatch(/version 1/);
    expect(comparison.cannotTell).toMatch(/hidden by a trust claim/);
  });

  it('with --rule, only entries of the reported rules can be stale', () => {
    const { comparison } = compareWithBaseline({ register, findings: [finding('missing-owner:a')] },
      baseline(['missing-owner:a', 'missing-owner:gone', 'single-point-of-failure:b']), 'b.json', { rules: ['missing-owner'] });
    expect(comparison.fixed.map((f) => f.id)).toEqual(['missing-owner:gone']);
  });
});
