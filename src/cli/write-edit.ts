// Writes a planned edit atomically: the new text goes to a temporary file in the same directory, is flushed, and
// replaces the file by rename. Right before the rename, the file must still be exactly what the plan was made from
// (same sha256, or still absent for a new file), so an edit made in an editor while the questions were being answered
// is never overwritten. The file keeps its permissions.

import { closeSync, existsSync, fchmodSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EditPlan } from '../authoring/edit-plan.js';
import { hashBytes } from '../authoring/workspace.js';
import { UsageError } from './errors.js';

export function writeEdit(root: string, plan: EditPlan): void {
  const path = join(root, plan.file);
  let mode = 0o644;
  if (plan.previousHash === undefined) {
    mkdirSync(dirname(path), { recursive: true });
  } else {
    try {
      mode = statSync(path).mode & 0o7777;
    } catch {
      throw new UsageError(`${plan.file} was removed while you answered; nothing was written`);
    }
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.sidedoor.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    fchmodSync(fd, mode);
    writeSync(fd, plan.after);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    assertUnchanged(path, plan);
    renameSync(temp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot write ${plan.file}: ${code === 'EACCES' ? 'permission denied' : code}; nothing was written`);
  }
}

function assertUnchanged(path: string, plan: EditPlan): void {
  if (plan.previousHash === undefined) {
    if (existsSync(path)) throw new UsageError(`${plan.file} was created while you answered; nothing was written, run the command again`);
    return;
  }
  let current: Buffer;
  try {
    current = readFileSync(path);
  } catch {
    throw new UsageError(`${plan.file} was removed while you answered; nothing was written`);
  }
  if (hashBytes(current) !== plan.previousHash) {
    throw new UsageError(`${plan.file} changed on disk while you answered; nothing was written, run the command again`);
  }
}
