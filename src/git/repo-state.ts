// The git commit and tree state of a register, for the header of the auditor's report, computed without any git
// command that can run a filter, a hook or an fsmonitor (SPEC §4.1: the checkout is hostile input, and a
// repository's config can name programs for those). Only `rev-parse` and `ls-tree` run, through execFile with
// argument arrays (run-git.ts); the files on disk are hashed here (blob-id.ts) and compared with HEAD's tree.
// Anything that goes wrong (git missing, not a repository, no commit yet) means "not in git", and the report leaves
// the line out rather than failing.
//
// "Dirty" means the register read from disk is not the one in HEAD: a register file (SPEC §1.1 discovery: every
// `*.yaml`/`*.yml` below the root, outside `.`-directories and node_modules) that is new, deleted, or differs byte for
// byte. Ignored files count too: the register reads them. Other files (the parse cache, a README, a generated
// report) never make the register look dirty. Bytes are compared raw: a repository that converts line endings or
// runs a clean filter on register files shows as dirty, because running that filter is exactly what must not happen.

import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gitBlobId, objectFormatOf } from './blob-id.js';
import { GitRefError } from './git-error.js';
import { listTree } from './list-tree.js';
import type { TreeEntry } from './list-tree.js';
import { isDiscoveredPath } from './register-tree-files.js';
import { resolveCommit } from './resolve-commit.js';
import { registerPrefix } from './register-prefix.js';

export interface RepoState {
  /** Full object name of HEAD. */
  commit: string;
  /** True when a register file differs from HEAD, is new, or was deleted. */
  dirty: boolean;
}

const SYMLINK_MODE = '120000';

/** The commit and cleanliness of the repository holding `root`, judged on the register files (relative to root). */
export function repoState(root: string, files: readonly string[]): RepoState | undefined {
  let commit: string;
  let prefix: string;
  let entries: TreeEntry[];
  try {
    commit = resolveCommit('HEAD', root);
    prefix = registerPrefix(root);
    entries = listTree(commit, prefix, root);
  } catch (e) {
    if (e instanceof GitRefError) return undefined;
    throw e;
  }
  const tracked = new Map<string, TreeEntry>();
  for (const entry of entries) {
    if (entry.type !== 'blob' || !entry.path.startsWith(prefix)) continue;
    const file = entry.path.slice(prefix.length);
    if (isDiscoveredPath(file)) tracked.set(file, entry);
  }
  return { commit, dirty: registerDiffers(root, files, tracked) };
}

/** True when the discovered files and HEAD's register files differ in name or content. */
export function registerDiffers(root: string, files: readonly string[], tracked: ReadonlyMap<string, TreeEntry>): boolean {
  if (files.length !== tracked.size) return true;
  for (const file of files) {
    const entry = tracked.get(file);
    if (entry === undefined || !sameContent(join(root, file), entry)) return true;
  }
  return false;
}

/** A symlink is stored as a blob of its target path; anything else on disk is read as bytes. */
function sameContent(path: string, entry: TreeEntry): boolean {
  const algorithm = objectFormatOf(entry.oid);
  try {
    const isLink = lstatSync(path).isSymbolicLink();
    if (isLink !== (entry.mode === SYMLINK_MODE)) return false;
    const bytes = isLink ? readlinkSync(path, { encoding: 'buffer' }) : readFileSync(path);
    return gitBlobId(bytes, algorithm) === entry.oid;
  } catch {
    return false;
  }
}
