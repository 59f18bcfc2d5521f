// The CI gate end to end (issue 5): the BUILT CLI (`npm test` builds first) in real temporary git repositories
// holding the sample city register. Every git and CLI call uses argument arrays, never a shell.

import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(REPO_ROOT, 'bin', 'sidedoor.js');
const SAMPLE_CITY = join(REPO_ROOT, 'samples', 'city');
const TODAY = '2026-12-06';
/** The register lives below the repository root, as in a monorepo. */
const REG = 'security/register';
/** A new link from the public Wi-Fi access point (zone guest-wifi, trust 1) to the domain controller (zone admin). */
const GUEST_TO_ADMIN = '\n  - from: guest-ap\n    to: ad-dc\n    protocol: ldap\n    port: 389\n';
const NEW_LINK_ID = 'guest-ap-to-ad-dc-389';

interface Run { code: number; stdout: string; stderr: string }
interface JsonFinding { id: string; new?: boolean; links?: string[] }
interface JsonScan {
  findings: JsonFinding[];
  summary: { new?: number };
  comparison?: {
    kind: string; ref: string; commit?: string; fixed: { id: string; rule: string; title: string }[];
    new_risky_links: { id: string }[]; worsened: unknown[]; hidden: unknown[]; policy_changes: unknown[]; judged_by?: string;
    cannot_tell?: string;
  };
}

function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  for (const key of ['FORCE_COLOR', 'SIDEDOOR_DEBUG', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'SOURCE_DATE_EPOCH']) delete env[key];
  if (!('GITHUB_STEP_SUMMARY' in extra)) delete env.GITHUB_STEP_SUMMARY;
  return env;
}

function sidedoor(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env: cleanEnv(env), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function json(run: Run): JsonScan {
  return JSON.parse(run.stdout) as JsonScan;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
}

const temps: string[] = [];
/** A fresh repository with the sample register committed at `registerPath` (relative to the repository top). */
function repoWithCity(registerPath = REG): { top: string; reg: string } {
  const top = realpathSync(mkdtempSync(join(tmpdir(), 'sidedoor-ci-gate-')));
  temps.push(top);
  git(top, 'init', '-q', '-b', 'main');
  git(top, 'config', 'user.name', 'CI gate test');
  git(top, 'config', 'user.email', 'ci-gate@sidedoor.invalid');
  git(top, 'config', 'commit.gpgsign', 'false');
  const reg = join(top, registerPath);
  cpSync(SAMPLE_CITY, reg, { recursive: true });
  commit(top, 'the sample register');
  return { top, reg };
}

function commit(top: string, message: string): void {
  git(top, 'add', '-A');
  git(top, 'commit', '-q', '-m', message);
}

function addGuestToAdminLink(reg: string): void {
  appendFileSync(join(reg, 'links', 'guest.yaml'), GUEST_TO_ADMIN);
}

function scanIds(reg: string): Set<string> {
  const run = sidedoor(['scan', '--register', reg, '--today', TODAY, '--format', 'json'], reg);
  expect(run.stderr).toBe('');
  return new Set(json(run).findings.map((f) => f.id));
}

/** Every file below `dir` (the .git directory aside), for "nothing was executed" checks. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const at = stack.pop() as string;
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else out.push(path);
    }
  }
  return out.sort();
}

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
});

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('scan --base', () => {
  it('exits 0 on an unchanged register, with nothing new, nothing fixed and no new risky link', () => {
    const { top, reg } = repoWithCity();
    const run = sidedoor(['scan', '--register', reg, '--today', TODAY, '--format', 'json', '--base', 'HEAD'], top);
    expect(run.code).toBe(0);
    const result = json(run);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((f) => f.new === false)).toBe(true);
    expect(result.summary.new).toBe(0);
    expect(result.comparison).toEqual({
      kind: 'base', ref: 'HEAD', commit: git(top, 'rev-parse', 'HEAD').trim(), judged_by: 'base', worsened: [], hidden: [],
      new_risky_links: [], fixed: [], policy_changes: [],
    });
    // The same register without a base fails: the sample has open critical findings; the gate is what turns them off.
    expect(sidedoor(['scan', '--register', reg, '--today', TODAY], top).code).toBe(1);
  });

  it('exits 1 for a new guest-to-admin link, marks exactly the findings it creates, and names the link', () => {
    const { top, reg } = repoWithCity();
    const before = scanIds(reg);
    addGuestToAdminLink(reg);
    const after = scanIds(reg);
    const created = [...after].filter((id) => !before.has(id)).sort();
    expect(created).toContain('unsegmented-path:low-trust-to-sensitive:guest-ap:admin');

    const check = (ref: string, cwd: string, args: string[] = []) => {
      const run = sidedoor(['scan', ...args, '--today', TODAY, '--format', 'json', '--base', ref], cwd);
      expect(run.code, run.stderr).toBe(1);
      const result = json(run);
      expect(result.findings.filter((f) => f.new === true).map((f) => f.id).sort()).toEqual(created);
      expect(result.findings.every((f) => typeof f.new === 'boolean')).toBe(true);
      expect(result.comparison?.new_risky_links.map((l) => l.id)).toEqual([NEW_LINK_ID]);
      expect(result.comparison?.fixed).toEqual([]);
      expect(result.findings.find((f) => f.id === 'unsegmented-path:low-trust-to-sensitive:guest-ap:admin')?.links).toEqual([NEW_LINK_ID]);
    };
    check('HEAD', top, ['--register', reg]);
    check('HEAD', join(reg, 'links')); // from a subdirectory, finding the root by walking up
    check('main', join(top, 'security'), ['--register', 'register']); // from between the repository top and the register root

    commit(top, 'guest Wi-Fi reaches the domain controller');
    check('HEAD~1', top, ['--register', REG]);
    check('HEAD~1', join(reg, 'systems'));
    const unchanged = sidedoor(['scan', '--register', reg, '--today', TODAY, '--base', 'HEAD'], top);
    expect(unchanged.code).toBe(0);
  });

  it('lists the findings a change fixes, and passes', () => {
    const { top, reg } = repoWithCity();
    addGuestToAdminLink(reg);
    commit(top, 'add the risky link');
    writeFileSync(join(reg, 'links', 'guest.yaml'), git(top, 'show', `HEAD~1:${REG}/links/guest.yaml`));
    const run = sidedoor(['scan', '--today', TODAY, '--format', 'json', '--base', 'HEAD'], reg);
    expect(run.code).toBe(0);
    const fixed = json(run).comparison?.fixed ?? [];
    expect(fixed.map((f) => f.id)).toContain('unsegmented-path:low-trust-to-sensitive:guest-ap:admin');
    expect(fixed.every((f) => f.id.startsWith(`${f.rule}:`) && f.title !== '')).toBe(true);
  });

  it('works with the register at the top of the repository', () => {
    const { top, reg } = repoWithCity('.');
    addGuestToAdminLink(reg);
    const run = sidedoor(['scan', '--today', TODAY, '--format', 'json', '--base', 'HEAD'], join(top, 'vendors'));
    expect(run.code).toBe(1);
    expect(json(run).comparison?.new_risky_links.map((l) => l.id)).toEqual([NEW_LINK_ID]);
  });

  it('refuses option-like, shell-like and unknown refs with exit 2, and executes nothing', () => {
    const { top, reg } = repoWithCity();
    const filesBefore = listFiles(top);
    const cwdBefore = readdirSync(reg).sort();
    const refs: [string[], RegExp][] = [
      [['--base', '-rf'], /--base '-rf' starts with '-'/],
      [['--base=-rf'], /starts with '-'/],
      [['--base', '--output=pwned'], /starts with '-'/],
      [['--base', 'HEAD;touch x'], /--base 'HEAD;touch x': git cannot resolve it to a commit/],
      [['--base', '$(touch x)'], /cannot resolve/],
      [['--base', '`touch x`'], /cannot resolve/],
      [['--base', 'HEAD && touch x'], /cannot resolve/],
      [['--base', 'no-such-ref'], /--base 'no-such-ref': git cannot resolve it to a commit/],
    ];
    for (const [args, message] of refs) {
      const run = sidedoor(['scan', '--today', TODAY, ...args], reg);
      expect(run.code, `${args.join(' ')}: ${run.stderr}${run.stdout.slice(0, 300)}`).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    }
    expect(readdirSync(reg).sort()).toEqual(cwdBefore);
    expect(listFiles(top)).toEqual(filesBefore);
    expect(existsSync(join(reg, 'x')) || existsSync(join(top, 'x')) || existsSync('x')).toBe(false);
    expect(git(top, 'status', '--porcelain')).toBe('');
  });

  it('fails clearly (exit 2) when the register did not exist at the ref, or was invalid there', () => {
    const { top } = repoWithCity();
    const later = join(top, 'another');
    cpSync(SAMPLE_CITY, later, { recursive: true });
    commit(top, 'a second register');
    const absent = sidedoor(['scan', '--today', TODAY, '--base', 'HEAD~1'], later);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/the register did not exist at 'HEAD~1' \(commit [0-9a-f]{12}\): that commit has no another\/sidedoor\.yaml/);
    expect(git(top, 'status', '--porcelain')).toBe(''); // it stopped before scanning: not even a parse cache was written

    writeFileSync(join(later, 'zones.yaml'), 'zones: [\n');
    commit(top, 'break it');
    cpSync(join(SAMPLE_CITY, 'zones.yaml'), join(later, 'zones.yaml'));
    const invalid = sidedoor(['scan', '--today', TODAY, '--base', 'HEAD'], later);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^the register at base 'HEAD' \(commit [0-9a-f]{12}\) is invalid:\n/);
    expect(invalid.stderr).toMatch(/^zones\.yaml:\d+:\d+ {2}invalid YAML/m);
    expect(invalid.stderr).toMatch(/cannot compare with base 'HEAD'/);
  });

  it('refuses --base together with --baseline', () => {
    const { reg } = repoWithCity();
    const run = sidedoor(['scan', '--today', TODAY, '--base', 'HEAD', '--baseline', 'x.json'], reg);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--base and --baseline cannot be used together/);
  });

  it('appends a job summary to GITHUB_STEP_SUMMARY with --format github, keeping what earlier steps wrote', () => {
    const { reg } = repoWithCity();
    addGuestToAdminLink(reg);
    const summary = join(mkdtempSync(join(tmpdir(), 'sidedoor-summary-')), 'summary.md');
    temps.push(dirname(summary));
    writeFileSync(summary, '## an earlier step\n');
    const run = sidedoor(['scan', '--today', TODAY, '--format', 'github', '--base', 'HEAD'], reg, { GITHUB_STEP_SUMMARY: summary });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=security\/register\/links\/guest\.yaml,line=\d+,col=\d+,title=/m);
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('## an earlier step\n## sidedoor: ')).toBe(true);
    expect(written).toContain(NEW_LINK_ID);
  });
});

describe('baseline and scan --baseline', () => {
  it('passes right after `baseline`, fails on a new risky link, and lists stale entries once it is gone', () => {
    const { top, reg } = repoWithCity();
    const written = sidedoor(['baseline', '--today', TODAY], reg);
    expect(written.code).toBe(0);
    const file = join(reg, '.sidedoor-baseline.json');
    expect(written.stderr).toContain(file);
    const baseline = JSON.parse(readFileSync(file, 'utf8')) as { version: number; tool: string; findings: { id: string }[] };
    expect(baseline.version).toBe(2);
    expect(baseline.tool).toBe('sidedoor');
    expect(baseline.findings.map((f) => f.id)).toEqual([...scanIds(reg)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const clean = sidedoor(['scan', '--today', TODAY, '--baseline', file, '--format', 'json'], reg);
    expect(clean.code).toBe(0);
    expect(json(clean).comparison).toEqual({
      kind: 'baseline', ref: file, worsened: [], hidden: [], new_risky_links: [], fixed: [], policy_changes: [],
      cannot_tell: expect.stringMatching(/^a baseline holds finding ids and severities, not the register/),
    });

    const before = scanIds(reg);
    addGuestToAdminLink(reg);
    const created = [...scanIds(reg)].filter((id) => !before.has(id)).sort();
    const risky = sidedoor(['scan', '--today', TODAY, '--baseline', '.sidedoor-baseline.json', '--format', 'json'], reg);
    expect(risky.code).toBe(1);
    expect(json(risky).findings.filter((f) => f.new).map((f) => f.id).sort()).toEqual(created);
    // A baseline cannot tell risky links (it has no register): the new findings are what fail.
    expect(json(risky).comparison?.new_risky_links).toEqual([]);

    // A baseline taken with the link, then the link removed: its findings are stale baseline entries.
    expect(sidedoor(['baseline', '--register', REG, '--today', TODAY, '-o', 'with-link.json'], top).code).toBe(0);
    writeFileSync(join(reg, 'links', 'guest.yaml'), git(top, 'show', `HEAD:${REG}/links/guest.yaml`));
    const stale = sidedoor(['scan', '--register', REG, '--today', TODAY, '--baseline', 'with-link.json', '--format', 'json'], top);
    expect(stale.code).toBe(0);
    expect(json(stale).comparison?.fixed.map((f) => f.id)).toEqual(created);
    expect(stale.stderr).toMatch(new RegExp(`${created.length} stale baseline entr(y|ies) in with-link\\.json`));
  });

  it('is byte-identical for the same register and date, and writes to stdout with -o -', () => {
    const { reg } = repoWithCity();
    const first = sidedoor(['baseline', '--today', TODAY, '-o', '-'], reg);
    const second = sidedoor(['baseline', '--today', TODAY, '-o', '-'], reg);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout.endsWith('}\n')).toBe(true);
    expect(existsSync(join(reg, '.sidedoor-baseline.json'))).toBe(false);
  });

  it('rejects a file that is not a baseline with exit 2 and says what a baseline looks like', () => {
    const { reg } = repoWithCity();
    const scanJson = sidedoor(['scan', '--today', TODAY, '--format', 'json'], reg).stdout;
    const cases: [string, RegExp][] = [
      ['not json at all', /is not valid JSON/],
      [scanJson, /looks like the output of `sidedoor scan --format json`/],
      ['{"version": 3, "tool": "sidedoor", "findings": []}', /`version` must be 1 or 2, not 3/],
      ['{"version": 1, "tool": "sidedoor", "findings": [{"id": "a:b", "rule": "a"}]}', /`findings\[0\]\.title` is missing/],
      ['[]', /must be a JSON object, not an array/],
    ];
    mkdirSync(join(reg, 'bad'));
    for (const [index, [content, problem]] of cases.entries()) {
      const file = join(reg, 'bad', `case-${index}.json`);
      writeFileSync(file, content);
      const run = sidedoor(['scan', '--today', TODAY, '--baseline', file], reg);
      expect(run.code, content.slice(0, 40)).toBe(2);
      expect(run.stderr).toMatch(/is not a sidedoor baseline: /);
      expect(run.stderr).toMatch(problem);
      expect(run.stderr).toContain('A baseline is JSON like {"version": 2, "tool": "sidedoor", "findings": [');
      expect(run.stdout).toBe('');
    }
    const missing = sidedoor(['scan', '--today', TODAY, '--baseline', 'nope.json'], reg);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--baseline nope\.json: no such file; create it with `sidedoor baseline -o nope\.json`/);
  });
});
