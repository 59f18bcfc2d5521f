// The rules name field paths ('contract.end', 'assessments.1.date', 'contacts', 'owner'): this proves those are the
// paths the real loader records, by loading YAML and checking each finding's line and column.

import { describe, expect, it } from 'vitest';
import { assembleRegister } from '../../../src/register/load-register.js';
import type { Register } from '../../../src/register/types.js';
import type { Rule } from '../../../src/rules/types.js';
import { assessmentFailed } from '../../../src/rules/checks/assessment-failed.js';
import { assessmentOverdue } from '../../../src/rules/checks/assessment-overdue.js';
import { contractExpired } from '../../../src/rules/checks/contract-expired.js';
import { contractExpiring } from '../../../src/rules/checks/contract-expiring.js';
import { missingOwner } from '../../../src/rules/checks/missing-owner.js';
import { missingSecurityContact } from '../../../src/rules/checks/missing-security-contact.js';
import { runRule } from './run-rule.js';

const TODAY = '2026-11-22';

const VENDORS = `vendors:
  - id: parkco
    name: ParkCo
    tier: high
    owner: "  "
    contacts:
      - { name: Desk, email: desk@parkco.example, role: support }
    contract:
      ref: P-1
      end: 2026-10-01
    assessments:
      - date: 2021-01-01
        kind: questionnaire
        result: pass
      - date: 2024-05-02
        kind: pentest
        result: fail
  - id: cleanco
    name: CleanCo
    tier: medium
    contract: { end: 2026-12-01 }
`;

const SYSTEMS = `systems:
  - id: ad-dc
    name: AD
    zone: admin
    criticality: critical
`;

function load(): Register {
  const encode = (text: string) => new TextEncoder().encode(text);
  const { register, diagnostics } = assembleRegister('/virtual', [
    { file: 'sidedoor.yaml', bytes: encode('version: 1\nzones:\n  - { id: admin, trust: 4 }\n') },
    { file: 'systems.yaml', bytes: encode(SYSTEMS) },
    { file: 'vendors/all.yaml', bytes: encode(VENDORS) },
  ]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return register!;
}

const at = (file: string, line: number, column: number) => ({ file, line, column });

describe('hygiene rule locations through the YAML loader', () => {
  const register = load();
  const where = (rule: Rule) => runRule(rule, register, TODAY).map((f) => [f.id, f.location]);

  it('cites the precise field', () => {
    expect(where(contractExpired)).toEqual([['contract-expired:parkco', at('vendors/all.yaml', 10, 7)]]);
    expect(where(contractExpiring)).toEqual([['contract-expiring:cleanco', at('vendors/all.yaml', 21, 17)]]);
    expect(where(assessmentFailed)).toEqual([['assessment-failed:parkco', at('vendors/all.yaml', 17, 9)]]);
    expect(where(missingSecurityContact)).toEqual([['missing-security-contact:parkco', at('vendors/all.yaml', 6, 5)]]);
    expect(where(missingOwner)).toEqual([
      ['missing-owner:parkco', at('vendors/all.yaml', 5, 5)],
      ['missing-owner:ad-dc', at('systems.yaml', 2, 5)],
    ]);
  });

  it('cites the newest assessment\'s date, or the vendor when it has none', () => {
    expect(where(assessmentOverdue)).toEqual([
      ['assessment-overdue:parkco', at('vendors/all.yaml', 15, 9)],
      ['assessment-overdue:cleanco', at('vendors/all.yaml', 18, 5)],
    ]);
  });
});
