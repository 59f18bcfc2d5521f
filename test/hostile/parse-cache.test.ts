// The parse cache as hostile input. A pull request can commit `.sidedoor-cache/`: as a symlink out of the register
// it is not followed (the run caches in memory only); and with `--no-cache`, the setting docs/security.md gives for
// CI, a forged entry that would hide a file's links is never read.

import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseCache } from '../../src/register/parse-cache.js';
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
    new ParseCache(cacheDir).put(key, { file: 'register.yaml', entities: [], invalidIds: [], diagnostics: [] });
    expect(new ParseCache(cacheDir).get('register.yaml', key)?.entities).toEqual([]);
    const scanned = scanIds(register, ['--no-cache']);
    expect(scanned.code).toBe(1);
    expect(scanned.ids).toContain(FINDING);
  });
});
