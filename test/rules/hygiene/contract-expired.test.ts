import { describe, expect, it } from 'vitest';
import { contractExpired } from '../../../src/rules/checks/contract-expired.js';
import type { Level } from '../../../src/register/types.js';
import { makeRegister } from '../../helpers/make-register.js';
import { fieldLoc, runRule, shift, vendorLoc, withFieldLocs } from './run-rule.js';

const TODAY = '2026-11-22';

describe('contract-expired', () => {
  it('fires, high, the day after contract.end, and not on contract.end itself', () => {
    const at = (end: string) => runRule(contractExpired, {
      vendors: [{ id: 'acme', name: 'Acme SA', tier: 'low', contract: { ref: 'C-42', end } }],
    }, TODAY);
    expect(at(TODAY)).toEqual([]);
    expect(at(shift(TODAY, 30))).toEqual([]);
    const [f] = at(shift(TODAY, -1));
    expect([f.id, f.rule, f.severity, f.subjects, f.location]).toEqual(['contract-expired:acme', 'contract-expired', 'high', ['acme'], vendorLoc(0)]);
    expect(f.title).toBe('Acme SA (acme): contract C-42 expired on 2026-11-21, 1 day ago');
    const [older] = at('2026-01-01');
    expect(older.message).toContain('ended on 2026-01-01, 325 days ago');
  });

  it('fires for a tier critical or high vendor with no contract at all, not for lower tiers', () => {
    const tiers: Level[] = ['critical', 'high', 'medium', 'low'];
    const findings = runRule(contractExpired, { vendors: tiers.map((tier) => ({ id: tier, tier })) }, TODAY);
    expect(findings.map((f) => [f.id, f.severity, f.location])).toEqual([
      ['contract-expired:critical', 'high', vendorLoc(0)],
      ['contract-expired:high', 'high', vendorLoc(1)],
    ]);
    expect(findings[0].title).toBe('Vendor critical has no contract on record (tier critical)');
  });

  it('takes a contract without an end as open-ended', () => {
    expect(runRule(contractExpired, { vendors: [{ id: 'v', tier: 'critical', contract: { ref: 'evergreen', start: '2010-01-01' } }] }, TODAY))
      .toEqual([]);
  });

  it('points at contract.end when the loader recorded it', () => {
    const register = makeRegister({ vendors: [{ id: 'v', tier: 'high', contract: { end: '2020-01-01' } }] });
    withFieldLocs(register.vendors.get('v'), { contract: 1, 'contract.end': 2 });
    expect(runRule(contractExpired, register, TODAY)[0].location).toEqual(fieldLoc(2));
  });
});
