// The gate against an attacker (issue 12, SPEC §4.1). Each attack class is committed as a pull request in its own
// real git repository holding the sample city register, and judged by the gate step of docs/ci.md, run exactly as
// that workflow runs it: the command line is read from the document's GitHub Actions job, `sidedoor` becomes the
// built CLI, BASE_REF is the target branch and origin/<target> its remote-tracking ref. Each attack must exit 1 and
// name its category; the controls must exit 0. The same command with `--format json` gives the categories in detail.
// Git and the CLI run with argument arrays, never a shell.

import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI, SAMPLE_CITY } from '../helpers/run-cli.js';
import { TempRepo } from '../git/git-fixture.js';

const TODAY = '2026-12-06';
const doc = readFileSync(new URL('../../docs/ci.md', import.meta.url), 'utf8');

/** The gate step's arguments after `sidedoor`, from the GitHub Actions workflow in docs/ci.md. */
function gateCommand(): string[] {
  for (const match of doc.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)) {
    const workflow = parse(match[1]) as { jobs?: { sidedoor?: { steps: { run?: string }[] } } } | null;
    const steps = workflow?.jobs?.sidedoor?.steps;
    if (steps === undefined) continue;
    const run = steps.at(-1)?.run ?? '';
    // The first workflow is the GitHub Action's; the job written out is the one whose last step runs the gate.
    if (!run.includes('sidedoor scan')) continue;
    const words = [...run.trim().matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
    expect(words[0]).toBe('sidedoor');
    return words.slice(1);
  }
  throw new Error('docs/ci.md has no GitHub Actions job named sidedoor');
}

const GATE = gateCommand();

interface Run { code: number; stdout: string; stderr: string; summary: string }
interface JsonFinding { id: string; severity: string; status: string; new?: boolean; change?: string }
interface Comparison {
  judged_by: string;
  worsened: { id: string; before: string; severity: string; links: string[] }[];
  hidden: { id: string; claims: string[]; shown?: string }[];
  new_risky_links: { id: string; rules: string[]; severity: string }[];
  fixed: { id: string }[];
  policy_changes: { kind: string; subject: string; description: string; weakens: boolean }[];
}
interface JsonScan { findings: JsonFinding[]; comparison: Comparison }

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function env(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: undefined, ...extra };
  for (const key of ['FORCE_COLOR', 'SIDEDOOR_DEBUG', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'SOURCE_DATE_EPOCH']) delete out[key];
  return out;
}

type Edit = (top: string) => void;

/** A repository with the city register at its root on `main` (also origin/main), and the change committed on `pr`. */
function pullRequest(change: Edit): string {
  const repo = new TempRepo('sidedoor-gate-');
  temps.push(repo.dir);
  cpSync(SAMPLE_CITY, repo.dir, { recursive: true });
  repo.commit('the register');
  repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  repo.git('checkout', '-q', '-b', 'pr');
  change(repo.dir);
  repo.commit('the pull request');
  return repo.dir;
}

/** The gate step of docs/ci.md, with `extra` arguments appended (a format or an option under test). */
function gate(top: string, extra: string[] = []): Run {
  const summaryFile = join(top, '..', `${top.split('/').at(-1)}-summary.md`);
  temps.push(summaryFile);
  writeFileSync(summaryFile, '');
  const args = [...GATE.map((w) => w.replace('$BASE_REF', 'main')), '--today', TODAY, ...extra];
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: top, env: env({ BASE_REF: 'main', GITHUB_STEP_SUMMARY: summaryFile }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, summary: readFileSync(summaryFile, 'utf8') };
}

function gateJson(top: string, extra: string[] = []): JsonScan {
  const run = gate(top, [...extra, '--format', 'json']);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as JsonScan;
}

function edit(top: string, file: string, change: (text: string) => string): void {
  const path = join(top, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `edit of ${file} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
}

function append(top: string, file: string, text: string): void {
  edit(top, file, (t) => t + text);
}

/** A clean link: MFA, encrypted, so no link rule fires on it; only the topology can make it risky. */
function cleanLink(from: string, to: string, extra = ''): string {
  return `\n  - from: ${from}\n    to: ${to}\n    protocol: ldaps\n    port: 636\n    auth: mfa\n${extra}`;
}

const GUEST_TO_ADMIN = '\n  - from: guest-ap\n    to: ad-dc\n    protocol: ldap\n    port: 389\n';

function finding(scan: JsonScan, id: string): JsonFinding | undefined {
  return scan.findings.find((f) => f.id === id);
}

/** What the annotation of something that counts against the change says. */
const COUNTING = /(, (new|worsened|hidden)\)$|^::\w+ .*New risky link: )/;

/** The one notice that says how many annotations GitHub will not show (its title is `sidedoor: N more findings`). */
const OVERFLOW_NOTICE = /^::notice title=sidedoor%3A /;

/** The gate exits 1; its GitHub output names `category` in an error, lists what counts against the change before
 * anything else, and its job summary has every section. */
function expectBlocked(top: string, category: RegExp): void {
  const run = gate(top);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  // The notice about annotations past GitHub's 10 per level, when there is one, comes first; then the annotations.
  const all = run.stdout.split('\n').filter((line) => line !== '');
  const lines = OVERFLOW_NOTICE.test(all[0] ?? '') ? all.slice(1) : all;
  expect(lines.filter((line) => OVERFLOW_NOTICE.test(line))).toEqual([]);
  expect(lines.filter((line) => line.startsWith('::error')).some((line) => category.test(line))).toBe(true);
  const counting = lines.map((line) => COUNTING.test(line));
  expect(counting.indexOf(false) === -1 || counting.lastIndexOf(true) < counting.indexOf(false)).toBe(true);
  for (const section of ['New', 'Worsened', 'Hidden by a trust claim', 'New risky links', 'Fixed', 'Policy changes']) {
    expect(run.summary).toContain(`### ${section}`);
  }
}

describe('the gate of docs/ci.md against attacks (each exits 1 and names its category)', () => {
  it('runs the documented command: --base from the environment, GitHub format, no cache switch needed', () => {
    expect(GATE).toEqual(expect.arrayContaining(['scan', '--base', 'origin/$BASE_REF', '--format', 'github']));
    expect(GATE).not.toContain('--no-cache');
  });

  it('a new direct link into the admin zone when that (source, zone) finding already existed through a longer path', () => {
    const top = pullRequest((t) => append(t, 'vendors/parkco.yaml', cleanLink('parking-app', 'ad-dc')));
    expectBlocked(top, /(worsened|New risky link)/);
    const scan = gateJson(top);
    expect(scan.comparison.new_risky_links.map((l) => l.id)).toContain('parking-app-to-ad-dc-636');
    expect(finding(scan, 'unsegmented-path:low-trust-to-sensitive:parking-app:admin')?.change).toBe('worsened');
  });

  it('a new, longer parallel path to a known (source, zone) pair: the witness is unchanged, the links are risky', () => {
    const top = pullRequest((t) => {
      append(t, 'systems/services.yaml', '\n  - id: zz-relay-a\n    name: relay a\n    zone: services\n  - id: zz-relay-b\n    name: relay b\n    zone: services\n');
      append(t, 'vendors/parkco.yaml', cleanLink('parking-app', 'zz-relay-a') + cleanLink('zz-relay-a', 'zz-relay-b') + cleanLink('zz-relay-b', 'ad-dc'));
    });
    expectBlocked(top, /New risky link/);
    const scan = gateJson(top);
    expect(scan.comparison.new_risky_links.map((l) => l.id)).toEqual(expect.arrayContaining([
      'parking-app-to-zz-relay-a-636', 'zz-relay-a-to-zz-relay-b-636', 'zz-relay-b-to-ad-dc-636',
    ]));
    expect(scan.comparison.worsened.map((w) => w.id)).not.toContain('unsegmented-path:low-trust-to-sensitive:parking-app:admin');
    expect(scan.findings.filter((f) => f.change === 'new' && f.severity !== 'low')).toEqual([]);
  });

  it("a new system the vendor runs, linked into admin: the vendor's foothold reaches further (SPEC §2.2, §4.1)", () => {
    // zz-kiosk sits in services (trust 2), so it is no source of its own: only parkco's foothold makes its new link
    // risky, and parkco's known (source, zone) finding now has a shorter witness through the new supply edge.
    const top = pullRequest((t) => {
      append(t, 'systems/services.yaml', '\n  - id: zz-kiosk\n    name: kiosk\n    zone: services\n    vendor: parkco\n');
      append(t, 'vendors/parkco.yaml', cleanLink('zz-kiosk', 'ad-dc'));
    });
    expectBlocked(top, /(worsened|New risky link)/);
    const scan = gateJson(top);
    expect(scan.comparison.new_risky_links.map((l) => l.id)).toContain('zz-kiosk-to-ad-dc-636');
    expect(scan.comparison.worsened).toContainEqual(expect.objectContaining({
      id: 'unsegmented-path:low-trust-to-sensitive:parkco:admin',
      links: expect.arrayContaining(['parkco-supplies-zz-kiosk', 'zz-kiosk-to-ad-dc-636']),
    }));
  });

  it('a known finding that escalates from medium to high', () => {
    const top = pullRequest((t) => edit(t, 'systems/services.yaml', (text) => text.replace(
      /(- id: library-db\n(?: {4}.*\n)*? {4}data: )confidential/, '$1restricted',
    )));
    expectBlocked(top, /worsened/);
    const scan = gateJson(top);
    expect(scan.comparison.worsened).toContainEqual(expect.objectContaining({
      id: 'weak-authentication:library-app-to-library-db-5432', before: 'medium', severity: 'high',
    }));
  });

  it('an existing link retargeted at a sensitive system under the same explicit id', () => {
    // The base has an explicit-id link from the guest Wi-Fi to the library; the change points it at the domain controller.
    const top = pullRequest((t) => edit(t, 'links/guest.yaml', (text) => text.replace(
      /- from: guest-ap\n {4}to: library-app\n {4}protocol: http\n {4}port: 80\n/, '- from: guest-ap\n    to: ad-dc\n    protocol: http\n    port: 80\n    id: guest-ap-to-library-app-80\n',
    )));
    expectBlocked(top, /new/);
    const scan = gateJson(top);
    expect(finding(scan, 'unsegmented-path:low-trust-to-sensitive:guest-ap:admin')?.change).toBe('new');
    expect(scan.comparison.new_risky_links.map((l) => l.id)).toContain('guest-ap-to-library-app-80');
  });

  it('a new vendor placed in a trust-4 zone', () => {
    const top = pullRequest((t) => writeFileSync(join(t, 'vendors', 'zz-insider.yaml'),
      'vendors:\n  - id: zz-insider\n    name: Insider Ltd\n    tier: low\n    zone: admin\nlinks:'
      + cleanLink('zz-insider', 'ad-dc')));
    expectBlocked(top, /hidden|New risky link/);
    const scan = gateJson(top);
    const hidden = scan.comparison.hidden.find((h) => h.id === 'unsegmented-path:low-trust-to-sensitive:zz-insider:admin');
    expect(hidden?.claims.join('\n')).toMatch(/new vendor zz-insider .*third-party → admin/);
    expect(scan.comparison.new_risky_links.map((l) => l.id)).toContain('zz-insider-to-ad-dc-636');
  });

  it('a new file redefining the built-in third-party zone with a higher trust', () => {
    const top = pullRequest((t) => {
      // The city already redefines it in zones.yaml: the attack moves that definition to a new file, at trust 3.
      edit(t, 'zones.yaml', (text) => text.replace(/ {2}- id: third-party\n(?: {4}.*\n)+/, ''));
      writeFileSync(join(t, 'zz-zones.yaml'), 'zones:\n  - id: third-party\n    trust: 3\n');
    });
    expectBlocked(top, /hidden/);
    const scan = gateJson(top);
    const hidden = scan.comparison.hidden.find((h) => h.id === 'unsegmented-path:low-trust-to-sensitive:parkco:admin');
    expect(hidden?.claims).toContain('zone third-party: trust 1 → 3');
  });

  const onPath: [string, Edit, RegExp][] = [
    ['enforcement: true on the pivot of the path', (t) => edit(t, 'systems/services.yaml', (text) => text.replace(
      /(- id: fs-01\n(?: {4}.*\n)*? {4}kind: server\n)/, '$1    enforcement: true\n')), /system fs-01: enforcement false → true/],
    ['a gateway kind on the pivot of the path', (t) => edit(t, 'systems/services.yaml', (text) => text.replace(
      /(- id: fs-01\n(?: {4}.*\n)*? {4}kind: )server/, '$1firewall')), /system fs-01: kind server → firewall/],
    ['a via claimed on the first link of the path', (t) => edit(t, 'vendors/parkco.yaml', (text) => text.replace(
      /(- from: parking-app\n {4}to: fs-01\n)/, '$1    via: [fw-core]\n')), /link parking-app-to-fs-01-445: via fw-core claimed/],
  ];
  for (const [name, change, claim] of onPath) {
    it(`${name}`, () => {
      const top = pullRequest(change);
      expectBlocked(top, /hidden/);
      const scan = gateJson(top);
      const hidden = scan.comparison.hidden.find((h) => h.id === 'unsegmented-path:low-trust-to-sensitive:parking-app:admin');
      expect(hidden?.claims.join('\n')).toMatch(claim);
      expect(finding(scan, hidden?.id ?? '')?.change).toBe('hidden');
    });
  }

  it('redundant: true claimed on a single point of failure', () => {
    const top = pullRequest((t) => edit(t, 'systems/admin.yaml', (text) => text.replace(
      /(- id: ad-dc\n(?: {4}.*\n)*? {4}redundant: )false/, '$1true')));
    expectBlocked(top, /hidden/);
    const scan = gateJson(top);
    expect(scan.comparison.hidden).toContainEqual(expect.objectContaining({
      id: 'single-point-of-failure:ad-dc', claims: ['system ad-dc: redundant false → true'],
    }));
  });

  const policyAttacks: [string, Edit, RegExp][] = [
    ['the rule turned off', (t) => edit(t, 'sidedoor.yaml', (x) => x.replace('rules:\n', 'rules:\n  unsegmented-path: off\n  plaintext-protocol: off\n  weak-authentication: off\n')), /rule unsegmented-path: turned off/],
    ['severities lowered', (t) => edit(t, 'sidedoor.yaml', (x) => x.replace('rules:\n', 'rules:\n  unsegmented-path: low\n  plaintext-protocol: low\n  weak-authentication: low\n')), /rule unsegmented-path: severity default → low/],
    ['builtin: false', (t) => edit(t, 'sidedoor.yaml', (x) => x.replace('builtin: true', 'builtin: false')), /built-in rule low-trust-to-sensitive is turned off/],
    ['a blanket acceptance with a ten-year expiry', (t) => append(t, 'acceptances.yaml', [
      '', ...['unsegmented-path:*:*:*', 'plaintext-protocol:*', 'weak-authentication:*'].flatMap((pattern) => [
        `  - finding: ${pattern}`, '    reason: known', '    approved_by: someone', '    expires: 2036-12-01',
      ]), '',
    ].join('\n')), /acceptance unsegmented-path:\*:\*:\*: added, until 2036-12-01/],
  ];
  for (const [name, weaken, described] of policyAttacks) {
    it(`${name}, committed with the risky link: the base's policy judges, and the change is listed as weakening`, () => {
      const top = pullRequest((t) => {
        weaken(t);
        append(t, 'links/guest.yaml', GUEST_TO_ADMIN);
      });
      expectBlocked(top, /new/);
      const scan = gateJson(top);
      expect(scan.comparison.judged_by).toBe('base');
      expect(finding(scan, 'unsegmented-path:low-trust-to-sensitive:guest-ap:admin')).toMatchObject({ change: 'new', status: 'open' });
      expect(scan.comparison.policy_changes).toContainEqual(expect.objectContaining({ weakens: true, description: expect.stringMatching(described) }));
      const text = gate(top, ['--format', 'table']).stdout;
      expect(text).toContain('POLICY CHANGES (NOT APPLIED UNTIL MERGED)');
      expect(text).toMatch(/\[weakens\]/);
    });
  }
});

describe('the gate of docs/ci.md on honest changes (exit 0)', () => {
  it('reordering entities and moving them between files', () => {
    const top = pullRequest((t) => {
      const text = readFileSync(join(t, 'links', 'guest.yaml'), 'utf8');
      edit(t, 'links/guest.yaml', () => 'links: []\n');
      append(t, 'links/services.yaml', text.slice(text.indexOf('links:') + 'links:'.length));
      edit(t, 'systems/admin.yaml', (x) => `# reordered\n${x}`);
    });
    const run = gate(top);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const scan = gateJson(top);
    expect(scan.findings.filter((f) => f.change !== 'unchanged')).toEqual([]);
    expect(scan.comparison.new_risky_links).toEqual([]);
  });

  it('a real fix that removes a risky link', () => {
    // The first hop of the parking side door (parking-app → fs-01 → ad-dc) goes.
    const top = pullRequest((t) => edit(t, 'vendors/parkco.yaml', (x) => x.replace(/ {2}- from: parking-app\n {4}to: fs-01\n(?: {4}.*\n)+/, '')));
    const run = gate(top);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const scan = gateJson(top);
    expect(scan.comparison.fixed.map((f) => f.id)).toEqual(expect.arrayContaining([
      'unsegmented-path:low-trust-to-sensitive:parking-app:admin', 'unsegmented-path:parking-never-reaches-admin:parking-app:admin',
      'weak-authentication:parking-app-to-fs-01-445',
    ]));
    expect(scan.findings.filter((f) => f.change !== 'unchanged')).toEqual([]);
  });

  it('an acceptance-only change under --policy-from head, which says the head judged', () => {
    const acceptance = '\n  - finding: weak-authentication:parking-app-to-fs-01-445\n    reason: service account rotated monthly\n'
      + '    approved_by: RSSI\n    expires: 2027-03-01\n';
    const top = pullRequest((t) => append(t, 'acceptances.yaml', acceptance));
    const run = gate(top, ['--policy-from', 'head']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.summary).toContain("judged by the head's policy and acceptances (--policy-from head)");
    const scan = gateJson(top, ['--policy-from', 'head']);
    expect(scan.comparison.judged_by).toBe('head');
    expect(finding(scan, 'weak-authentication:parking-app-to-fs-01-445')?.status).toBe('accepted');
    expect(scan.comparison.policy_changes).toContainEqual(expect.objectContaining({ kind: 'acceptance', weakens: true }));
  });

  it('an acceptance committed with the finding it covers: exit 0 when the head judges, exit 1 when the base does', () => {
    const top = pullRequest((t) => {
      append(t, 'links/guest.yaml', cleanLink('guest-ap', 'ad-dc'));
      append(t, 'acceptances.yaml', '\n  - finding: unsegmented-path:low-trust-to-sensitive:guest-ap:admin\n    reason: pilot\n'
        + '    approved_by: RSSI\n    expires: 2027-01-31\n');
    });
    const baseJudged = gate(top);
    expect(baseJudged.code).toBe(1);
    expect(baseJudged.stdout.split('\n').find((line) => !OVERFLOW_NOTICE.test(line))).toMatch(/^::error .*Finding: unsegmented-path:low-trust-to-sensitive:guest-ap:admin \(critical, new\)/);
    const headJudged = gate(top, ['--policy-from', 'head']);
    expect(headJudged.stderr).toBe('');
    expect(headJudged.code).toBe(0);
    const scan = gateJson(top, ['--policy-from', 'head']);
    expect(finding(scan, 'unsegmented-path:low-trust-to-sensitive:guest-ap:admin')?.status).toBe('accepted');
    // The accepted violation lets its own new link through, and only that one.
    expect(scan.comparison.new_risky_links).toEqual([]);
  });
});
