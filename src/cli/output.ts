// Where command output goes: stdout, or a file written atomically (temporary file in the same directory, then
// rename), so a failed run never leaves a half-written report behind.

import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';
import { clearProgressLine } from './progress.js';

export function writeFileAtomic(path: string, content: string): void {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot write ${path}: ${code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such directory' : code}`);
  }
}

/** Writes to `-o FILE` when given, else to stdout. */
export function emit(content: string, outputFile?: string): void {
  clearProgressLine();
  if (outputFile !== undefined) writeFileAtomic(outputFile, content);
  else process.stdout.write(content);
}
