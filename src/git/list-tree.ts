// Lists the blobs below the register root in one commit: `git ls-tree -r -l -z --full-tree COMMIT -- PREFIX`.
// -z keeps paths unquoted, -l gives each blob's size (so size limits apply before anything is read), and
// --literal-pathspecs stops a directory name like `*` or `:(glob)x` from acting as pathspec magic.

import { GitRefError } from './git-error.js';
import { gitComplaint, runGit } from './run-git.js';

export interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  /** Bytes; -1 when git gives none (submodules). */
  size: number;
  /** Relative to the top of the repository, `/`-separated. */
  path: string;
}

export function listTree(commit: string, prefix: string, cwd: string): TreeEntry[] {
  const args = ['--literal-pathspecs', 'ls-tree', '-r', '-l', '-z', '--full-tree', commit];
  if (prefix !== '') args.push('--', prefix);
  const output = runGit(args, { cwd });
  if (output.status !== 0) throw new GitRefError(`cannot list the files of commit ${commit} (${gitComplaint(output)})`);
  return parseTree(output.stdout.toString('utf8'));
}

/** `<mode> SP <type> SP <oid> SP+ <size> TAB <path>`, NUL-terminated. */
export function parseTree(text: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of text.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    entries.push({ mode, type, oid, size: size === '-' ? -1 : Number(size), path: record.slice(tab + 1) });
  }
  return entries;
}
