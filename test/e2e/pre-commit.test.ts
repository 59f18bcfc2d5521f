// The pre-commit hook as a register's repository uses it: Debian's pre-commit installs `sidedoor-validate` from a git
// repository holding this checkout (not `repo: local`), the way it installs from GitHub, then runs it from a git
// hook when committing. pre-commit's node install runs `npm install` and `npm pack` in its clone, so this proves that
// a clone without dist/ builds (the `prepare` script) and packs with a clean tarball name on stdout (.npmrc).
// It needs pre-commit (.ci/run installs Debian's) and the npm registry for the dependencies; without pre-commit it
// skips, saying so.

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TempRepo } from '../git/git-fixture.js';
import { REPO_ROOT, SAMPLE_MINIMAL } from '../helpers/run-cli.js';

const preCommitVersion = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const missing = preCommitVersion.status === 0 ? '' : 'pre-commit is not installed (apt-get install pre-commit; .ci/run does)';
if (missing !== '') console.warn(`skipping the pre-commit hook test: ${missing}`);

/** This checkout's files (tracked, and new ones not ignored) committed into a fresh repository, as a hook source. */
function hookSource(): { dir: string; rev: string } {
  const source = new TempRepo('sidedoor-hook-source-');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\0').filter((file) => file !== '');
  for (const file of files) {
    mkdirSync(dirname(join(source.dir, file)), { recursive: true });
    try {
      copyFileSync(join(REPO_ROOT, file), join(source.dir, file));
    } catch {
      // A tracked file deleted in the working tree is not part of it.
    }
  }
  return { dir: source.dir, rev: source.commit('sidedoor as a hook source') };
}

describe.skipIf(missing !== '')(`the pre-commit hook, installed by ${preCommitVersion.stdout.trim() || 'pre-commit'}`, () => {
  it('installs from the repository, passes a valid register and blocks an invalid one with file:line', () => {
    const { dir, rev } = hookSource();
    const register = new TempRepo('sidedoor-hook-user-');
    register.write({
      'sidedoor.yaml': readFileSync(join(SAMPLE_MINIMAL, 'sidedoor.yaml'), 'utf8'),
      'register.yaml': readFileSync(join(SAMPLE_MINIMAL, 'register.yaml'), 'utf8'),
      '.pre-commit-config.yaml': `repos:\n  - repo: ${dir}\n    rev: ${rev}\n    hooks:\n      - id: sidedoor-validate\n`,
    });
    // As a person commits: not inside `npm test`, whose npm_* variables would reach pre-commit's npm.
    const userEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD'));
    const env = { ...userEnv, PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'sidedoor-pre-commit-home-')), NO_COLOR: '1' };
    const preCommit = (...args: string[]) => spawnSync('pre-commit', args, { cwd: register.dir, env, encoding: 'utf8' });

    const install = preCommit('install');
    expect(install.status, install.stdout + install.stderr).toBe(0);
    register.git('add', '-A');
    const commit = (message: string) => spawnSync('git', ['commit', '-m', message], { cwd: register.dir, env, encoding: 'utf8' });

    const valid = commit('a valid register');
    expect(valid.status, valid.stdout + valid.stderr).toBe(0);
    expect(valid.stdout + valid.stderr).toMatch(/sidedoor validate\.+Passed/);

    const text = readFileSync(join(register.dir, 'register.yaml'), 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.trim() === 'zone: office' && !l.trimStart().startsWith('#')) + 1;
    expect(line).toBeGreaterThan(0);
    lines[line - 1] = lines[line - 1].replace('zone: office', 'zone: nowhere');
    writeFileSync(join(register.dir, 'register.yaml'), lines.join('\n'));
    register.git('add', '-A');
    const invalid = commit('an invalid register');
    const output = invalid.stdout + invalid.stderr;
    expect(invalid.status, output).not.toBe(0);
    expect(output).toMatch(/sidedoor validate\.+Failed/);
    expect(output).toContain(`register.yaml:${line}:`);
    expect(output).toContain("zone 'nowhere' does not exist");
    // The commit did not happen.
    expect(register.git('log', '--format=%s')).toBe('a valid register\n');
  }, 900_000);
});
