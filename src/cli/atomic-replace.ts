// Replaces (or creates) one file atomically: the content goes to a temporary file in the same directory, created
// exclusively and without following links, gets the owner, group and mode of the file it replaces, is flushed, and
// is renamed over the name. Readers see the old file or the new one, never half of it, and a failure at any step
// removes the temporary file, so nothing is left behind.
//
// Owner and group come first and the mode after, because changing the owner clears set-id bits. When the owner
// cannot be kept (a non-root user replacing somebody else's file), the write is refused rather than silently
// handing the file to a new owner.

import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeAllSync } from './output-content.js';
import type { OutputContent } from './output-content.js';

export interface KeptAttributes {
  /** Permission bits (`mode & 0o7777`) of the file being replaced. */
  mode: number;
  uid: number;
  gid: number;
}

export interface ReplaceOptions {
  /** The attributes of the file being replaced; a new file gets the umask's default. */
  keep?: KeptAttributes;
  /** Runs after the content is flushed and right before the rename; throwing abandons the write. */
  beforeRename?: () => void;
}

/** Thrown when the replaced file's owner or group cannot be given to the new one. */
export class OwnershipError extends Error {
  constructor(readonly uid: number, readonly gid: number) {
    super(`cannot keep its owner and group (uid ${uid}, gid ${gid})`);
  }
}

export function replaceAtomically(dir: string, name: string, content: OutputContent, options: ReplaceOptions = {}): void {
  // The name is shortened so that a target name near the file system's limit still gets a temporary file.
  const temp = join(dir, `.${name.slice(0, 100)}.${process.pid}.${randomBytes(6).toString('hex')}.sidedoor.tmp`);
  let fd: number | undefined;
  let created = false;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, options.keep ? 0o600 : 0o666);
    created = true;
    if (options.keep) keepAttributes(fd, options.keep);
    writeAllSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    options.beforeRename?.();
    renameSync(temp, join(dir, name));
  } catch (e) {
    if (fd !== undefined) closeQuietly(fd);
    if (created) rmSync(temp, { force: true });
    throw e;
  }
}

function keepAttributes(fd: number, keep: KeptAttributes): void {
  const current = fstatSync(fd);
  if (current.uid !== keep.uid || current.gid !== keep.gid) {
    try {
      fchownSync(fd, keep.uid, keep.gid);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPERM' || code === 'EACCES') throw new OwnershipError(keep.uid, keep.gid);
      throw e;
    }
  }
  fchmodSync(fd, keep.mode);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing: the original error is the one to report.
  }
}
