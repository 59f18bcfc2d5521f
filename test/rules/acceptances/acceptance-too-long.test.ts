// acceptance-too-long (SPEC §1.7, §3.1) and the rule segment of an acceptance pattern. An acceptance whose expiry lies
// more than review.acceptance_max_days after today raises a medium finding that says how long it runs, and still
// applies; `*` in the first (rule) segment is a validation error located at the pattern.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../../src/util/calendar.js';
import { daysBetween } from '../../../src/rules/node-facts.js';
import { loadRegister } from '../../../src/register/load-register.js';
import type { Acceptance } from '../../../src/register/types.js';
import { runScan } from '../../../src/scan/run-scan.js';
import { makeRegister } from '../../helpers/make-register.js';
import { runCli, writeTree } from '../../helpers/run-cli.js';

const TODAY = '2026-12-06';

const acceptance = (finding: string, expires: string): Acceptance => ({
  finding, reason: 'r', approved_by: 'ciso', expires,
  loc: { file: 'acceptances.yaml', line: 3, column: 5 }, fieldLocs: new Map([['expires', { file: 'acceptances.yaml', line: 6, column: 14 }]]),
});

function scan(acceptances: Acceptance[], maxDays?: number) {
  const register = makeRegister({
    zones: [{ id: 'lan', trust: 2 }],
    systems: [{ id: 'a', zone: 'lan', criticality: 'high', controls: { backups: true } }],
    acceptances,
  });
  if (maxDays !== undefined) register.config.review.acceptance_max_days = maxDays;
  return runScan(register, { today: TODAY }).findings;
}

describe('acceptance-too-long', () => {
  it('fires exactly when the expiry is more than acceptance_max_days ahead (oracle: day count)', () => {
    fc.assert(fc.property(fc.integer({ min: -30, max: 900 }), fc.integer({ min: 1, max: 800 }), (ahead, maxDays) => {
      const expires = addDays(TODAY, ahead);
      const findings = scan([acceptance('missing-owner:a', expires)], maxDays);
      const tooLong = findings.filter((f) => f.rule === 'acceptance-too-long');
      expect(tooLong.length).toBe(daysBetween(TODAY, expires) > maxDays ? 1 : 0);
    }), { numRuns: 150 });
  });

  it('is medium, says how long the acceptance runs and the latest allowed date, and the acceptance still applies', () => {
    const findings = scan([acceptance('missing-owner:a', '2036-12-06')]);
    expect(findings.map((f) => `${f.id}=${f.status}`)).toEqual([
      'acceptance-too-long:missing-owner:a=open',
      'missing-owner:a=accepted',
    ]);
    const finding = findings[0];
    expect(finding.severity).toBe('medium');
    expect(finding.location).toEqual({ file: 'acceptances.yaml', line: 6, column: 14 });
    expect(finding.title).toBe('Acceptance of missing-owner:a runs 3,653 days, past the 365-day limit');
    expect(finding.message).toBe('The acceptance of missing-owner:a approved by ciso runs until 2036-12-06, 3,653 days from today, '
      + 'more than the 365 days that review.acceptance_max_days allows. It still applies until then. '
      + 'Shorten it to 2027-12-06 at the latest and renew it when it expires.');
  });

  it('holds at exactly the limit, fires one day past it, and reports a repeated pattern once', () => {
    expect(scan([acceptance('missing-owner:a', addDays(TODAY, 365))]).some((f) => f.rule === 'acceptance-too-long')).toBe(false);
    const past = scan([acceptance('missing-owner:a', addDays(TODAY, 366)), acceptance('missing-owner:a', '2040-01-01')]);
    expect(past.filter((f) => f.rule === 'acceptance-too-long').map((f) => f.id)).toEqual(['acceptance-too-long:missing-owner:a']);
  });
});

describe('review.acceptance_max_days and the rule segment, through the loader', () => {
  const files = (config: string, pattern: string, expires: string) => ({
    'sidedoor.yaml': `version: 1\n${config}`,
    'acceptances.yaml': `acceptances:\n  - finding: "${pattern}"\n    reason: known\n    approved_by: ciso\n    expires: ${expires}\n`,
  });

  it('reads acceptance_max_days from sidedoor.yaml (default 365), and refuses 0', () => {
    expect(loadRegister(writeTree(files('', 'missing-owner:*', '2027-01-01'))).register?.config.review.acceptance_max_days).toBe(365);
    expect(loadRegister(writeTree(files('review:\n  acceptance_max_days: 30\n', 'missing-owner:*', '2027-01-01'))).register?.config.review.acceptance_max_days).toBe(30);
    const zero = loadRegister(writeTree(files('review:\n  acceptance_max_days: 0\n', 'missing-owner:*', '2027-01-01')));
    expect(zero.register).toBeUndefined();
    expect(zero.diagnostics[0]).toMatchObject({ file: 'sidedoor.yaml', line: 3 });
  });

  it.each(['*:parking-app', '*', '*:*', 'weak-*:x', '*-authentication:x'])('refuses %s: the rule is always written out', (pattern) => {
    const loaded = loadRegister(writeTree(files('', pattern, '2027-01-01')));
    expect(loaded.register).toBeUndefined();
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'acceptances.yaml', line: 2, column: 14 });
    expect(errors[0].message).toContain('never `*:parking-app`');
  });

  it.each(['weak-authentication:*', 'unsegmented-path:*:parking-app:*', 'missing-owner:a'])('accepts %s', (pattern) => {
    expect(loadRegister(writeTree(files('', pattern, '2027-01-01'))).diagnostics).toEqual([]);
  });
});

describe('through the built CLI', () => {
  it('scan reports a ten-year acceptance, rules lists the rule, validate locates a `*:` pattern', () => {
    const dir = writeTree({
      'sidedoor.yaml': 'version: 1\n',
      'r.yaml': 'zones:\n  - { id: lan, trust: 2 }\nsystems:\n  - { id: a, name: A, zone: lan, criticality: high, controls: { backups: true } }\n'
        + 'acceptances:\n  - { finding: "missing-owner:a", reason: known, approved_by: ciso, expires: 2036-12-01 }\n',
    });
    const scanned = runCli(['scan', '--register', dir, '--no-cache', '--today', TODAY, '--format', 'json']);
    expect(scanned.code).toBe(0);
    const findings = JSON.parse(scanned.stdout).findings as { id: string; status: string; severity: string; location: { line: number } }[];
    expect(findings.map((f) => [f.id, f.status, f.severity])).toEqual([
      ['acceptance-too-long:missing-owner:a', 'open', 'medium'],
      ['missing-owner:a', 'accepted', 'low'],
    ]);
    expect(runCli(['scan', '--register', dir, '--no-cache', '--today', TODAY, '--fail-on', 'medium']).code).toBe(1);
    const rules = JSON.parse(runCli(['rules', '--format', 'json'], { cwd: '/' }).stdout) as { rules: { id: string; defaultSeverity?: string }[] };
    expect(rules.rules.map((r) => r.id)).toContain('acceptance-too-long');

    const wildcard = writeTree({
      'sidedoor.yaml': 'version: 1\nacceptances:\n  - { finding: "*:a", reason: known, approved_by: ciso, expires: 2027-01-01 }\n',
    });
    const validated = runCli(['validate', '--register', wildcard, '--no-cache']);
    expect(validated.code).toBe(2);
    expect(validated.stdout).toMatch(/^sidedoor\.yaml:3:16 {2}.*never `\*:parking-app`/m);
  });
});
