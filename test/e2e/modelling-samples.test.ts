// docs/modelling.md promises what sidedoor finds in each of the four story registers under samples/. This test scans
// each one with the built CLI and holds the guide to its word.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const TODAY = '2026-12-06';
const sample = (name: string) => join(REPO_ROOT, 'samples', name);

interface Finding { id: string; rule: string; severity: string; path?: string[]; links?: string[] }
interface Scan { findings: Finding[]; remediations: { rule: string; cut: string[]; exact: boolean }[] }

function scan(name: string): Scan {
  const run = runCli(['scan', '--register', sample(name), '--format', 'json', '--today', TODAY, '--no-cache']);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Scan;
}

const paths = (result: Scan) => Object.fromEntries(result.findings
  .filter((f) => f.rule === 'unsegmented-path').map((f) => [f.id, (f.path ?? []).join(' ')]));
const ids = (result: Scan) => result.findings.map((f) => f.id);
const severityOf = (result: Scan, id: string) => result.findings.find((f) => f.id === id)?.severity;
const blast = (name: string, node: string) => runCli(['blast-radius', node, '--register', sample(name), '--no-cache']).stdout;

describe('docs/modelling.md, worked examples', () => {
  it('ministry-mailboxes: codes in the mailboxes open TAJ and FPR, and the mail host holds the mailboxes', () => {
    const result = scan('ministry-mailboxes');
    expect(paths(result)).toEqual({
      'unsegmented-path:low-trust-to-sensitive:internet:police-files': 'internet webmail fpr',
      'unsegmented-path:low-trust-to-sensitive:mailhost:police-files': 'mailhost webmail fpr',
    });
    expect(severityOf(result, 'credential-exposure:webmail-to-taj')).toBe('critical');
    expect(severityOf(result, 'credential-exposure:webmail-to-fpr')).toBe('critical');
    expect(severityOf(result, 'weak-authentication:internet-to-webmail')).toBe('high');
    expect(ids(result)).toEqual(expect.arrayContaining(['weak-authentication:webmail-to-taj', 'weak-authentication:webmail-to-fpr']));
    expect(result.remediations).toEqual([{ rule: 'low-trust-to-sensitive', cut: ['webmail-to-fpr', 'webmail-to-taj'], closes: 2, exact: true }]);
    const radius = blast('ministry-mailboxes', 'mailhost');
    expect(radius).toContain('records exposed: 20,600,000 in total');
    expect(radius).toContain('the largest single system holds 20,000,000');
  });

  it('messaging-platform: MFA on the login, yet the platform itself holds the break-glass password', () => {
    const result = scan('messaging-platform');
    expect(paths(result)).toEqual({
      'unsegmented-path:low-trust-to-sensitive:chatco:admin': 'chatco team-chat admin-console',
      'unsegmented-path:low-trust-to-sensitive:internet:admin': 'internet team-chat admin-console',
    });
    expect(severityOf(result, 'credential-exposure:team-chat-to-admin-console')).toBe('critical');
    expect(ids(result)).toContain('weak-authentication:team-chat-to-admin-console');
    expect(ids(result)).not.toContain('weak-authentication:internet-to-team-chat');
  });

  it('education-hr: the hosted HR portal, its fourth party, the pull into payroll, MFA, bulk data and backups', () => {
    const result = scan('education-hr');
    expect(paths(result)).toEqual({
      'unsegmented-path:low-trust-to-sensitive:cloudhost:finance': 'cloudhost hrsoft hr-portal payroll',
      'unsegmented-path:low-trust-to-sensitive:hrsoft:finance': 'hrsoft hr-portal payroll',
      'unsegmented-path:low-trust-to-sensitive:internet:finance': 'internet hr-portal payroll',
      'unsegmented-path:low-trust-to-sensitive:internet:hr': 'internet hr-portal',
    });
    const hrsoft = result.findings.find((f) => f.id === 'unsegmented-path:low-trust-to-sensitive:hrsoft:finance');
    expect(hrsoft?.links).toEqual(['hrsoft-supplies-hr-portal', 'hr-portal-to-payroll-22']);
    expect(severityOf(result, 'weak-authentication:internet-to-hr-portal')).toBe('high');
    expect(ids(result)).toContain('bulk-data-unprotected:hr-portal');
    expect(severityOf(result, 'backup-missing:payroll')).toBe('high');
    const radius = blast('education-hr', 'hrsoft');
    expect(radius).toContain('records exposed: 486,000 in total, 486,000 with no gateway in the way');
    expect(radius).toContain('one person may be counted once per system; the largest single system holds 243,000');
    expect(radius).toContain('hr-portal: hrsoft supplies hr-portal');
    expect(blast('education-hr', 'cloudhost')).toContain('hr-portal: cloudhost supplies hrsoft, hrsoft supplies hr-portal');
  });

  it('parking-vendor: the on-premises product ParkCo still holds, and the kiosk whose vendor holds nothing', () => {
    const result = scan('parking-vendor');
    expect(paths(result)).toEqual({
      'unsegmented-path:low-trust-to-sensitive:parkco:admin': 'parkco parking-app fs-01 ad-dc',
      'unsegmented-path:low-trust-to-sensitive:parking-app:admin': 'parking-app fs-01 ad-dc',
      'unsegmented-path:low-trust-to-sensitive:pay-kiosk:admin': 'pay-kiosk parking-app fs-01 ad-dc',
    });
    const parkco = result.findings.find((f) => f.id === 'unsegmented-path:low-trust-to-sensitive:parkco:admin');
    expect(parkco?.links?.[0]).toBe('parkco-supplies-parking-app');
    expect(result.remediations).toEqual([{ rule: 'low-trust-to-sensitive', cut: ['parking-app-to-fs-01-445'], closes: 3, exact: true }]);
    expect(ids(result)).toContain('vendor-remote-access:parkco-to-parking-app-3389');
    expect(ids(result).some((id) => id.includes(':kioskworks:'))).toBe(false);
    expect(blast('parking-vendor', 'kioskworks')).toContain('it reaches nothing: no link leaves it, and it supplies nothing');
  });
});
