import { describe, expect, it } from 'vitest';
import { assessmentFailed } from '../../../src/rules/checks/assessment-failed.js';
import type { Assessment } from '../../../src/register/types.js';
import { makeRegister } from '../../helpers/make-register.js';
import { fieldLoc, runRule, vendorLoc, withFieldLocs } from './run-rule.js';

const TODAY = '2026-11-22';
const assessment = (date: string, result: Assessment['result'], kind: Assessment['kind'] = 'pentest'): Assessment => ({ date, kind, result });

describe('assessment-failed', () => {
  it('fires, high, when the newest assessment failed, whatever the tier', () => {
    const findings = runRule(assessmentFailed, {
      vendors: [
        { id: 'parkco', name: 'ParkCo', tier: 'low', assessments: [assessment('2025-01-01', 'pass'), assessment('2026-11-12', 'fail')] },
      ],
    }, TODAY);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect([f.id, f.rule, f.severity, f.subjects, f.location]).toEqual(['assessment-failed:parkco', 'assessment-failed', 'high', ['parkco'], vendorLoc(0)]);
    expect(f.title).toBe('ParkCo (parkco) failed its pentest assessment of 2026-11-12');
    expect(f.message).toContain('10 days ago');
  });

  it('does not fire when a newer assessment passed or was conditional, or when there is none', () => {
    const findings = runRule(assessmentFailed, {
      vendors: [
        { id: 'fixed', tier: 'high', assessments: [assessment('2026-01-01', 'fail'), assessment('2026-06-01', 'pass')] },
        { id: 'cond', tier: 'high', assessments: [assessment('2026-06-01', 'conditional'), assessment('2026-01-01', 'fail')] },
        { id: 'none', tier: 'critical' },
      ],
    }, TODAY);
    expect(findings).toEqual([]);
  });

  it('is not hidden by a pass recorded on the same day, in either order', () => {
    for (const order of [['pass', 'fail'], ['fail', 'pass']] as const) {
      const findings = runRule(assessmentFailed, {
        vendors: [{ id: 'v', tier: 'medium', assessments: order.map((r) => assessment(TODAY, r)) }],
      }, TODAY);
      expect(findings.map((f) => f.id)).toEqual(['assessment-failed:v']);
      expect(findings[0].message).toContain(`${TODAY}, today`);
    }
  });

  it('points at the failing assessment\'s result, or the assessment, or the vendor', () => {
    const register = makeRegister({
      vendors: [
        { id: 'a', assessments: [assessment('2025-01-01', 'pass'), assessment('2026-01-01', 'fail')] },
        { id: 'b', assessments: [assessment('2026-01-01', 'fail')] },
      ],
    });
    withFieldLocs(register.vendors.get('a'), { 'assessments.1': 1, 'assessments.1.result': 2, 'assessments.0.result': 3 });
    withFieldLocs(register.vendors.get('b'), { 'assessments.0': 4 });
    expect(runRule(assessmentFailed, register, TODAY).map((f) => f.location)).toEqual([fieldLoc(2), fieldLoc(4)]);
  });
});
