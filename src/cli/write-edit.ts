// Writes a register file for `add`, `accept` and `init`, atomically (atomic-replace.ts): a temporary file in the same
// directory, flushed, renamed over the file. Right before the rename, the file must still be exactly what the plan
// was made from (same sha256, or still absent for a new file), so an edit made in an editor while the questions were
// being answered is never overwritten.
//
// The edited file keeps its owner, group and mode. A register file may be a symbolic link (discovery follows links
// whose target stays inside the register root): the edit then goes to the target, and the link stays a link. A link
// on the way that leads outside the register root is refused, as discovery refuses it, so an edit never writes
// anywhere else. On any refusal or failure nothing is written and no temporary file or new directory is left.

import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { EditPlan } from '../authoring/edit-plan.js';
import { hashBytes } from '../authoring/workspace.js';
import { toPosixPath } from '../util/posix-path.js';
import { OwnershipError, replaceAtomically } from './atomic-replace.js';
import { UsageError } from './errors.js';
import { errnoReason, isWithin, PathRefusedError, removeCreated, walkToParent } from './path-walk.js';

export function writeEdit(root: string, plan: EditPlan): void {
  writeRegisterFile(root, plan.file, plan.after, plan.previousHash);
}

/**
 * Writes `content` to `file` (relative to `root`). `previousHash` is the sha256 of the file as it was read; undefined
 * means the file is new and must still be absent.
 */
export function writeRegisterFile(root: string, file: string, content: string, previousHash: string | undefined): void {
  let created: string[] = [];
  try {
    const realRoot = realpathSync(root);
    const walked = walkToParent(file, realRoot, { onDirectoryLink: insideRoot(realRoot), create: previousHash === undefined });
    created = walked.created;
    const target = finalTarget(join(walked.dir, walked.name), realRoot);
    const info = statIfExists(target.path);
    if (target.dangling) throw new PathRefusedError('it is a symbolic link that is broken or loops');
    if (previousHash === undefined) {
      if (info !== undefined) throw new UsageError(`${file} was created while you answered; nothing was written, run the command again`);
    } else {
      if (info === undefined) throw new UsageError(`${file} was removed while you answered; nothing was written`);
      if (!info.isFile()) throw new PathRefusedError('it is not a regular file');
    }
    replaceAtomically(dirname(target.path), basename(target.path), content, {
      keep: info && { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid },
      beforeRename: () => assertUnchanged(target.path, file, previousHash),
    });
  } catch (e) {
    removeCreated(created);
    if (e instanceof UsageError) throw e;
    const reason = e instanceof PathRefusedError || e instanceof OwnershipError ? e.message : errnoReason((e as NodeJS.ErrnoException).code);
    throw new UsageError(`cannot write ${file}: ${reason}; nothing was written`);
  }
}

/**
 * The real path of a file below `root` that is about to be edited (following links inside the root), or undefined
 * when it (or the root) does not exist yet. A link leading outside the root, or nowhere, is refused.
 */
export function registerFilePath(root: string, file: string): string | undefined {
  if (statIfExists(root) === undefined) return undefined;
  try {
    const realRoot = realpathSync(root);
    const walked = walkToParent(file, realRoot, { onDirectoryLink: insideRoot(realRoot) });
    const target = finalTarget(join(walked.dir, walked.name), realRoot);
    if (target.dangling) throw new PathRefusedError('it is a symbolic link that is broken or loops');
    return statIfExists(target.path) === undefined ? undefined : target.path;
  } catch (e) {
    if (e instanceof PathRefusedError && e.message === 'no such directory') return undefined;
    if (e instanceof PathRefusedError) throw new UsageError(`cannot edit ${file}: ${e.message}; nothing was written`);
    throw e;
  }
}

function insideRoot(realRoot: string): (link: string, target: string) => void {
  return (link, target) => {
    if (!isWithin(target, realRoot)) {
      throw new PathRefusedError(`${toPosixPath(relative(realRoot, link))} is a symbolic link to ${target}, outside the register root; `
        + 'sidedoor edits through a link only when its target is inside the register');
    }
  };
}

/** The file a path names, following a final symbolic link when its target is inside the root. */
function finalTarget(path: string, realRoot: string): { path: string; dangling: boolean } {
  let info;
  try {
    info = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    info = undefined;
  }
  if (info === undefined || !info.isSymbolicLink()) {
    if (!isWithin(path, realRoot)) throw new PathRefusedError('it is outside the register root');
    return { path, dangling: false };
  }
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { path, dangling: true };
  }
  insideRoot(realRoot)(path, real);
  return { path: real, dangling: false };
}

function statIfExists(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function assertUnchanged(path: string, file: string, previousHash: string | undefined): void {
  if (previousHash === undefined) {
    let exists = true;
    try {
      lstatSync(path);
    } catch {
      exists = false;
    }
    if (exists) throw new UsageError(`${file} was created while you answered; nothing was written, run the command again`);
    return;
  }
  let current: Buffer;
  try {
    current = readFileSync(path);
  } catch {
    throw new UsageError(`${file} was removed while you answered; nothing was written`);
  }
  if (hashBytes(current) !== previousHash) {
    throw new UsageError(`${file} changed on disk while you answered; nothing was written, run the command again`);
  }
}
