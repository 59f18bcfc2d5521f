// Where the parse cache lives (SPEC §4.1): never somewhere a change to the register could have committed it.
// - Default: `$XDG_CACHE_HOME/sidedoor` (an absolute XDG_CACHE_HOME only, as the XDG spec says), else
//   `~/.cache/sidedoor`, created mode 0700, with one directory per register named by a hash of its real path.
// - `--cache-dir DIR` inside a git working tree (tracked or not: any file there can be committed) is refused.
// - The default location inside the register's own working tree (XDG_CACHE_HOME pointed into the checkout, as some
//   CI setups do to cache between jobs) is not used: the run keeps its cache in memory.
// Finding a working tree means walking up to a `.git` entry, as git does, without running git.

import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export function defaultCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'sidedoor');
}

/** The directory of one register's cache under `cacheRoot`. */
export function registerCacheDir(cacheRoot: string, registerRoot: string): string {
  let real = resolve(registerRoot);
  try {
    real = realpathSync(real);
  } catch {
    // An unresolvable root still gets a stable name from its absolute path.
  }
  return join(cacheRoot, createHash('sha256').update(real).digest('hex').slice(0, 32));
}

/** The root of the git working tree holding `path` (which need not exist yet), if any. */
export function gitWorkTreeAround(path: string): string | undefined {
  let dir = resolve(path);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
