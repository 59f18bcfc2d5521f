// The git commit and tree state of a register directory, for the header of the auditor's report. git runs without a
// shell (argument arrays only). Anything that goes wrong — git missing, not a repository, no commit yet — means
// "not in git", and the report leaves the line out rather than failing.

import { execFileSync } from 'node:child_process';

export interface RepoState {
  /** Full object name of HEAD. */
  commit: string;
  /** True when a file below the register directory differs from HEAD or is untracked (ignored files do not count). */
  dirty: boolean;
}

function git(args: readonly string[], cwd: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** The commit and cleanliness of the repository holding `dir`, limited to `dir`; undefined outside git. */
export function repoState(dir: string): RepoState | undefined {
  try {
    const commit = git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], dir).trim();
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(commit)) return undefined;
    const status = git(['status', '--porcelain', '--untracked-files=normal', '--', '.'], dir);
    return { commit, dirty: status.trim() !== '' };
  } catch {
    return undefined;
  }
}
