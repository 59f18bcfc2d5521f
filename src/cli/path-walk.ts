// Resolves the directory a file is about to be written in, one component at a time, the way the kernel would
// (`..` goes up from where the walk really is, not from the text), so that every symbolic link on the way is seen
// and judged by the caller before anything is written through it. `path.resolve` cannot do this: it folds
// `link/..` away as text, while the kernel would follow the link first.

import { lstatSync, mkdirSync, realpathSync, rmdirSync } from 'node:fs';
import { dirname, isAbsolute, join, sep } from 'node:path';

/** Why a path cannot be written, in words for `cannot write PATH: <reason>`. */
export class PathRefusedError extends Error {}

export interface WalkOptions {
  /** Called for each symbolic link met on a directory component, with its real target; throw to refuse it. */
  onDirectoryLink: (link: string, target: string) => void;
  /** Create missing directories (an edit that adds a file in a new directory); otherwise a missing one is refused. */
  create?: boolean;
}

export interface WalkedPath {
  /** The real directory the file goes in. */
  dir: string;
  /** The file's name in it. */
  name: string;
  /** Directories the walk created (with `create`), outermost first: for the caller to remove if the write fails. */
  created: string[];
}

/** Splits `path` (relative to the real directory `from`, or absolute) and walks every component but the last. */
export function walkToParent(path: string, from: string, options: WalkOptions): WalkedPath {
  const parts = path.split(sep === '/' ? '/' : /[\\/]/);
  const name = parts.pop() ?? '';
  if (name === '' || name === '.' || name === '..') throw new PathRefusedError('it is a directory');
  let real = isAbsolute(path) ? sep : from;
  const created: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      real = dirname(real);
      continue;
    }
    real = enterDirectory(join(real, part), options, created);
  }
  return { dir: real, name, created };
}

/** Removes the directories a walk created, innermost first, as long as they are still empty. */
export function removeCreated(created: readonly string[]): void {
  for (const dir of [...created].reverse()) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
  }
}

function enterDirectory(path: string, options: WalkOptions, created: string[]): string {
  let info;
  try {
    info = lstatSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' || !options.create) throw errnoRefusal(code);
    try {
      mkdirSync(path);
    } catch (made) {
      throw errnoRefusal((made as NodeJS.ErrnoException).code);
    }
    created.push(path);
    return path;
  }
  if (info.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(path);
    } catch (e) {
      throw errnoRefusal((e as NodeJS.ErrnoException).code);
    }
    options.onDirectoryLink(path, target);
    if (!lstatSync(target).isDirectory()) throw errnoRefusal('ENOTDIR');
    return target;
  }
  if (!info.isDirectory()) throw errnoRefusal('ENOTDIR');
  return path;
}

const REASONS = new Map<string, string>([
  ['EACCES', 'permission denied'], ['EPERM', 'permission denied'], ['ENOENT', 'no such directory'],
  ['ENOTDIR', 'a parent of it is not a directory'], ['EISDIR', 'it is a directory'], ['EROFS', 'read-only file system'],
  ['ENOSPC', 'no space left on the device'], ['EDQUOT', 'disk quota exceeded'], ['ELOOP', 'too many symbolic links'],
  ['ENAMETOOLONG', 'the name is too long'], ['EEXIST', 'a file of that name appeared meanwhile'],
]);

/** A plain-words reason for an errno code. */
export function errnoReason(code: string | undefined): string {
  return REASONS.get(code ?? '') ?? code ?? 'error';
}

function errnoRefusal(code: string | undefined): PathRefusedError {
  return new PathRefusedError(errnoReason(code));
}

/** True when `path` is `dir` or below it (both real, absolute). */
export function isWithin(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}
