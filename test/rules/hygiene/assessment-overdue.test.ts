import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessmentOverdue, newestAssessment, overdueAssessment } from '../../../src/rules/checks/assessment-overdue.js';
import type { Assessment, Level } from '../../../src/register/types.js';
import { makeRegister } from '../../helpers/make-register.js';
import { fieldLoc, runRule, shift, vendorLoc, withFieldLocs } from './run-rule.js';

const TODAY = '2026-11-22';
const pass = (date: string, extra: Partial<Assessment> = {}): Assessment => ({ date, kind: 'soc2', result: 'pass', ...extra });

describe('assessment-overdue', () => {
  it('fires for a vendor with no assessment, at the severity of its tier', () => {
    const tiers: Level[] = ['critical', 'high', 'medium', 'low'];
    const findings = runRule(assessmentOverdue, { vendors: tiers.map((tier) => ({ id: `v-${tier}`, tier })) }, TODAY);
    expect(findings.map((f) => [f.id, f.severity, f.subjects, f.location])).toEqual([
      ['assessment-overdue:v-critical', 'high', ['v-critical'], vendorLoc(0)],
      ['assessment-overdue:v-high', 'high', ['v-high'], vendorLoc(1)],
      ['assessment-overdue:v-medium', 'medium', ['v-medium'], vendorLoc(2)],
      ['assessment-overdue:v-low', 'low', ['v-low'], vendorLoc(3)],
    ]);
    expect(findings[0].rule).toBe('assessment-overdue');
    expect(findings[0].title).toContain('never been assessed');
    expect(findings[0].message).toContain('365 days');
  });

  it('keeps an assessment exactly the maximum age current, and fires one day later', () => {
    // Tier high: 365 days. 2025-11-22 → 2026-11-22 is exactly 365 days.
    const at = (date: string) => runRule(assessmentOverdue, {
      vendors: [{ id: 'acme', name: 'Acme SA', tier: 'high', assessments: [pass(date)] }],
    }, TODAY);
    expect(at('2025-11-22')).toEqual([]);
    const [late] = at('2025-11-21');
    expect(late.id).toBe('assessment-overdue:acme');
    expect(late.severity).toBe('high');
    expect(late.title).toBe('Acme SA (acme): assessment overdue by 1 day');
    expect(late.message).toContain('366 days old');
    expect(late.message).toContain('due by 2026-11-21');
  });

  it('uses each tier\'s own maximum age and the configured review settings', () => {
    const register = makeRegister({
      vendors: [
        { id: 'med', tier: 'medium', assessments: [pass(shift(TODAY, -730))] },
        { id: 'med-late', tier: 'medium', assessments: [pass(shift(TODAY, -731))] },
        { id: 'low', tier: 'low', assessments: [pass(shift(TODAY, -1095))] },
        { id: 'low-late', tier: 'low', assessments: [pass(shift(TODAY, -1096))] },
      ],
    });
    expect(runRule(assessmentOverdue, register, TODAY).map((f) => [f.id, f.severity])).toEqual([
      ['assessment-overdue:med-late', 'medium'],
      ['assessment-overdue:low-late', 'low'],
    ]);
    register.config.review = { ...register.config.review, assessment_max_age_days: { critical: 1, high: 1, medium: 10, low: 2000 } };
    expect(runRule(assessmentOverdue, register, TODAY).map((f) => f.id)).toEqual([
      'assessment-overdue:med', 'assessment-overdue:med-late',
    ]);
  });

  it('judges only the newest assessment, whatever the order of the list', () => {
    const findings = runRule(assessmentOverdue, {
      vendors: [
        { id: 'fresh', tier: 'critical', assessments: [pass('2019-01-01'), pass('2026-06-01'), pass('2020-01-01')] },
        { id: 'stale', tier: 'critical', assessments: [pass('2024-01-01'), pass('2019-01-01')] },
      ],
    }, TODAY);
    expect(findings.map((f) => f.id)).toEqual(['assessment-overdue:stale']);
  });

  it('counts an expires date that has passed, from the day after it', () => {
    const withExpiry = (expires: string) => runRule(assessmentOverdue, {
      vendors: [{ id: 'acme', tier: 'medium', assessments: [pass('2026-01-01', { expires })] }],
    }, TODAY);
    expect(withExpiry(TODAY)).toEqual([]);
    expect(withExpiry('2027-01-01')).toEqual([]);
    const [expired] = withExpiry('2026-11-12');
    expect(expired.id).toBe('assessment-overdue:acme');
    expect(expired.severity).toBe('medium');
    expect(expired.title).toBe('acme: assessment expired 10 days ago');
    expect(expired.message).toContain('expired on 2026-11-12');
  });

  it('names both reasons when the newest assessment is too old and expired', () => {
    const [finding] = runRule(assessmentOverdue, {
      vendors: [{ id: 'acme', tier: 'low', assessments: [pass('2022-01-01', { expires: '2023-01-01' })] }],
    }, TODAY);
    expect(finding.title).toBe(`acme: assessment overdue by ${1786 - 1095} days`);
    expect(finding.message).toContain('1,786 days old');
    expect(finding.message).toContain('expired on 2023-01-01');
  });

  it('treats an assessment dated in the future as current', () => {
    expect(runRule(assessmentOverdue, { vendors: [{ id: 'acme', tier: 'high', assessments: [pass('2027-03-01')] }] }, TODAY))
      .toEqual([]);
  });

  it('points at the newest assessment\'s date, or its expires, or the assessments list', () => {
    const register = makeRegister({
      vendors: [
        { id: 'old', tier: 'high', assessments: [pass('2021-01-01'), pass('2020-01-01', { expires: '2020-06-01' })] },
        { id: 'expired', tier: 'high', assessments: [pass('2026-01-01', { expires: '2026-02-01' })] },
        { id: 'none', tier: 'high' },
        { id: 'bare', tier: 'high', assessments: [pass('2020-01-01')] },
      ],
    });
    withFieldLocs(register.vendors.get('old'), { 'assessments.0': 1, 'assessments.0.date': 2, 'assessments.1.date': 3 });
    withFieldLocs(register.vendors.get('expired'), { 'assessments.0': 4, 'assessments.0.date': 5, 'assessments.0.expires': 6 });
    withFieldLocs(register.vendors.get('none'), { owner: 7 });
    withFieldLocs(register.vendors.get('bare'), { 'assessments.0': 8 });
    const locations = new Map(runRule(assessmentOverdue, register, TODAY).map((f) => [f.subjects[0], f.location]));
    expect(locations.get('old')).toEqual(fieldLoc(2));
    expect(locations.get('expired')).toEqual(fieldLoc(6));
    expect(locations.get('none')).toEqual(vendorLoc(2));
    expect(locations.get('bare')).toEqual(fieldLoc(8));
  });

  it('works with ids that are Object.prototype names', () => {
    const findings = runRule(assessmentOverdue, { vendors: [{ id: 'constructor', tier: 'low' }, { id: '__proto__', tier: 'low' }] }, TODAY);
    expect(findings.map((f) => f.id)).toEqual(['assessment-overdue:constructor', 'assessment-overdue:__proto__']);
  });
});

describe('newestAssessment', () => {
  it('breaks a tie on date by the worst result, then by the longest-lived expiry, whatever the order', () => {
    const same = [
      pass('2026-05-01', { expires: '2027-01-01' }),
      pass('2026-05-01', { kind: 'pentest', result: 'fail', expires: '2026-06-01' }),
      pass('2026-05-01', { kind: 'iso27001', result: 'fail' }),
      pass('2026-05-01', { result: 'conditional' }),
      pass('2025-01-01', { result: 'fail' }),
    ];
    const orders = [same, [...same].reverse(), [same[2], same[0], same[4], same[1], same[3]]];
    for (const assessments of orders) {
      const vendor = makeRegister({ vendors: [{ id: 'v', assessments }] }).vendors.get('v')!;
      const newest = newestAssessment(vendor)!;
      expect(newest.assessment).toBe(same[2]);
      expect(vendor.assessments[newest.index]).toBe(same[2]);
    }
  });

  it('is undefined without assessments', () => {
    expect(newestAssessment(makeRegister({ vendors: [{ id: 'v' }] }).vendors.get('v')!)).toBeUndefined();
  });
});

describe('overdueAssessment against a calendar oracle', () => {
  const day = fc.integer({ min: 0, max: 20_000 }).map((n) => shift('1990-01-01', n));
  it('is overdue exactly when the due date (date + max age, stepped day by day) or the expiry is before today', () => {
    fc.assert(fc.property(
      day, day, fc.option(day, { nil: undefined }), fc.integer({ min: 0, max: 4000 }), fc.constantFrom<Level>('critical', 'high', 'medium', 'low'),
      (date, today, expires, maxAge, tier) => {
        const register = makeRegister({ vendors: [{ id: 'v', tier, assessments: [pass(date, { expires })] }] });
        register.config.review = { ...register.config.review, assessment_max_age_days: { critical: maxAge, high: maxAge, medium: maxAge, low: maxAge } };
        const due = shift(date, maxAge);
        const expected = due < today || (expires !== undefined && expires < today);
        const verdict = overdueAssessment(register.vendors.get('v')!, register.config.review, today);
        expect(verdict !== undefined).toBe(expected);
        if (verdict?.kind === 'stale') {
          expect(verdict.daysOverdue === 0 ? due >= today : shift(due, verdict.daysOverdue) === today).toBe(true);
          expect(shift(date, verdict.ageDays)).toBe(today);
        }
        expect(runRule(assessmentOverdue, register, today).length).toBe(expected ? 1 : 0);
      },
    ), { numRuns: 300 });
  });
});
