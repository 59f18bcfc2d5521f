import { describe, expect, it } from 'vitest';
import { missingSecurityContact } from '../../../src/rules/checks/missing-security-contact.js';
import type { Contact, Level } from '../../../src/register/types.js';
import { makeRegister } from '../../helpers/make-register.js';
import { fieldLoc, runRule, vendorLoc, withFieldLocs } from './run-rule.js';

const TODAY = '2026-11-22';
const contact = (role: Contact['role']): Contact => ({ name: `${role} desk`, email: `${role}@example.org`, role });

describe('missing-security-contact', () => {
  it('fires, medium, for tier critical and high vendors without a security contact only', () => {
    const tiers: Level[] = ['critical', 'high', 'medium', 'low'];
    const findings = runRule(missingSecurityContact, { vendors: tiers.map((tier) => ({ id: tier, tier })) }, TODAY);
    expect(findings.map((f) => [f.id, f.rule, f.severity, f.subjects, f.location])).toEqual([
      ['missing-security-contact:critical', 'missing-security-contact', 'medium', ['critical'], vendorLoc(0)],
      ['missing-security-contact:high', 'missing-security-contact', 'medium', ['high'], vendorLoc(1)],
    ]);
    expect(findings[0].message).toContain('no contacts at all');
  });

  it('does not count contacts of other roles', () => {
    const [f] = runRule(missingSecurityContact, {
      vendors: [{ id: 'acme', name: 'Acme SA', tier: 'high', contacts: [contact('support'), contact('account'), contact('support')] }],
    }, TODAY);
    expect(f.id).toBe('missing-security-contact:acme');
    expect(f.title).toBe('Vendor Acme SA (acme) has no security contact (tier high)');
    expect(f.message).toContain('only account/support contacts');
  });

  it('is satisfied by one security contact among others', () => {
    expect(runRule(missingSecurityContact, {
      vendors: [{ id: 'acme', tier: 'critical', contacts: [contact('account'), contact('security')] }],
    }, TODAY)).toEqual([]);
  });

  it('points at the contacts list when there is one', () => {
    const register = makeRegister({ vendors: [{ id: 'v', tier: 'high', contacts: [contact('dpo')] }] });
    withFieldLocs(register.vendors.get('v'), { contacts: 3, 'contacts.0': 4 });
    expect(runRule(missingSecurityContact, register, TODAY)[0].location).toEqual(fieldLoc(3));
  });
});
