// `sidedoor report` as a user runs it (the BUILT CLI): the sample city's report equals the golden file, two runs are
// byte-identical, -o writes the same bytes, the date follows --today > SOURCE_DATE_EPOCH, and inside git the header
// carries the commit and tree state, and --base marks new findings. git runs with argument arrays, never a shell.

import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_CITY, writeTree } from '../helpers/run-cli.js';
import { GOLDEN_CITY } from '../report/auditor/fixtures.js';

const TODAY = '2026-12-06';
const NO_DATE_ENV = { SOURCE_DATE_EPOCH: undefined };

/** A copy of the sample city outside any git repository. */
function cityCopy(): string {
  const dir = writeTree({}, 'sidedoor-report-');
  cpSync(SAMPLE_CITY, dir, { recursive: true, filter: (source) => !source.includes('.sidedoor-cache') });
  return dir;
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.test', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_INDEX_FILE: undefined },
  });
}

describe('sidedoor report', () => {
  it('writes the golden report of the sample city, and the same bytes on a second run', () => {
    const dir = cityCopy();
    const first = runCli(['report', '--register', dir, '--today', TODAY], { env: NO_DATE_ENV });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(readFileSync(GOLDEN_CITY, 'utf8'));
    const second = runCli(['report', '--today', TODAY], { cwd: join(dir, 'vendors'), env: NO_DATE_ENV });
    expect(second.stdout).toBe(first.stdout);
  });

  it('writes to -o FILE instead of stdout', () => {
    const dir = cityCopy();
    const out = join(dir, 'report.md');
    const run = runCli(['report', '--register', dir, '--today', TODAY, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(GOLDEN_CITY, 'utf8'));
  });

  it('takes the date from SOURCE_DATE_EPOCH when --today is absent, and --today wins over it', () => {
    const dir = cityCopy();
    const epoch = String(Date.UTC(2027, 0, 15) / 1000);
    const fromEpoch = runCli(['report', '--register', dir], { env: { SOURCE_DATE_EPOCH: epoch } });
    expect(fromEpoch.stdout).toContain('| Date | 2027-01-15 |');
    const pinned = runCli(['report', '--register', dir, '--today', TODAY], { env: { SOURCE_DATE_EPOCH: epoch } });
    expect(pinned.stdout).toBe(readFileSync(GOLDEN_CITY, 'utf8'));
  });

  it('refuses a malformed --today and an option-like --base with exit 2', () => {
    const dir = cityCopy();
    const badDate = runCli(['report', '--register', dir, '--today', '2026-13-01']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toBe('sidedoor: --today: 2026-13-01 is not a calendar date (there is no month 13)\n');
    const badBase = runCli(['report', '--register', dir, '--today', TODAY, '--base', '--upload-pack=x']);
    expect(badBase.code).toBe(2);
    expect(badBase.stdout).toBe('');
  });

  it('names the commit and the tree state inside git, and marks findings new against --base', () => {
    const dir = cityCopy();
    git(dir, ['init', '--quiet']);
    git(dir, ['add', '.']);
    git(dir, ['commit', '--quiet', '-m', 'register']);
    const head = git(dir, ['rev-parse', 'HEAD']).trim();

    const clean = runCli(['report', '--register', dir, '--today', TODAY], { env: NO_DATE_ENV });
    expect(clean.stdout).toContain(`| Git commit | ${head} (clean) |`);
    // The run left its parse cache (.sidedoor-cache/, untracked) behind; a README change and an untracked report are
    // not register files either: the register is still clean.
    appendFileSync(join(dir, 'README.md'), '\nedited\n');
    writeFileSync(join(dir, 'report.md'), 'x');
    expect(runCli(['report', '--register', dir, '--today', TODAY], { env: NO_DATE_ENV }).stdout).toBe(clean.stdout);

    appendFileSync(join(dir, 'links', 'guest.yaml'), '\n  - from: guest-ap\n    to: ad-dc\n    protocol: ldap\n    port: 389\n');
    const dirty = runCli(['report', '--register', dir, '--today', TODAY, '--base', 'HEAD'], { env: NO_DATE_ENV });
    expect(dirty.stderr).toBe('');
    expect(dirty.code).toBe(0);
    expect(dirty.stdout).toContain(`| Git commit | ${head} (the register has uncommitted changes) |`);
    expect(dirty.stdout).toContain(`| Compared with | git ref HEAD (commit ${head}) |`);
    expect(dirty.stdout).toMatch(/unsegmented-path:low-trust-to-sensitive:guest-ap:admin · open · new · links\/guest\.yaml:\d+/);
    expect(dirty.stdout).toContain('guest-ap-to-ad-dc-389');
    expect(dirty.stdout).toMatch(/Since git ref HEAD: [1-9]\d* open findings? counts? against the change \([1-9]\d* new, 0 worsened, 0 hidden by a trust claim\), 0 fixed findings, [1-9]\d* new risky links?, 0 policy changes\./);
  });
});
