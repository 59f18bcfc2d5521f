// The parse cache as hostile input (SPEC §4.1). A pull request controls every file of the checkout, so it can commit
// a cache: the old `.sidedoor-cache/` (as a symlink out of the register, or holding forged entries), a pack, or a
// cache under a directory that XDG_CACHE_HOME points into. With default options none of it is read: the cache lives
// in a per-user directory outside the working tree, and a `--cache-dir` inside a working tree is refused.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerCacheDir } from '../../src/cli/cache-location.js';
import { ParseCache } from '../../src/register/parse-cache.js';
import { encodeParsedFile } from '../../src/register/parsed-file-codec.js';
import { SAMPLE_MINIMAL } from '../helpers/run-cli.js';
import { expectCleanRun, runBounded, TODAY } from './hostile-cli.js';

const FINDING = 'unsegmented-path:low-trust-to-sensitive:remote-it:admin';

function minimalRegister(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sidedoor-cache-hostile-'));
  cpSync(SAMPLE_MINIMAL, dir, { recursive: true, filter: (source) => !source.includes('.sidedoor-cache') });
  return dir;
}

function scanIds(register: string, extra: string[] = []): { code: number | null; ids: string[] } {
  const run = runBounded(['scan', '--register', register, '--format', 'json', '--today', TODAY, ...extra]);
  expectCleanRun(run);
  return { code: run.code, ids: (JSON.parse(run.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id) };
}

describe('hostile corpus: the parse cache', () => {
  it('does not follow a .sidedoor-cache symlink out of the register: nothing is read or written there', () => {
    const register = minimalRegister();
    const elsewhere = mkdtempSync(join(tmpdir(), 'sidedoor-cache-target-'));
    symlinkSync(elsewhere, join(register, '.sidedoor-cache'));
    const first = scanIds(register);
    expect(first.code).toBe(1);
    expect(first.ids).toContain(FINDING);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(scanIds(register)).toEqual(first);
  });

  it('with --no-cache, ignores a committed cache entry forged to hide a file\'s links', () => {
    const register = minimalRegister();
    const key = ParseCache.keyFor('register.yaml', readFileSync(join(register, 'register.yaml')));
    // The entry a hostile pull request would commit: register.yaml "parses" to nothing at all. Written with the
    // cache's own code, it is well formed, so a run that uses the cache would serve it (docs/security.md).
    const cacheDir = join(register, '.sidedoor-cache');
    const forged = new ParseCache(cacheDir);
    forged.put(key, { file: 'register.yaml', entities: [], invalidIds: [], diagnostics: [] });
    forged.flush();
    expect(new ParseCache(cacheDir).get('register.yaml', key)?.entities).toEqual([]);
    const scanned = scanIds(register, ['--no-cache']);
    expect(scanned.code).toBe(1);
    expect(scanned.ids).toContain(FINDING);
  });

  it('with default options, ignores forged cache entries committed to the repository wherever a cache could be', () => {
    const repo = mkdtempSync(join(tmpdir(), 'sidedoor-cache-repo-'));
    const register = join(repo, 'register');
    cpSync(SAMPLE_MINIMAL, register, { recursive: true, filter: (source) => !source.includes('.sidedoor-cache') });
    const key = ParseCache.keyFor('register.yaml', readFileSync(join(register, 'register.yaml')));
    const nothing = { file: 'register.yaml', entities: [], invalidIds: [], diagnostics: [] };
    // The old per-file layout, with the old header, and a pack in the old directory.
    const old = join(register, '.sidedoor-cache', key.slice(0, 2));
    mkdirSync(old, { recursive: true });
    writeFileSync(join(old, `${key}.json`), `${JSON.stringify({ format: 1, tool: '0.1.0', schema: 1, key })}\n${encodeParsedFile(nothing)}`);
    forgePack(join(register, '.sidedoor-cache'), key, nothing);
    // The per-register directory a CI job would use with XDG_CACHE_HOME pointed into its checkout.
    const inTree = join(repo, '.cache');
    forgePack(registerCacheDir(join(inTree, 'sidedoor'), register), key, nothing);
    // Control: the forgery is well formed, so a run that read it would lose every link of register.yaml.
    expect(new ParseCache(registerCacheDir(join(inTree, 'sidedoor'), register)).get('register.yaml', key)?.entities).toEqual([]);
    git(repo, 'init', '-q');
    git(repo, 'add', '-A', '-f');
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'forged caches');

    const home = mkdtempSync(join(tmpdir(), 'sidedoor-home-'));
    for (const env of [{ HOME: home, XDG_CACHE_HOME: undefined }, { HOME: home, XDG_CACHE_HOME: inTree }]) {
      for (let run = 0; run < 2; run++) { // the second run is warm where a cache is used
        const scanned = runBounded(['scan', '--format', 'json', '--today', TODAY], { cwd: register, env });
        expectCleanRun(scanned);
        expect(scanned.code).toBe(1);
        expect((JSON.parse(scanned.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id)).toContain(FINDING);
      }
    }
    // The default cache is per user, mode 0700, outside the checkout; nothing was written inside the checkout.
    const cacheRoot = join(home, '.cache', 'sidedoor');
    expect(statSync(cacheRoot).mode & 0o777).toBe(0o700);
    expect(readdirSync(cacheRoot)).toHaveLength(1);
    expect(git(repo, 'status', '--porcelain', '--ignored')).toBe('');
  });

  it('refuses a --cache-dir inside a git working tree, tracked or not, with exit 2 and the reason', () => {
    const repo = mkdtempSync(join(tmpdir(), 'sidedoor-cache-repo-'));
    cpSync(SAMPLE_MINIMAL, repo, { recursive: true, filter: (source) => !source.includes('.sidedoor-cache') });
    git(repo, 'init', '-q');
    for (const dir of ['.sidedoor-cache', join(repo, 'not', 'yet', 'made')]) {
      for (const command of [['scan', '--today', TODAY], ['validate']]) {
        const run = runBounded([...command, '--cache-dir', dir], { cwd: repo });
        expectCleanRun(run);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/--cache-dir .* is inside the git working tree/);
      }
    }
    const outside = mkdtempSync(join(tmpdir(), 'sidedoor-cache-outside-'));
    expect(runBounded(['validate', '--cache-dir', outside], { cwd: repo }).code).toBe(0);
    expect(readdirSync(outside)).toHaveLength(1);
  });
});

function forgePack(dir: string, key: string, parsed: Parameters<typeof encodeParsedFile>[0]): void {
  const cache = new ParseCache(dir);
  cache.put(key, parsed);
  cache.flush();
  expect(readdirSync(dir)).toContain('pack');
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
}
