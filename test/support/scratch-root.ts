// Vitest global setup: every test run gets one scratch directory, and the test processes see it as their TMPDIR and
// XDG_CACHE_HOME. Hundreds of tests write temporary registers and repositories, and every CLI scan they run writes a
// parse-cache pack; without this, a developer's /tmp and ~/.cache/sidedoor fill up with thousands of leftovers.
// The forked test workers inherit process.env as it is when they start, which is after this setup has run.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'sidedoor-tests-'));
  const temp = join(root, 'tmp');
  const cache = join(root, 'cache');
  mkdirSync(temp);
  mkdirSync(cache, { mode: 0o700 });
  const saved = { TMPDIR: process.env.TMPDIR, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
  process.env.TMPDIR = temp;
  process.env.XDG_CACHE_HOME = cache;
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    // A test may leave a directory unreadable to a non-root user; a leftover is better than a failed run.
    try {
      rmSync(root, { recursive: true, force: true });
    } catch {
      // nothing more to do: the directory is in the system's temporary directory
    }
  };
}
