// The git commit and tree state of a register directory, for the header of the auditor's report. git runs without a
// shell (argument arrays only). Anything that goes wrong (git missing, not a repository, no commit yet) means
// "not in git", and the report leaves the line out rather than failing.
//
// "Dirty" means a register file differs from HEAD: a `*.yaml`/`*.yml` file below the register root, outside
// directories whose names start with `.` and outside `node_modules` (the discovery rules of SPEC §1.1), that is
// modified, added, deleted, renamed or untracked. So the parse cache (`.sidedoor-cache/`), a README or a generated
// report beside the register never make the register look dirty.

import { execFileSync } from 'node:child_process';

export interface RepoState {
  /** Full object name of HEAD. */
  commit: string;
  /** True when a register file differs from HEAD or is untracked (ignored files do not count). */
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

/** True for a path, relative to the register root, that the register discovery would read. */
export function isRegisterFilePath(path: string): boolean {
  const segments = path.split('/');
  const name = segments[segments.length - 1];
  if (!/\.ya?ml$/.test(name)) return false;
  return segments.slice(0, -1).every((dir) => !dir.startsWith('.') && dir !== 'node_modules');
}

/**
 * Paths named by `git status --porcelain=v1 -z` output (repository-relative): one per entry, plus the origin of
 * each rename or copy.
 */
export function porcelainPaths(output: string): string[] {
  const tokens = output.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const entry = tokens[i];
    if (entry.length < 4) continue;
    paths.push(entry.slice(3));
    if (entry[0] === 'R' || entry[0] === 'C') {
      i += 1;
      if (i < tokens.length && tokens[i] !== '') paths.push(tokens[i]);
    }
  }
  return paths;
}

/** The commit and cleanliness of the repository holding `dir`, judged on the register files below `dir`. */
export function repoState(dir: string): RepoState | undefined {
  try {
    const commit = git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], dir).trim();
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(commit)) return undefined;
    const prefix = git(['rev-parse', '--show-prefix'], dir).trim();
    const status = git(['-c', 'core.quotePath=false', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.'], dir);
    const dirty = porcelainPaths(status).some((path) => path.startsWith(prefix) && isRegisterFilePath(path.slice(prefix.length)));
    return { commit, dirty };
  } catch {
    return undefined;
  }
}
