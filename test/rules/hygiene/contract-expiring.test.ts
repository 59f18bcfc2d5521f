import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contractExpiring } from '../../../src/rules/checks/contract-expiring.js';
import { contractExpired } from '../../../src/rules/checks/contract-expired.js';
import { makeRegister } from '../../helpers/make-register.js';
import { fieldLoc, runRule, shift, vendorLoc, withFieldLocs } from './run-rule.js';

const TODAY = '2026-11-22';

describe('contract-expiring', () => {
  const at = (end: string, extra: { notice_days?: number } = {}) => runRule(contractExpiring, {
    vendors: [{ id: 'acme', name: 'Acme SA', tier: 'medium', contract: { ref: 'C-42', end, ...extra } }],
  }, TODAY);

  it('fires, low, from the day the contract ends back to exactly contract_warning_days before', () => {
    const [today] = at(TODAY);
    expect([today.id, today.rule, today.severity, today.subjects, today.location])
      .toEqual(['contract-expiring:acme', 'contract-expiring', 'low', ['acme'], vendorLoc(0)]);
    expect(today.title).toBe('Acme SA (acme): contract C-42 ends today (2026-11-22)');
    const [edge] = at(shift(TODAY, 90));
    expect(edge.title).toBe('Acme SA (acme): contract C-42 ends in 90 days (2027-02-20)');
    expect(at(shift(TODAY, 1))[0].title).toContain('ends in 1 day ');
    expect(at(shift(TODAY, 91))).toEqual([]);
    expect(at(shift(TODAY, -1))).toEqual([]);
  });

  it('follows the configured warning window', () => {
    const register = makeRegister({ vendors: [{ id: 'v', contract: { end: shift(TODAY, 10) } }] });
    register.config.review = { ...register.config.review, contract_warning_days: 9 };
    expect(runRule(contractExpiring, register, TODAY)).toEqual([]);
    register.config.review = { ...register.config.review, contract_warning_days: 10 };
    expect(runRule(contractExpiring, register, TODAY).map((f) => f.id)).toEqual(['contract-expiring:v']);
    register.config.review = { ...register.config.review, contract_warning_days: 0 };
    expect(runRule(contractExpiring, register, shift(TODAY, 10)).map((f) => f.id)).toEqual(['contract-expiring:v']);
  });

  it('ignores vendors without a contract or without an end', () => {
    expect(runRule(contractExpiring, { vendors: [{ id: 'a', tier: 'critical' }, { id: 'b', contract: { ref: 'x' } }] }, TODAY)).toEqual([]);
  });

  it('says where the notice period stands', () => {
    expect(at(shift(TODAY, 60), { notice_days: 30 })[0].message).toContain('30 days remain to give its 30-day notice');
    expect(at(shift(TODAY, 31), { notice_days: 30 })[0].message).toContain('1 day remains to give its 30-day notice');
    expect(at(shift(TODAY, 30), { notice_days: 30 })[0].message).toContain('30-day notice must be given today');
    expect(at(shift(TODAY, 20), { notice_days: 30 })[0].message).toContain('30-day notice deadline passed 10 days ago');
    expect(at(shift(TODAY, 20))[0].message).not.toContain('notice');
  });

  it('points at contract.end when the loader recorded it', () => {
    const register = makeRegister({ vendors: [{ id: 'v', contract: { end: TODAY } }] });
    withFieldLocs(register.vendors.get('v'), { contract: 1, 'contract.end': 2 });
    expect(runRule(contractExpiring, register, TODAY)[0].location).toEqual(fieldLoc(2));
  });

  it('never fires together with contract-expired, and agrees with a calendar oracle', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => shift('2024-01-01', n));
    fc.assert(fc.property(day, day, fc.integer({ min: 0, max: 400 }), (end, today, warning) => {
      const register = makeRegister({ vendors: [{ id: 'v', tier: 'high', contract: { end } }] });
      register.config.review = { ...register.config.review, contract_warning_days: warning };
      const expiring = runRule(contractExpiring, register, today).length === 1;
      const expired = runRule(contractExpired, register, today).length === 1;
      expect(expired).toBe(end < today);
      expect(expiring).toBe(end >= today && shift(today, warning) >= end);
      expect(expired && expiring).toBe(false);
    }), { numRuns: 300 });
  });
});
