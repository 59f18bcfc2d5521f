// The report's git commit and tree state, computed without any git command that can run a filter, hook or fsmonitor.
// The blob names computed here are checked against `git hash-object` itself (on bytes written to a scratch file, in
// a repository with no filters), and the tree state against a real repository whose config sets a clean filter, an
// fsmonitor and hooks that each leave a marker file if run: `git status` does run them
// (the trap is live), and the report never does.

import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gitBlobId } from '../../src/git/blob-id.js';
import { repoState } from '../../src/git/repo-state.js';
import { runCli, SAMPLE_MINIMAL } from '../helpers/run-cli.js';
import { TempRepo } from './git-fixture.js';

const TODAY = '2026-06-01';

describe('gitBlobId', () => {
  it('names any bytes exactly as git hash-object does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sidedoor-blob-'));
    const file = join(dir, 'blob');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      writeFileSync(file, bytes);
      const expected = execFileSync('git', ['hash-object', '--no-filters', file], { encoding: 'utf8' }).trim();
      expect(gitBlobId(bytes)).toBe(expected);
    }), { numRuns: 40 });
  });

  it('uses SHA-256 for SHA-256 repositories', () => {
    expect(gitBlobId(new Uint8Array())).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    expect(gitBlobId(new Uint8Array(), 'sha256')).toBe('473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813');
  });
});

/** A repository whose config would leave a marker for each program git runs for it. */
function trappedRepo(): { repo: TempRepo; markers: string[] } {
  const repo = new TempRepo();
  cpSync(SAMPLE_MINIMAL, join(repo.dir, 'register'), { recursive: true });
  repo.write({ '.gitattributes': '*.yaml filter=trap\n' });
  repo.commit('register');
  const bin = mkdtempSync(join(tmpdir(), 'sidedoor-trap-'));
  const markers = ['clean', 'fsmonitor', 'hook'].map((name) => join(bin, `${name}.ran`));
  const script = (marker: string, tail: string) => `#!/bin/sh\ntouch '${marker}'\n${tail}\n`;
  writeFileSync(join(bin, 'clean.sh'), script(markers[0], 'cat'));
  writeFileSync(join(bin, 'fsmonitor.sh'), script(markers[1], 'exit 1'));
  for (const name of ['clean.sh', 'fsmonitor.sh']) chmodSync(join(bin, name), 0o755);
  repo.git('config', 'filter.trap.clean', join(bin, 'clean.sh'));
  repo.git('config', 'core.fsmonitor', join(bin, 'fsmonitor.sh'));
  for (const hook of ['post-checkout', 'post-index-change', 'reference-transaction']) {
    writeFileSync(join(repo.dir, '.git', 'hooks', hook), script(markers[2], 'exit 0'));
    chmodSync(join(repo.dir, '.git', 'hooks', hook), 0o755);
  }
  return { repo, markers };
}

describe('repoState', () => {
  it('the trap is live: git status runs the filter and the fsmonitor', () => {
    const { repo, markers } = trappedRepo();
    writeFileSync(join(repo.dir, 'register', 'register.yaml'), '# touched\n', { flag: 'a' });
    repo.git('status', '--porcelain');
    expect(existsSync(markers[0]) || existsSync(markers[1])).toBe(true);
  });

  it('tells clean from modified, new, deleted and retyped register files, running no filter, hook or fsmonitor', () => {
    const { repo, markers } = trappedRepo();
    const root = join(repo.dir, 'register');
    const head = repo.git('rev-parse', 'HEAD').trim();
    const files = ['register.yaml', 'sidedoor.yaml'];
    expect(repoState(root, files)).toEqual({ commit: head, dirty: false });
    // Not register files: a report, the cache, a hidden YAML.
    repo.write({ 'register/report.md': '# r\n', 'register/.sidedoor-cache/x.yaml': 'x', 'register/.hidden/a.yaml': 'a' });
    expect(repoState(root, files)?.dirty).toBe(false);
    // Modified by one byte, then restored.
    writeFileSync(join(root, 'register.yaml'), '\n', { flag: 'a' });
    expect(repoState(root, files)?.dirty).toBe(true);
    repo.git('checkout', '--', 'register/register.yaml');
    for (const marker of markers) rmSync(marker, { force: true }); // checkout itself may run the trap: start over
    expect(repoState(root, files)?.dirty).toBe(false);
    // A new register file, even an ignored one (the register reads it).
    repo.write({ '.gitignore': 'register/extra.yaml\n', 'register/extra.yaml': 'zones: []\n' });
    expect(repoState(root, [...files, 'extra.yaml'])?.dirty).toBe(true);
    rmSync(join(root, 'extra.yaml'));
    // A deleted one.
    expect(repoState(root, ['sidedoor.yaml'])?.dirty).toBe(true);
    // A regular file replaced by a symlink to identical content.
    rmSync(join(root, 'register.yaml'));
    cpSync(join(SAMPLE_MINIMAL, 'register.yaml'), join(root, '.copy.yaml'));
    symlinkSync('.copy.yaml', join(root, 'register.yaml'));
    expect(repoState(root, files)?.dirty).toBe(true);
    for (const marker of markers) expect(existsSync(marker), marker).toBe(false);
  });

  it('compares a committed symlink by its target, and is undefined outside git or before the first commit', () => {
    const repo = new TempRepo();
    cpSync(SAMPLE_MINIMAL, join(repo.dir, 'register'), { recursive: true });
    const root = join(repo.dir, 'register');
    expect(repoState(root, ['register.yaml', 'sidedoor.yaml'])).toBeUndefined();
    repo.write({ 'register/.real/zones.yaml': 'zones: []\n' }).symlink('register/zones.yaml', '.real/zones.yaml');
    repo.commit('with a link');
    const files = ['register.yaml', 'sidedoor.yaml', 'zones.yaml'];
    expect(repoState(root, files)?.dirty).toBe(false);
    rmSync(join(root, 'zones.yaml'));
    symlinkSync('./.real/zones.yaml', join(root, 'zones.yaml'));
    expect(repoState(root, files)?.dirty).toBe(true);
    expect(repoState(mkdtempSync(join(tmpdir(), 'sidedoor-nogit-')), [])).toBeUndefined();
  });

  it('report prints the state through the built CLI with the trap set, and runs none of it', () => {
    const { repo, markers } = trappedRepo();
    const head = repo.git('rev-parse', 'HEAD').trim();
    const args = ['report', '--register', 'register', '--no-cache', '--today', TODAY];
    const clean = runCli(args, { cwd: repo.dir });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain(`| Git commit | ${head} (clean) |`);
    writeFileSync(join(repo.dir, 'register', 'register.yaml'), '# reviewed\n', { flag: 'a' });
    const dirty = runCli(args, { cwd: repo.dir });
    expect(dirty.stdout).toContain(`| Git commit | ${head} (the register has uncommitted changes) |`);
    for (const marker of markers) expect(existsSync(marker), marker).toBe(false);
  });
});
