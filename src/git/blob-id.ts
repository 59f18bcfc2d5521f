// A file's git object name, computed here instead of by `git hash-object` or `git status`: those run the clean
// filters and the fsmonitor configured in the repository, and the checkout must never get to run a program. A blob's
// name is the hash of `blob <size>\0` followed by the bytes: SHA-1 in most repositories, SHA-256 in those created
// with `--object-format=sha256` (their names are 64 hex digits).

import { createHash } from 'node:crypto';

export function gitBlobId(bytes: Uint8Array, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The hash algorithm of a repository, told by the length of one of its object names. */
export function objectFormatOf(oid: string): 'sha1' | 'sha256' {
  return oid.length === 64 ? 'sha256' : 'sha1';
}
