// SPEC §1.1: nothing in any output may depend on the order in which files are read. Several acceptances may share a
// `finding` pattern, and the acceptance rules report one finding per pattern; which acceptance speaks for it (its
// approver, its dates, its place) must be the same whatever the order of the register's acceptances.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Acceptance } from '../../../src/register/types.js';
import { runScan } from '../../../src/scan/run-scan.js';
import { makeRegister } from '../../helpers/make-register.js';

const TODAY = '2026-12-06';
const PATTERNS = ['missing-owner:a', 'missing-owner:*', 'plaintext-protocol:*'];
const DATES = ['2020-01-01', '2026-12-05', '2027-03-01', '2030-06-30', '2036-12-06'];
const APPROVERS = ['ciso', 'cio', 'dpo'];

const acceptanceArb = fc.record({
  finding: fc.constantFrom(...PATTERNS),
  expires: fc.constantFrom(...DATES),
  approved_by: fc.constantFrom(...APPROVERS),
  line: fc.integer({ min: 1, max: 40 }),
  file: fc.constantFrom('acceptances.yaml', 'more/acceptances.yaml'),
}).map(({ finding, expires, approved_by, line, file }): Acceptance => ({
  finding, reason: 'r', approved_by, expires,
  loc: { file, line, column: 5 }, fieldLocs: new Map([['expires', { file, line: line + 3, column: 14 }]]),
}));

function acceptanceFindings(acceptances: Acceptance[]) {
  const register = makeRegister({
    zones: [{ id: 'lan', trust: 2 }],
    systems: [{ id: 'a', zone: 'lan', criticality: 'high', controls: { backups: true } }],
    acceptances,
  });
  return runScan(register, { today: TODAY }).findings.filter((f) => f.rule.startsWith('acceptance-'));
}

describe('acceptance rules and the order of acceptances', () => {
  it('report the same findings, word for word and place for place, whatever the order (property)', () => {
    fc.assert(fc.property(fc.array(acceptanceArb, { minLength: 1, maxLength: 8 }), fc.nat(), (acceptances, seed) => {
      const shuffled = [...acceptances];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = (seed + i * 7919) % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      expect(acceptanceFindings(shuffled)).toEqual(acceptanceFindings(acceptances));
      expect(acceptanceFindings([...acceptances].reverse())).toEqual(acceptanceFindings(acceptances));
    }), { numRuns: 200 });
  });

  it('lets the acceptance that runs latest speak for its pattern', () => {
    const early: Acceptance = { finding: 'plaintext-protocol:*', reason: 'r', approved_by: 'cio', expires: '2026-01-01',
      loc: { file: 'a.yaml', line: 3, column: 5 }, fieldLocs: new Map() };
    const late: Acceptance = { ...early, approved_by: 'ciso', expires: '2026-06-30', loc: { file: 'b.yaml', line: 9, column: 5 } };
    for (const order of [[early, late], [late, early]]) {
      const [expired] = acceptanceFindings(order).filter((f) => f.rule === 'acceptance-expired');
      expect(expired.title).toBe('Acceptance of plaintext-protocol:* expired on 2026-06-30');
      expect(expired.location).toEqual({ file: 'b.yaml', line: 9, column: 5 });
    }
  });
});
