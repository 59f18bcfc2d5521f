// `sidedoor scan` on the sample city, as a user runs it: the seed scenarios of issues 3 and 4, the JSON contract of
// SPEC §3.3, exit codes, and byte-identical output.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_CITY, writeTree } from '../helpers/run-cli.js';

const TODAY = ['--today', '2026-12-06'];

interface JsonFinding {
  id: string; rule: string; severity: string; status: string; new?: boolean; title: string; message: string;
  subjects: string[]; path?: string[]; links?: string[]; impact?: string[]; impact_count?: number;
  location: { file: string; line: number; column: number };
}

function scanJson(args: string[] = []) {
  const run = runCli(['scan', '--register', SAMPLE_CITY, ...TODAY, '--format', 'json', ...args]);
  return { run, json: JSON.parse(run.stdout) as { findings: JsonFinding[]; remediations: unknown[]; summary: Record<string, number> } & Record<string, unknown> };
}

const byId = (findings: JsonFinding[], id: string) => findings.find((f) => f.id === id);

describe('sidedoor scan on the sample city', () => {
  const { run, json } = scanJson();

  it('exits 1 (open findings at or above high) and follows the JSON contract of SPEC §3.3', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(Object.keys(json)).toEqual(['tool', 'today', 'register', 'findings', 'remediations', 'summary']);
    expect(json.tool).toEqual({ name: 'sidedoor', version: '0.1.0' });
    expect(json.today).toBe('2026-12-06');
    expect(json.register).toEqual({ root: 'samples/city', files: 32, zones: 11, vendors: 15, systems: 48, links: 79 });
    for (const finding of json.findings) {
      expect(finding.id).toBe([finding.rule, ...finding.subjects].join(':'));
      expect(['open', 'accepted']).toContain(finding.status);
      expect(finding).not.toHaveProperty('new');
      expect(finding.location.line).toBeGreaterThan(0);
      expect(readFileSync(join(SAMPLE_CITY, finding.location.file), 'utf8').length).toBeGreaterThan(0);
    }
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    const sorted = [...json.findings].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(json.findings.map((f) => f.id)).toEqual(sorted.map((f) => f.id));
    const open = json.findings.filter((f) => f.status === 'open');
    expect(json.summary).toEqual({
      critical: open.filter((f) => f.severity === 'critical').length, high: open.filter((f) => f.severity === 'high').length,
      medium: open.filter((f) => f.severity === 'medium').length, low: open.filter((f) => f.severity === 'low').length,
      info: 0, accepted: json.findings.length - open.length,
    });
  });

  it('finds the parking app reaching the admin network through the file server', () => {
    const finding = byId(json.findings, 'unsegmented-path:low-trust-to-sensitive:parking-app:admin');
    expect(finding).toMatchObject({
      severity: 'critical', status: 'open', subjects: ['low-trust-to-sensitive', 'parking-app', 'admin'],
      path: ['parking-app', 'fs-01', 'ad-dc'], links: ['parking-app-to-fs-01-445', 'fs-01-to-ad-dc-389'],
      location: { file: 'vendors/parkco.yaml' },
    });
    expect(finding?.title).toBe('parking-app (zone parking (trust 1)) reaches zone admin (trust 4) with no gateway');
  });

  it('lets credential links bypass segmentation', () => {
    expect(byId(json.findings, 'unsegmented-path:low-trust-to-sensitive:parlotte-chat:police-municipale'))
      .toMatchObject({ path: ['parlotte-chat', 'police-db'], links: ['parlotte-chat-to-police-db'] });
    expect(byId(json.findings, 'credential-exposure:parlotte-chat-to-police-db')).toMatchObject({ severity: 'critical' });
  });

  it('does not flag the bastion access of vendors that come in with MFA on demand, only what they hold beyond it', () => {
    for (const vendor of ['sentinelle', 'rempart']) {
      expect(json.findings.filter((f) => f.rule === 'vendor-remote-access' && f.message.includes(`vendor ${vendor} `))).toEqual([]);
    }
    // Rempart operates the SIEM, which links nowhere: nothing. Sentinelle supplies police-rms, which reaches the AD.
    expect(json.findings.filter((f) => f.rule === 'unsegmented-path' && f.subjects[1] === 'rempart')).toEqual([]);
    expect(json.findings.filter((f) => f.rule === 'unsegmented-path' && f.subjects[1] === 'sentinelle')).toMatchObject([{
      id: 'unsegmented-path:low-trust-to-sensitive:sentinelle:admin',
      path: ['sentinelle', 'police-rms', 'ad-dc'], links: ['sentinelle-supplies-police-rms', 'police-rms-to-ad-dc-636'],
    }]);
  });

  it('reports a minimum cut per policy rule', () => {
    expect(json.remediations).toEqual([
      // Vendors' footholds hold targets (fin-app, rh-admin, police-rms), so this cut is the split-node one.
      {
        rule: 'low-trust-to-sensitive',
        cut: [
          'fin-app-to-ad-dc-636', 'fin-app-to-fin-db-1433', 'ged-to-ad-dc-636', 'gis-app-to-ad-dc-636', 'parking-app-to-fs-01-445',
          'parlotte-chat-to-police-db', 'police-rms-to-ad-dc-636', 'police-rms-to-police-db-1433', 'rh-admin-to-ad-dc-636',
          'rh-admin-to-fin-app-443',
        ],
        closes: 17,
        exact: false,
      },
      { rule: 'parking-never-reaches-admin', cut: ['parking-app-to-fs-01-445'], closes: 2, exact: true },
      { rule: 'guest-never-reaches-internal', cut: ['guest-ap-to-library-app-80'], closes: 1, exact: true },
    ]);
  });

  it('flags the single domain controller as a critical single point of failure, with its impact', () => {
    const finding = byId(json.findings, 'single-point-of-failure:ad-dc');
    expect(finding).toMatchObject({ severity: 'critical', impact_count: 15 });
    expect(finding?.impact).toEqual(['ad-dc', 'admin-wks', 'bastion-01', 'fin-app', 'fs-01', 'ged', 'gis-app', 'hr-wks', 'intranet', 'mail-srv', 'office-wks', 'police-rms', 'police-wks', 'rh-admin', 'vpn-01']);
  });

  it('does not make either redundant uplink a single point of failure', () => {
    expect(byId(json.findings, 'single-point-of-failure:uplink-a')).toBeUndefined();
    expect(byId(json.findings, 'single-point-of-failure:uplink-b')).toBeUndefined();
  });

  it('flags the cloud provider used directly and as a subprocessor for concentration', () => {
    const finding = byId(json.findings, 'vendor-concentration:nuage-cloud');
    expect(finding).toMatchObject({ severity: 'high' });
    expect(finding?.impact_count).toBeGreaterThanOrEqual(3);
  });

  it('marks accepted findings and judges the acceptance register', () => {
    expect(byId(json.findings, 'unsegmented-path:guest-never-reaches-internal:guest-ap:services')?.status).toBe('accepted');
    expect(byId(json.findings, 'acceptance-expired:plaintext-protocol:guest-ap-to-library-app-80')?.status).toBe('open');
    expect(byId(json.findings, 'plaintext-protocol:guest-ap-to-library-app-80')?.status).toBe('open');
    expect(json.findings.some((f) => f.rule === 'acceptance-unused')).toBe(true);
  });

  it('prints byte-identical output on every run, in every format', () => {
    for (const format of ['json', 'table', 'sarif', 'github', 'gitlab', 'junit']) {
      const first = runCli(['scan', '--register', SAMPLE_CITY, ...TODAY, '--format', format]);
      const second = runCli(['scan', '--register', SAMPLE_CITY, ...TODAY, '--format', format], { cwd: SAMPLE_CITY });
      expect(first.code).toBe(1);
      if (format !== 'json') expect(second.stdout).toBe(first.stdout);
    }
    expect(scanJson().run.stdout).toBe(run.stdout);
  });

  it('prints a readable table grouped by severity, with witness paths and a summary line', () => {
    const table = runCli(['scan', '--register', SAMPLE_CITY, ...TODAY]);
    expect(table.stdout).toMatch(/^CRITICAL \(\d+\)/);
    expect(table.stdout).toContain('path: parking-app → fs-01 → ad-dc');
    expect(table.stdout).toMatch(/\d+ open \(.*\), 2 accepted; failing on high and above/);
    expect(table.stdout).not.toContain('\u001b[');
  });
});

describe('scan options', () => {
  it('--fail-on critical still fails; --rule narrows the report; an unknown rule is a usage error', () => {
    expect(runCli(['scan', '--register', SAMPLE_CITY, ...TODAY, '--fail-on', 'critical']).code).toBe(1);
    const only = scanJson(['--rule', 'bulk-data-unprotected']);
    expect(only.json.findings.map((f) => f.id)).toEqual(['bulk-data-unprotected:rh-admin']);
    expect(only.json.remediations).toEqual([]);
    expect(only.run.code).toBe(1);
    const unknown = runCli(['scan', '--register', SAMPLE_CITY, '--rule', 'bulk-data']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown rule 'bulk-data'/);
  });

  it('exits 0 when nothing reaches --fail-on, and 2 on a bad --today', () => {
    const dir = writeTree({ 'sidedoor.yaml': 'version: 1\n', 'a.yaml': 'zones:\n  - id: lan\n    trust: 2\nsystems:\n  - id: a\n    name: A\n    zone: lan\n' });
    const clean = runCli(['scan', '--register', dir, ...TODAY]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/no open findings/);
    expect(runCli(['scan', '--register', dir, '--today', '2026-02-30']).code).toBe(2);
  });

  it('applies rules: overrides (off and severity) from sidedoor.yaml', () => {
    const files = {
      'a.yaml': 'zones:\n  - id: lan\n    trust: 2\n  - id: hr\n    trust: 3\nsystems:\n  - id: a\n    name: A\n    zone: lan\n  - id: b\n    name: B\n    zone: hr\nlinks:\n  - from: a\n    to: b\n    protocol: http\n',
    };
    const base = runCli(['scan', '--register', writeTree({ 'sidedoor.yaml': 'version: 1\n', ...files }), ...TODAY, '--format', 'json']);
    expect(JSON.parse(base.stdout).findings.map((f: JsonFinding) => `${f.id}=${f.severity}`)).toEqual(['plaintext-protocol:a-to-b=high', 'weak-authentication:a-to-b=medium']);
    const tuned = runCli(['scan', '--register', writeTree({ 'sidedoor.yaml': 'version: 1\nrules:\n  plaintext-protocol: off\n  weak-authentication: { severity: critical }\n', ...files }), ...TODAY, '--format', 'json']);
    expect(JSON.parse(tuned.stdout).findings.map((f: JsonFinding) => `${f.id}=${f.severity}`)).toEqual(['weak-authentication:a-to-b=critical']);
  });

  it('exits 2 with the validate diagnostics on an invalid register', () => {
    const dir = writeTree({ 'sidedoor.yaml': 'version: 1\n', 'a.yaml': 'zones:\n  - id: a\n    trust: high\n' });
    const run = runCli(['scan', '--register', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^a\.yaml:3:12 {2}zone 'a': `trust` must be a number/m);
    expect(run.stdout).toBe('');
  });

  it('writes -o files atomically and refuses an unwritable path with exit 2', () => {
    const dir = writeTree({});
    const ok = runCli(['scan', '--register', SAMPLE_CITY, ...TODAY, '--format', 'json', '-o', join(dir, 'out.json')]);
    expect(ok.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).findings.length).toBeGreaterThan(10);
    const bad = runCli(['scan', '--register', SAMPLE_CITY, ...TODAY, '-o', join(dir, 'missing', 'out.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot write .*out\.txt: no such directory/);
  });
});
