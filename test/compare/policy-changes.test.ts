// The policy diff of the gate (SPEC §4.1): every difference between the base's policy and acceptances and the
// head's, each marked `weakens` when it can hide a finding.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyChanges, selectorNarrowed } from '../../src/compare/policy-changes.js';
import type { Acceptance, RuleOverride, Selector } from '../../src/register/types.js';
import { makeRegister } from '../helpers/make-register.js';
import type { RegisterInput } from '../helpers/make-register.js';

const loc = { file: 'sidedoor.yaml', line: 1, column: 1 };
const zones: RegisterInput['zones'] = [{ id: 'guest', trust: 1 }, { id: 'adm', trust: 4 }];
const systems: RegisterInput['systems'] = [{ id: 'fw', zone: 'adm', kind: 'firewall' }, { id: 'jump', zone: 'adm', kind: 'jump-host' }];
const override = (o: Partial<RuleOverride>): RuleOverride => ({ off: false, options: new Map(), loc, ...o });
const acceptance = (finding: string, expires: string): Acceptance => ({ finding, reason: 'r', approved_by: 'a', expires, loc, fieldLocs: new Map() });

function diff(base: Partial<RegisterInput>, head: Partial<RegisterInput>) {
  return policyChanges(makeRegister({ zones, systems, ...base }), makeRegister({ zones, systems, ...head }))
    .map((c) => `${c.weakens ? 'weakens' : 'ok'}: ${c.description}`);
}

describe('policyChanges', () => {
  it('is empty for the same policy, and ignores the entities (a new gateway is not a policy change)', () => {
    expect(diff({}, {})).toEqual([]);
    expect(policyChanges(makeRegister({ zones, systems }), makeRegister({ zones, systems: [...(systems ?? []), { id: 'fw2', zone: 'adm', kind: 'firewall' }] }))).toEqual([]);
  });

  it('marks a rule turned off, a severity lowered or replaced, and a threshold raised as weakening', () => {
    const rules = (entries: [string, RuleOverride][]) => ({ config: { rules: new Map(entries) } });
    expect(diff({}, rules([['unsegmented-path', override({ off: true })]]))).toEqual(['weakens: rule unsegmented-path: turned off']);
    expect(diff(rules([['unsegmented-path', override({ off: true })]]), {})).toEqual(['ok: rule unsegmented-path: turned back on']);
    expect(diff({}, rules([['weak-authentication', override({ severity: 'low' })]]))).toEqual(['weakens: rule weak-authentication: severity default → low']);
    expect(diff({}, rules([['weak-authentication', override({ severity: 'critical' })]]))).toEqual(['ok: rule weak-authentication: severity default → critical']);
    expect(diff(rules([['x', override({ severity: 'low' })]]), rules([['x', override({ severity: 'high' })]]))).toEqual(['ok: rule x: severity low → high']);
    expect(diff(rules([['x', override({ severity: 'high' })]]), rules([['x', override({ severity: 'medium' })]]))).toEqual(['weakens: rule x: severity high → medium']);
    expect(diff({}, rules([['vendor-concentration', override({ options: new Map([['threshold', 5]]) })]]))).toEqual(['weakens: rule vendor-concentration: threshold default → 5']);
    expect(diff(rules([['v', override({ options: new Map([['threshold', 5]]) })]]), rules([['v', override({ options: new Map([['threshold', 2]]) })]])))
      .toEqual(['ok: rule v: threshold 5 → 2']);
  });

  it('marks builtin: false, a removed rule, a narrowed selector, a widened allow_via and a lowered severity', () => {
    expect(diff({}, { builtin: false })).toEqual(['weakens: the built-in rule low-trust-to-sensitive is turned off (builtin: false)']);
    expect(diff({ builtin: false }, {})).toEqual(['ok: the built-in rule low-trust-to-sensitive is turned on']);
    const rule = { id: 'p', from: { zones: ['guest'] }, to: { zones: ['adm'] }, allow_via: ['fw'], severity: 'critical' as const };
    expect(diff({ segmentation: [rule] }, {})).toEqual(['weakens: policy rule p: removed']);
    expect(diff({}, { segmentation: [rule] })).toEqual(['ok: policy rule p: added']);
    expect(diff({ segmentation: [rule] }, { segmentation: [{ ...rule, from: { zones: ['guest'], trust_max: 0 } }] })).toEqual(['weakens: policy rule p: `from` narrowed']);
    expect(diff({ segmentation: [rule] }, { segmentation: [{ ...rule, to: undefined }] })).toEqual(['ok: policy rule p: `to` widened']);
    expect(diff({ segmentation: [rule] }, { segmentation: [{ ...rule, allow_via: ['fw', 'jump'] }] })).toEqual(['weakens: policy rule p: allow_via widened with jump']);
    expect(diff({ segmentation: [rule] }, { segmentation: [{ ...rule, allow_via: [] }] })).toEqual(['ok: policy rule p: allow_via no longer allows fw']);
    expect(diff({ segmentation: [rule] }, { segmentation: [{ ...rule, severity: 'high' }] })).toEqual(['weakens: policy rule p: severity critical → high']);
  });

  it('marks a loosened review threshold', () => {
    const review = (r: Partial<{ contract_warning_days: number; bulk_records_threshold: number; acceptance_max_days: number; assessment_max_age_days: Record<string, number> }>) => ({
      config: { review: { assessment_max_age_days: { critical: 365, high: 365, medium: 730, low: 1095 }, contract_warning_days: 90, bulk_records_threshold: 10000, acceptance_max_days: 365, ...r } },
    }) as Partial<RegisterInput>;
    expect(diff({}, review({ bulk_records_threshold: 50000 }))).toEqual(['weakens: review.bulk_records_threshold: 10000 → 50000']);
    expect(diff({}, review({ contract_warning_days: 30 }))).toEqual(['weakens: review.contract_warning_days: 90 → 30']);
    expect(diff({}, review({ contract_warning_days: 120 }))).toEqual(['ok: review.contract_warning_days: 90 → 120']);
    expect(diff({}, review({ acceptance_max_days: 3650 }))).toEqual(['weakens: review.acceptance_max_days: 365 → 3650']);
    expect(diff({}, review({ assessment_max_age_days: { critical: 3650, high: 365, medium: 730, low: 1095 } })))
      .toEqual(['weakens: review.assessment_max_age_days.critical: 365 → 3650']);
  });

  it('marks an acceptance added, widened or extended; a removed or shortened one does not weaken', () => {
    const a = (...list: Acceptance[]) => ({ acceptances: list });
    expect(diff({}, a(acceptance('unsegmented-path:*:*:*', '2036-12-01'))))
      .toEqual(['weakens: acceptance unsegmented-path:*:*:*: added, until 2036-12-01 (a wildcard pattern)']);
    expect(diff(a(acceptance('x:a', '2027-01-01')), a(acceptance('x:a', '2028-01-01')))).toEqual(['weakens: acceptance x:a: extended from 2027-01-01 to 2028-01-01']);
    expect(diff(a(acceptance('x:a', '2027-01-01')), a(acceptance('x:*', '2027-01-01')))).toEqual([
      'weakens: acceptance x:*: added, until 2027-01-01 (a wildcard pattern)', 'ok: acceptance x:a: removed',
    ]);
    expect(diff(a(acceptance('x:a', '2027-01-01')), a(acceptance('x:a', '2026-12-31')))).toEqual(['ok: acceptance x:a: shortened from 2027-01-01 to 2026-12-31']);
  });
});

describe('selectorNarrowed', () => {
  // Nodes as (zone, trust, kind, type) tuples; a selector matches by the same rules as src/graph/selectors.ts.
  const nodes = ['guest', 'lan', 'adm'].flatMap((zone, z) => (['application', 'database'] as const).flatMap((kind) =>
    (['system', 'vendor'] as const).map((type) => ({ zone, trust: z + 1, kind, type, id: `${zone}-${kind}-${type}` }))));
  const matches = (s: Selector | undefined, n: (typeof nodes)[number]) => s === undefined || (
    (s.zones === undefined || s.zones.includes(n.zone))
    && (s.trust_max === undefined || n.trust <= s.trust_max) && (s.trust_min === undefined || n.trust >= s.trust_min)
    && (s.kinds === undefined || (n.type === 'system' && s.kinds.includes(n.kind)))
    && (s.vendors === undefined || (n.type === 'vendor' && s.vendors === true)));
  const selector = fc.option(fc.record({
    zones: fc.option(fc.subarray(['guest', 'lan', 'adm']), { nil: undefined }),
    trust_max: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    trust_min: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    kinds: fc.option(fc.subarray(['application', 'database'] as const), { nil: undefined }),
    vendors: fc.option(fc.constant(true as const), { nil: undefined }),
  }, { requiredKeys: [] }), { nil: undefined });

  it('never misses a narrowing: when the new selector drops a node the old one matched, it says narrowed', () => {
    fc.assert(fc.property(selector, selector, (before, after) => {
      const dropped = nodes.some((n) => matches(before, n) && !matches(after, n));
      if (dropped) expect(selectorNarrowed(before, after)).toBe(true);
    }), { numRuns: 2000 });
  });
});
