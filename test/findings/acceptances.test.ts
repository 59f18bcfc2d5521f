// The acceptance register (SPEC §1.7): wildcards stand for exactly one segment, an acceptance holds through its expiry
// date, expired ones reopen findings and are reported, unused ones are reported.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AcceptanceIndex, applyAcceptances, patternMatches } from '../../src/findings/acceptances.js';
import type { Finding } from '../../src/findings/types.js';
import type { Acceptance } from '../../src/register/types.js';
import { runScan } from '../../src/scan/run-scan.js';
import { makeRegister } from '../helpers/make-register.js';

const acceptance = (finding: string, expires = '2027-01-01'): Acceptance => ({
  finding, reason: 'r', approved_by: 'ciso', expires, loc: { file: 'acceptances.yaml', line: 1, column: 1 }, fieldLocs: new Map(),
});
const finding = (id: string): Finding => ({
  id, rule: id.split(':')[0], severity: 'high', status: 'open', title: id, message: id, subjects: id.split(':').slice(1),
  location: { file: 'a.yaml', line: 1, column: 1 },
});

describe('patternMatches', () => {
  it('matches `*` to exactly one segment', () => {
    expect(patternMatches('weak-authentication:*', 'weak-authentication:a-to-b')).toBe(true);
    expect(patternMatches('unsegmented-path:*:parking-app:*', 'unsegmented-path:low-trust-to-sensitive:parking-app:admin')).toBe(true);
    expect(patternMatches('unsegmented-path:*', 'unsegmented-path:low-trust-to-sensitive:parking-app:admin')).toBe(false);
    expect(patternMatches('*:a', 'missing-owner:a')).toBe(true);
    expect(patternMatches('missing-owner:a', 'missing-owner:ab')).toBe(false);
  });

  it('the index finds exactly what a linear scan finds', () => {
    const segment = fc.constantFrom('a', 'b', 'rule-x', 'rule-y', '*');
    const pattern = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join(':'));
    const id = fc.array(fc.constantFrom('a', 'b', 'rule-x', 'rule-y'), { minLength: 1, maxLength: 4 }).map((s) => s.join(':'));
    fc.assert(fc.property(fc.array(pattern, { maxLength: 12 }), id, (patterns, findingIdValue) => {
      const acceptances = patterns.map((p) => acceptance(p));
      const expected = acceptances.filter((a) => patternMatches(a.finding, findingIdValue));
      expect(new AcceptanceIndex(acceptances).matching(findingIdValue).sort((x, y) => acceptances.indexOf(x) - acceptances.indexOf(y))).toEqual(expected);
    }), { numRuns: 500 });
  });
});

describe('applyAcceptances', () => {
  it('accepts through the expiry date and reopens from the day after', () => {
    const findings = [finding('missing-owner:a'), finding('missing-owner:b')];
    const acceptances = [acceptance('missing-owner:a', '2026-12-06'), acceptance('missing-owner:b', '2026-12-05')];
    const { findings: out, used } = applyAcceptances(findings, acceptances, '2026-12-06');
    expect(out.map((f) => f.status)).toEqual(['accepted', 'open']);
    expect(out[0].acceptedBy).toMatchObject({ approved_by: 'ciso', expires: '2026-12-06' });
    expect(used.size).toBe(2);
  });
});

describe('acceptance findings in a scan', () => {
  it('reports expired and unused acceptances, and accepted findings do not count as open', () => {
    const register = makeRegister({
      zones: [{ id: 'lan', trust: 2 }],
      systems: [{ id: 'a', zone: 'lan', criticality: 'high' }, { id: 'b', zone: 'lan', criticality: 'critical' }],
      acceptances: [acceptance('missing-owner:a'), acceptance('missing-owner:b', '2026-01-01'), acceptance('missing-owner:zzz'), acceptance('missing-owner:*', '2025-01-01')],
    });
    const { findings } = runScan(register, { today: '2026-12-06' });
    expect(findings.map((f) => `${f.id}=${f.status}`)).toEqual([
      'backup-missing:b=open',
      'acceptance-expired:missing-owner:*=open',
      'acceptance-expired:missing-owner:b=open',
      'backup-missing:a=open',
      'acceptance-unused:missing-owner:zzz=open',
      'missing-owner:a=accepted',
      'missing-owner:b=open',
    ]);
  });
});
