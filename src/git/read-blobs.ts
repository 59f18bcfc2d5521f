// Reads many blobs with one `git cat-file --batch` process instead of one `git show` per file: the object names go
// in on stdin, and each comes back as `<oid> <type> <size>\n<content>\n`. Linear in the total size.

import { GitRefError } from './git-error.js';
import { gitComplaint, runGit } from './run-git.js';

/** Object name → content. `expectedBytes` (the sum of the blob sizes) sizes the output buffer. */
export function readBlobs(oids: readonly string[], cwd: string, expectedBytes: number): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const output = runGit(['cat-file', '--batch'], {
    cwd, input: `${oids.join('\n')}\n`, maxBuffer: expectedBytes + oids.length * 200 + 1024 * 1024,
  });
  if (output.status !== 0) throw new GitRefError(`cannot read files from git (${gitComplaint(output)})`);
  const out = output.stdout;
  let at = 0;
  while (at < out.length) {
    const newline = out.indexOf(0x0a, at);
    if (newline < 0) throw new GitRefError('git cat-file returned a truncated answer');
    const header = out.subarray(at, newline).toString('utf8').split(' ');
    if (header[1] === 'missing' || header.length !== 3) throw new GitRefError(`git object ${header[0]} is missing from the repository`);
    const size = Number(header[2]);
    const start = newline + 1;
    blobs.set(header[0], out.subarray(start, start + size));
    at = start + size + 1;
  }
  return blobs;
}
