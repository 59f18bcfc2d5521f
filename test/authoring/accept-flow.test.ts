// `sidedoor accept`: the pattern is matched against the current findings (shown before any question), and the
// expiry defaults to 90 days ahead and may be at most one calendar year ahead, never in the past.

import { describe, expect, it } from 'vitest';
import { describeMatches, expiryCheck, latestExpiry, matchingFindings } from '../../src/authoring/acceptance-flow.js';
import { runAcceptFlow } from '../../src/authoring/add-flow.js';
import { addDays, addOneYear } from '../../src/authoring/dates.js';
import type { Finding } from '../../src/findings/types.js';
import { acceptanceSchema } from '../../src/register/schema.js';
import { runScan } from '../../src/scan/run-scan.js';
import { BASE_FILES, workspaceOf } from './fixtures.js';
import { CTRL_C, ScriptedPrompter } from './scripted-prompter.js';

const TODAY = '2026-06-15';

function finding(id: string, extra: Partial<Finding> = {}): Finding {
  const [rule, ...subjects] = id.split(':');
  return {
    id, rule, subjects, severity: 'high', status: 'open', title: `title of ${id}`, message: '',
    location: { file: 'x.yaml', line: 1, column: 1 }, ...extra,
  };
}

describe('calendar arithmetic', () => {
  it('adds days across months and years, and a calendar year with 29 February becoming 28 February', () => {
    expect(addDays('2026-12-20', 90)).toBe('2027-03-20');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addOneYear('2026-06-15')).toBe('2027-06-15');
    expect(addOneYear('2024-02-29')).toBe('2025-02-28');
  });
});

describe('matching findings', () => {
  const findings = ['weak-authentication:a-to-b', 'weak-authentication:c-to-d', 'unsegmented-path:rule:src:admin'].map((id) => finding(id));

  it('matches an exact id, or a pattern where * is one segment', () => {
    expect(matchingFindings('weak-authentication:a-to-b', findings).map((f) => f.id)).toEqual(['weak-authentication:a-to-b']);
    expect(matchingFindings('weak-authentication:*', findings)).toHaveLength(2);
    expect(matchingFindings('unsegmented-path:rule:*', findings)).toHaveLength(0);
    expect(matchingFindings('unsegmented-path:rule:*:admin', findings)).toHaveLength(1);
  });

  it('lists what the acceptance will cover, saying which are already accepted', () => {
    const accepted = finding('weak-authentication:c-to-d', {
      status: 'accepted',
      acceptedBy: { finding: 'weak-authentication:c-to-d', reason: 'r', approved_by: 'a', expires: '2026-09-01', location: { file: 'a.yaml', line: 2, column: 5 } },
    });
    expect(describeMatches('weak-authentication:*', [findings[0], accepted])).toBe([
      'weak-authentication:* matches 2 current findings:',
      '  high     weak-authentication:a-to-b',
      '           title of weak-authentication:a-to-b',
      '  high     weak-authentication:c-to-d, already accepted until 2026-09-01',
      '           title of weak-authentication:c-to-d',
      '',
    ].join('\n'));
  });
});

describe('expiry', () => {
  const check = expiryCheck(TODAY);
  it.each([
    ['2026-06-15', true],
    ['2027-06-15', true],
    ['2027-06-16', 'must be at most one year ahead (2027-06-15 at the latest)'],
    ['2026-06-14', 'must be today (2026-06-15) or later'],
    ['2026-02-30', '2026-02-30 is not a calendar date (February 2026 has 28 days)'],
    ['15/06/2027', "must be a date written YYYY-MM-DD, got '15/06/2027'"],
  ])('%s', (value, verdict) => {
    expect(check(value)).toBe(verdict);
  });

  it('never goes past review.acceptance_max_days, so a new acceptance never raises acceptance-too-long', () => {
    expect(expiryCheck(TODAY, 30)('2026-07-16')).toBe('must be at most 30 days ahead, as review.acceptance_max_days says (2026-07-15 at the latest)');
    expect(expiryCheck(TODAY, 30)('2026-07-15')).toBe(true);
    // One calendar year across 29 February is 366 days: capped at 365 by default.
    expect(latestExpiry('2027-06-15', 365)).toBe('2028-06-14');
    expect(expiryCheck('2027-06-15')('2028-06-15')).toBe('must be at most 365 days ahead, as review.acceptance_max_days says (2028-06-14 at the latest)');
    expect(latestExpiry(TODAY, 5000)).toBe('2027-06-15');
  });
});

describe('the accept flow', () => {
  const register = `${BASE_FILES['links.yaml']}\n  - from: acme\n    to: dc\n    kind: remote-access\n    auth: password\n`;
  const workspace = workspaceOf({ ...BASE_FILES, 'links.yaml': register });
  const findings = runScan(workspace.register ?? (() => { throw new Error('invalid fixture'); })(), { today: TODAY }).findings;
  const pattern = 'vendor-remote-access:*';
  const matches = matchingFindings(pattern, findings);

  it('shows the findings, asks reason, approver, expiry (default 90 days) and ticket, and plans acceptances.yaml', async () => {
    expect(matches.map((f) => f.id)).toEqual(['vendor-remote-access:acme-to-dc']);
    const prompter = new ScriptedPrompter({
      reason: ['', 'Vendor VPN being replaced'], approved_by: 'CISO', expires: ['2028-01-01', ''], ticket: 'SEC-9',
    });
    const plan = await runAcceptFlow(prompter, workspace, pattern, matches, TODAY);
    const acceptance = { finding: pattern, reason: 'Vendor VPN being replaced', approved_by: 'CISO', expires: '2026-09-13', ticket: 'SEC-9' };
    expect(plan?.entity).toEqual(acceptance);
    expect(acceptanceSchema.parse(acceptance)).toEqual(acceptance);
    expect(plan?.file).toBe('acceptances.yaml');
    expect(plan?.after).toBe(`acceptances:\n  - finding: vendor-remote-access:*\n    reason: Vendor VPN being replaced\n    approved_by: CISO\n    expires: 2026-09-13\n    ticket: SEC-9\n`);
    expect(prompter.said[0]).toMatch(/^vendor-remote-access:\* matches 1 current finding:\n  critical vendor-remote-access:acme-to-dc\n/);
    expect(prompter.asked.find((q) => q.name === 'expires')?.default).toBe('2026-09-13');
    expect(prompter.rejected.map((r) => r.name)).toEqual(['reason', 'expires']);
  });

  it('appends to the file already holding acceptances', async () => {
    const held = workspaceOf({ ...BASE_FILES, 'links.yaml': register, 'risk/accepted.yaml': '# accepted risks\nacceptances:\n  - finding: x:y\n    reason: r\n    approved_by: a\n    expires: 2026-07-01\n' });
    const plan = await runAcceptFlow(new ScriptedPrompter({ reason: 'r', approved_by: 'a' }), held, pattern, matches, TODAY);
    expect(plan?.file).toBe('risk/accepted.yaml');
    expect(plan?.after.startsWith(held.files.get('risk/accepted.yaml')?.text ?? '?')).toBe(true);
  });

  it('stops at Ctrl-C', async () => {
    await expect(runAcceptFlow(new ScriptedPrompter({ reason: 'r', approved_by: CTRL_C }), workspace, pattern, matches, TODAY))
      .rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});
