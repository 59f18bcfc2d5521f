// Runs git without a shell: the program and every argument go to the kernel as an array, so no ref, path or file
// name is ever parsed by a shell. Output is kept as bytes (blobs are not necessarily text).

import { spawnSync } from 'node:child_process';
import { GitRefError } from './git-error.js';

export interface GitOutput {
  status: number;
  stdout: Buffer;
  stderr: string;
}

export interface GitRunOptions {
  cwd: string;
  /** Bytes written to git's stdin (cat-file --batch). */
  input?: string;
  maxBuffer?: number;
}

const DEFAULT_MAX_BUFFER = 256 * 1024 * 1024;

export function runGit(args: readonly string[], options: GitRunOptions): GitOutput {
  const result = spawnSync('git', args, {
    cwd: options.cwd,
    input: options.input ?? '',
    maxBuffer: options.maxBuffer ?? DEFAULT_MAX_BUFFER,
    shell: false,
    windowsHide: true,
    // Never prompt (credentials, pagers): this runs unattended in CI.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0' },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GitRefError('git is not installed or not on the PATH; --base needs it');
    throw new GitRefError(`cannot run git (${code ?? result.error.message})`);
  }
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

/** The first line git wrote to stderr, for error messages. */
export function gitComplaint(output: GitOutput): string {
  const line = output.stderr.split('\n').find((l) => l.trim() !== '');
  return line === undefined ? `git exited with status ${output.status}` : line.trim();
}
