// Runs the BUILT CLI (bin/sidedoor.js → dist/) the way a user does, in a chosen directory, and captures everything.
// `npm test` builds before running vitest, so dist/ is current.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(REPO_ROOT, 'bin', 'sidedoor.js');
export const SAMPLE_CITY = join(REPO_ROOT, 'samples', 'city');
export const SAMPLE_MINIMAL = join(REPO_ROOT, 'samples', 'minimal');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, SIDEDOOR_DEBUG: undefined, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Writes `files` (relative path → content) into a fresh temporary directory and returns its path. */
export function writeTree(files: Record<string, string | Uint8Array>, prefix = 'sidedoor-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}
