// What `-o` refuses to write (SPEC §4.1: nothing committed may decide where the tool writes), and what it keeps:
// `-o -` is stdout; a symbolic link on a directory inside the checkout is never followed; register files, anything
// in `.git`, and the `--baseline` input are never replaced; a replaced file keeps its owner, group and mode. The last
// test is the attack of issue 12 as a CI job meets it: a pull request commits a symlink at the `-o` path, the job
// clones and runs the documented command as root, and the link's target must stay untouched.

import { chmodSync, chownSync, cpSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync,
  symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_MINIMAL } from '../helpers/run-cli.js';
import { TempRepo } from '../git/git-fixture.js';
import { expectCleanRun, permissionsAreIgnored, runBounded, TODAY } from './hostile-cli.js';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'sidedoor-guard-'));
}

/** A copy of the minimal sample, so writes next to it never touch the repository. */
function registerCopy(): string {
  const dir = scratch();
  cpSync(SAMPLE_MINIMAL, dir, { recursive: true });
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (lstatSync(path).isFile()) files[name] = readFileSync(path, 'utf8');
  }
  return files;
}

const writers = (register: string): ((out: string) => string[])[] => [
  (out) => ['scan', '--register', register, '--no-cache', '--today', TODAY, '--format', 'json', '-o', out],
  (out) => ['report', '--register', register, '--no-cache', '--today', TODAY, '-o', out],
  (out) => ['graph', '--register', register, '--no-cache', '--format', 'json', '-o', out],
  (out) => ['baseline', '--register', register, '--no-cache', '--today', TODAY, '-o', out],
];

describe('-o -', () => {
  it('writes to stdout in every command that takes -o, and creates no file named -', () => {
    const cwd = scratch();
    const [scan, report, graph, baseline] = writers(SAMPLE_MINIMAL).map((w) => runBounded(w('-'), { cwd }));
    for (const run of [scan, report, graph, baseline]) {
      expectCleanRun(run);
      expect(run.stdout.length, run.args.join(' ')).toBeGreaterThan(0);
    }
    expect(Object.keys(JSON.parse(scan.stdout).summary)).toContain('critical');
    expect(report.stdout).toMatch(/^# /);
    expect(JSON.parse(graph.stdout).graph.name).toBe('sidedoor');
    expect(JSON.parse(baseline.stdout)).toBeTypeOf('object');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('pipes into jq as docs promise: scan -o - --format json | jq .summary', () => {
    const jq = execFileSync('sh', ['-c', 'command -v jq || true'], { encoding: 'utf8' }).trim();
    const run = runBounded(['scan', '--register', SAMPLE_MINIMAL, '--no-cache', '--today', TODAY, '-o', '-', '--format', 'json']);
    const summary = jq === ''
      ? JSON.parse(run.stdout).summary
      : JSON.parse(execFileSync(jq, ['.summary'], { input: run.stdout, encoding: 'utf8' }));
    expect(summary).toEqual(JSON.parse(run.stdout).summary);
    expect(typeof summary.high).toBe('number');
  });
});

describe('-o refuses what it must not replace', () => {
  it('a register file, or a new YAML file the register would read, in every command', () => {
    const register = registerCopy();
    const before = snapshot(register);
    for (const writer of writers(register)) {
      for (const [name, reason] of [
        ['sidedoor.yaml', 'it is a register file'],
        ['register.yaml', 'it is a register file'],
        ['new/findings.yml', 'it is inside the register, which would read it as a register file'],
      ]) {
        mkdirSync(join(register, 'new'), { recursive: true });
        const out = join(register, name);
        const run = runBounded(writer(out));
        expectCleanRun(run);
        expect(run.code, run.args.join(' ')).toBe(2);
        expect(run.stderr).toBe(`sidedoor: cannot write ${out}: ${reason}\n`);
      }
    }
    expect(snapshot(register)).toEqual(before);
    // Next to the register, anything else is fine: a report, or YAML in a directory discovery skips.
    expect(runBounded(writers(register)[1](join(register, 'report.md'))).code).toBe(0);
    expect(runBounded(writers(register)[0](join(register, '.out', 'scan.yaml'))).code).toBe(2); // missing directory
    mkdirSync(join(register, '.out'));
    expect(runBounded(writers(register)[0](join(register, '.out', 'scan.yaml'))).code).toBe(1); // written; findings fail
    expect(JSON.parse(readFileSync(join(register, '.out', 'scan.yaml'), 'utf8')).tool.name).toBe('sidedoor');
  });

  it('a register file reached through a symlink elsewhere, or with ../ in the path', () => {
    const register = registerCopy();
    const outside = scratch();
    symlinkSync(register, join(outside, 'reg'));
    const before = snapshot(register);
    for (const out of [join(outside, 'reg', 'register.yaml'), join(register, 'new', '..', 'sidedoor.yaml')]) {
      mkdirSync(join(register, 'new'), { recursive: true });
      const run = runBounded(writers(register)[0](out), { cwd: scratch() });
      expectCleanRun(run);
      expect(run.code, out).toBe(2);
      expect(run.stderr).toMatch(/: it is a register file\n$/);
    }
    expect(snapshot(register)).toEqual(before);
  });

  it('anything inside .git, of the repository holding the register or the working directory', () => {
    const repo = new TempRepo();
    cpSync(SAMPLE_MINIMAL, join(repo.dir, 'register'), { recursive: true });
    repo.commit('register');
    const config = readFileSync(join(repo.dir, '.git', 'config'), 'utf8');
    for (const out of ['.git/config', '.git/hooks/post-checkout', 'register/../.git/info/exclude']) {
      const run = runBounded(writers('register')[0](out), { cwd: repo.dir });
      expectCleanRun(run);
      expect(run.code, out).toBe(2);
      expect(run.stderr).toBe(`sidedoor: cannot write ${out}: it is inside a .git directory\n`);
    }
    expect(readFileSync(join(repo.dir, '.git', 'config'), 'utf8')).toBe(config);
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'post-checkout'))).toBe(false);
  });

  it('a linked worktree\'s git directory, named by its .git file', () => {
    const repo = new TempRepo();
    cpSync(SAMPLE_MINIMAL, join(repo.dir, 'register'), { recursive: true });
    repo.commit('register');
    const worktree = join(scratch(), 'wt');
    repo.git('worktree', 'add', '-q', worktree);
    const gitDir = readFileSync(join(worktree, '.git'), 'utf8').replace(/^gitdir: /, '').trim();
    const out = join(gitDir, 'HEAD');
    const head = readFileSync(out, 'utf8');
    const run = runBounded(writers('register')[0](out), { cwd: worktree });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`sidedoor: cannot write ${out}: it is inside a .git directory\n`);
    expect(readFileSync(out, 'utf8')).toBe(head);
  });

  it('the --baseline input of the same run', () => {
    const dir = scratch();
    const baseline = join(dir, 'known.json');
    expect(runBounded(['baseline', '--register', SAMPLE_MINIMAL, '--no-cache', '--today', TODAY, '-o', baseline]).code).toBe(0);
    const known = readFileSync(baseline, 'utf8');
    const run = runBounded(['scan', '--register', SAMPLE_MINIMAL, '--no-cache', '--today', TODAY, '--baseline', baseline, '-o', baseline]);
    expectCleanRun(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`sidedoor: cannot write ${baseline}: it is the --baseline input of this run\n`);
    expect(readFileSync(baseline, 'utf8')).toBe(known);
    // The same file under another name (a hard link) is the same input.
    const alias = join(dir, 'alias.json');
    linkSync(baseline, alias);
    const linked = runBounded(['scan', '--register', SAMPLE_MINIMAL, '--no-cache', '--today', TODAY, '--baseline', baseline, '-o', alias]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain(`sidedoor: cannot write ${alias}: it is the --baseline input of this run\n`);
    expect(readFileSync(baseline, 'utf8')).toBe(known);
  });
});

describe('-o and symbolic links on the way', () => {
  it('refuses a symlinked directory inside the checkout, even with ../ after it', () => {
    const repo = new TempRepo();
    cpSync(SAMPLE_MINIMAL, join(repo.dir, 'register'), { recursive: true });
    const victim = scratch();
    repo.symlink('reports', victim);
    repo.commit('register and a link');
    for (const out of ['reports/scan.json', 'reports/../scan.json', 'register/../reports/x.json']) {
      const run = runBounded(writers('register')[0](out), { cwd: repo.dir });
      expectCleanRun(run);
      expect(run.code, out).toBe(2);
      expect(run.stderr).toBe(`sidedoor: cannot write ${out}: ${join(repo.dir, 'reports')} is a symbolic link inside the checkout; sidedoor never writes through one\n`);
    }
    expect(readdirSync(victim)).toEqual([]);
  });

  it('follows a symlinked directory outside the checkout (the machine\'s own links)', () => {
    const repo = new TempRepo();
    cpSync(SAMPLE_MINIMAL, join(repo.dir, 'register'), { recursive: true });
    repo.commit('register');
    const elsewhere = scratch();
    mkdirSync(join(elsewhere, 'real'));
    symlinkSync(join(elsewhere, 'real'), join(elsewhere, 'linked'));
    const run = runBounded(writers('register')[1](join(elsewhere, 'linked', 'report.md')), { cwd: repo.dir });
    expectCleanRun(run);
    expect(run.code).toBe(0);
    expect(readFileSync(join(elsewhere, 'real', 'report.md'), 'utf8')).toMatch(/^# /);
  });
});

describe('-o keeps what it replaces', () => {
  it('keeps the mode of a replaced file, and its owner and group', () => {
    const dir = scratch();
    const out = join(dir, 'scan.json');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o640);
    const owned = permissionsAreIgnored();
    if (owned) chownSync(out, 4321, 4322);
    for (const writer of writers(SAMPLE_MINIMAL)) {
      const run = runBounded(writer(out));
      expectCleanRun(run);
      expect(readFileSync(out, 'utf8')).not.toBe('old\n');
      const info = statSync(out);
      expect(info.mode & 0o7777).toBe(0o640);
      if (owned) expect([info.uid, info.gid]).toEqual([4321, 4322]);
      expect(readdirSync(dir)).toEqual(['scan.json']);
    }
  });

  // A block device node made for the test (ram disk 250, which no system has): even a wrong open would fail, not write.
  it.runIf(permissionsAreIgnored() && spawnSync('mknod', ['--version']).status === 0)('refuses a block device', () => {
    const dir = scratch();
    const device = join(dir, 'disk');
    expect(spawnSync('mknod', [device, 'b', '1', '250']).status).toBe(0);
    const run = runBounded(writers(SAMPLE_MINIMAL)[1](device));
    expectCleanRun(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`sidedoor: cannot write ${device}: it is a block device\n`);
    expect(lstatSync(device).isBlockDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['disk']);
  });

  it('writes a character device in place: -o /dev/null stays a device', () => {
    const run = runBounded(writers(SAMPLE_MINIMAL)[1]('/dev/null'));
    expectCleanRun(run);
    expect(run.code).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('a committed symlink at the -o path, in CI', () => {
  it('leaves the link\'s target untouched when the job runs the documented scan (as root in CI)', () => {
    const victim = scratch();
    const secret = join(victim, 'authorized_keys');
    writeFileSync(secret, 'ssh-ed25519 AAAA the-admin\n');
    const origin = new TempRepo();
    cpSync(SAMPLE_MINIMAL, join(origin.dir, 'register'), { recursive: true });
    origin.commit('register');
    origin.git('checkout', '-q', '-b', 'pull-request');
    origin.symlink('sidedoor.sarif', secret);
    origin.commit('a harmless-looking file');
    const clone = join(scratch(), 'checkout');
    execFileSync('git', ['clone', '-q', '--branch', 'pull-request', origin.dir, clone]);
    expect(lstatSync(join(clone, 'sidedoor.sarif')).isSymbolicLink()).toBe(true);

    const run = runBounded(['scan', '--register', 'register', '--no-cache', '--base', 'origin/main', '--format', 'sarif', '-o', 'sidedoor.sarif'], { cwd: clone });
    expectCleanRun(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('sidedoor: cannot write sidedoor.sarif: it is a symbolic link, and sidedoor never writes through one');
    expect(readFileSync(secret, 'utf8')).toBe('ssh-ed25519 AAAA the-admin\n');
    expect(readdirSync(victim)).toEqual(['authorized_keys']);
  });
});
