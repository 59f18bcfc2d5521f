// Resolving `--base REF` to one commit, once, so every later read (tree, blobs) sees the same snapshot even if the
// ref moves meanwhile. A ref that starts with `-` is refused before git ever runs: git would read it as an option.

import { GitRefError } from './git-error.js';
import { gitComplaint, runGit } from './run-git.js';

/** Throws a GitRefError for a ref git must not see; returns nothing when the ref may be passed on. */
export function checkRefArgument(ref: string): void {
  if (ref === '') throw new GitRefError('--base needs a git ref (a branch, tag or commit), got an empty string');
  if (ref.startsWith('-')) throw new GitRefError(`--base '${ref}' starts with '-': refusing it, git would read it as an option`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(ref)) throw new GitRefError(`--base '${ref}' contains a control character; no git ref does`);
}

/** The full object name of the commit REF names, via `git rev-parse --verify --end-of-options REF^{commit}`. */
export function resolveCommit(ref: string, cwd: string): string {
  checkRefArgument(ref);
  const output = runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { cwd });
  const commit = output.stdout.toString('utf8').trim();
  if (output.status !== 0 || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(commit)) {
    const shallowHint = ref.includes('/') ? ' (in CI, fetch the history first: actions/checkout with fetch-depth: 0, or git fetch origin)' : '';
    const detail = output.status === 1 ? '' : ` (${gitComplaint(output)})`;
    throw new GitRefError(`--base '${ref}': git cannot resolve it to a commit${detail}${shallowHint}`);
  }
  return commit;
}
