// Where the register root sits inside its repository: `git rev-parse --show-prefix` run in the root gives the path
// from the top of the work tree (`''` at the top, else `dir/sub/`), so it works from any subdirectory and when the
// register is not at the repository root.

import { GitRefError } from './git-error.js';
import { gitComplaint, runGit } from './run-git.js';

export function registerPrefix(root: string): string {
  const output = runGit(['rev-parse', '--show-prefix'], { cwd: root });
  if (output.status !== 0) {
    throw new GitRefError(`--base needs the register to be in a git work tree, and ${root} is not (${gitComplaint(output)})`);
  }
  return output.stdout.toString('utf8').replace(/\n$/, '');
}
