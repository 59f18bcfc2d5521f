import { describe, expect, it } from 'vitest';
import { missingOwner } from '../../../src/rules/checks/missing-owner.js';
import type { Level } from '../../../src/register/types.js';
import { makeRegister } from '../../helpers/make-register.js';
import { fieldLoc, runRule, systemLoc, vendorLoc, withFieldLocs } from './run-rule.js';

const TODAY = '2026-11-22';
const LEVELS: Level[] = ['critical', 'high', 'medium', 'low'];

describe('missing-owner', () => {
  it('fires, low, on tier critical/high vendors and criticality high/critical systems without an owner', () => {
    const findings = runRule(missingOwner, {
      zones: [{ id: 'office', trust: 2 }],
      vendors: LEVELS.map((tier) => ({ id: `v-${tier}`, tier })),
      systems: LEVELS.map((criticality) => ({ id: `s-${criticality}`, zone: 'office', criticality })),
    }, TODAY);
    expect(findings.map((f) => [f.id, f.rule, f.severity, f.subjects, f.location])).toEqual([
      ['missing-owner:v-critical', 'missing-owner', 'low', ['v-critical'], vendorLoc(0)],
      ['missing-owner:v-high', 'missing-owner', 'low', ['v-high'], vendorLoc(1)],
      ['missing-owner:s-critical', 'missing-owner', 'low', ['s-critical'], systemLoc(0)],
      ['missing-owner:s-high', 'missing-owner', 'low', ['s-high'], systemLoc(1)],
    ]);
    expect(findings[0].title).toBe('Vendor v-critical has no owner (tier critical)');
    expect(findings[2].title).toBe('System s-critical has no owner (criticality critical)');
  });

  it('is satisfied by an owner, and not by a blank one', () => {
    const register = makeRegister({
      zones: [{ id: 'office', trust: 2 }],
      vendors: [{ id: 'owned', tier: 'critical', owner: 'Procurement' }, { id: 'blank', tier: 'high', owner: '  ' }],
      systems: [{ id: 'erp', name: 'ERP', zone: 'office', criticality: 'high', owner: 'Finance IT' },
        { id: 'ad', name: 'Active Directory', zone: 'office', criticality: 'critical', owner: '' }],
    });
    withFieldLocs(register.vendors.get('blank'), { owner: 5 });
    const findings = runRule(missingOwner, register, TODAY);
    expect(findings.map((f) => [f.id, f.location])).toEqual([
      ['missing-owner:blank', fieldLoc(5)],
      ['missing-owner:ad', systemLoc(1)],
    ]);
    expect(findings[1].message).toContain('System Active Directory (ad) is of criticality critical');
  });

  it('ignores the default criticality (medium) and works with prototype-named ids', () => {
    const findings = runRule(missingOwner, {
      zones: [{ id: 'office', trust: 2 }],
      vendors: [{ id: 'constructor', tier: 'high' }],
      systems: [{ id: 'valueof', zone: 'office' }, { id: '__proto__', zone: 'office', criticality: 'high' }],
    }, TODAY);
    expect(findings.map((f) => f.id)).toEqual(['missing-owner:constructor', 'missing-owner:__proto__']);
  });
});
