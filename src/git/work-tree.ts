// The git working tree around a path, found as git finds it: by walking up to an entry named `.git` (a directory, or
// the file a worktree or submodule has). No git command runs, so nothing in the checkout's configuration can act.
// Shared by the parse cache (never inside a checkout) and `-o` (never through a link inside one).

import { lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The root of the git working tree holding `path` (which need not exist yet), if any. */
export function gitWorkTreeAround(path: string): string | undefined {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if (hasEntry(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function hasEntry(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
