// Where command output goes: stdout, or a file written atomically (temporary file in the same directory, then
// rename), so a failed run never leaves a half-written report behind.
//
// Only a regular file (or a symlink to one) is replaced that way, and through a symlink it is the file pointed at that
// is replaced, never the link. A target that exists and is not a regular file (`-o /dev/stdout`, `/dev/null`, a FIFO)
// is written to in place: renaming over it would replace a device node with a plain file (as root, even /dev/null).

import { closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const requested = resolve(path);
  const existing = statIfExists(requested, path);
  if (existing?.isDirectory()) throw writeError(path, 'EISDIR');
  if (existing && !existing.isFile()) {
    try {
      writeFileSync(requested, content);
    } catch (e) {
      throw writeError(path, (e as NodeJS.ErrnoException).code);
    }
    return;
  }
  const target = existing ? realpathSync(requested) : requested;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    if (typeof content === 'string') writeSync(fd, content);
    else writeSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      rmSync(temp, { force: true });
    } catch {
      // The temporary file was never created (its directory is missing or not a directory).
    }
    throw writeError(path, (e as NodeJS.ErrnoException).code);
  }
}

function statIfExists(path: string, shown: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw writeError(shown, code);
  }
}

const REASONS = new Map<string, string>([
  ['EACCES', 'permission denied'], ['EPERM', 'permission denied'], ['ENOENT', 'no such directory'],
  ['ENOTDIR', 'a parent of it is not a directory'], ['EISDIR', 'it is a directory'], ['EROFS', 'read-only file system'],
  ['ENOSPC', 'no space left on the device'], ['EDQUOT', 'disk quota exceeded'], ['ELOOP', 'too many symbolic links'],
  ['ENAMETOOLONG', 'the name is too long'],
]);

function writeError(path: string, code: string | undefined): UsageError {
  return new UsageError(`cannot write ${path}: ${REASONS.get(code ?? '') ?? code ?? 'error'}`);
}

/** Writes to `-o FILE` when given, else to stdout. */
export function emit(content: string, outputFile?: string): void {
  if (outputFile !== undefined) writeFileAtomic(outputFile, content);
  else process.stdout.write(content);
}
