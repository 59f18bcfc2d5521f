// Writes a planned edit: atomically (temporary file in the same directory, then rename), and only if the file is
// still exactly what the plan was made from (same sha256, or still absent for a new file), so an edit made in an
// editor while the questions were being answered is never overwritten.

import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EditPlan } from '../authoring/edit-plan.js';
import { hashBytes } from '../authoring/workspace.js';
import { UsageError } from './errors.js';
import { writeFileAtomic } from './output.js';

export function writeEdit(root: string, plan: EditPlan): void {
  const path = join(root, plan.file);
  let mode: number | undefined;
  if (plan.previousHash === undefined) {
    if (existsSync(path)) throw new UsageError(`${plan.file} was created while you answered; nothing was written, run the command again`);
    mkdirSync(dirname(path), { recursive: true });
  } else {
    let current: Buffer;
    try {
      current = readFileSync(path);
      mode = statSync(path).mode & 0o7777;
    } catch {
      throw new UsageError(`${plan.file} was removed while you answered; nothing was written`);
    }
    if (hashBytes(current) !== plan.previousHash) {
      throw new UsageError(`${plan.file} changed on disk while you answered; nothing was written, run the command again`);
    }
  }
  writeFileAtomic(path, plan.after);
  if (mode !== undefined) chmodSync(path, mode);
}
