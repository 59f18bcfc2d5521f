// Where the parse cache lives (SPEC §4.1): never somewhere a change to the register could have committed it.
// - Default: `$XDG_CACHE_HOME/sidedoor` (an absolute XDG_CACHE_HOME only, as the XDG spec says), else
//   `~/.cache/sidedoor`, created mode 0700, with one directory per register named by a hash of its real path.
// - `--cache-dir DIR` inside a git working tree (tracked or not: any file there can be committed) is refused.
// - The default location inside the register's own working tree (XDG_CACHE_HOME pointed into the checkout, as some
//   CI setups do to cache between jobs) is not used: the run keeps its cache in memory.

import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

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
