// Finding the register root (walk up to `sidedoor.yaml`, like git finds `.git`) and listing its files.
// The walk is iterative, skips `.`-directories and node_modules, follows a symlink only when its real target stays
// inside the root (a symlink pointing outside is refused and named), and visits each real directory once, so a
// symlink loop cannot make it spin. Entries are taken in sorted order and symlinked directories only after the
// real tree, so a directory reachable both ways is always listed under its real path, whatever order the file
// system returns entries in.

import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE } from './register-names.js';
import type { Diagnostic } from './types.js';
import { compareIds } from '../util/compare-ids.js';
import { toPosixPath } from '../util/posix-path.js';

export class RegisterNotFoundError extends Error {
  constructor(readonly start: string, readonly explicit: boolean) {
    super(explicit
      ? `${start}: no ${CONFIG_FILE} here; a register is a directory whose root holds ${CONFIG_FILE} (run \`sidedoor init\` to create one)`
      : `no ${CONFIG_FILE} found in ${start} or any parent directory; pass --register DIR or run \`sidedoor init\``);
  }
}

/** `explicit` (from --register) must itself hold sidedoor.yaml; otherwise walk up from `cwd`. */
export function findRegisterRoot(cwd: string, explicit?: string): string {
  if (explicit !== undefined) {
    const dir = resolve(cwd, explicit);
    if (!isFile(join(dir, CONFIG_FILE))) throw new RegisterNotFoundError(dir, true);
    return dir;
  }
  let dir = resolve(cwd);
  for (;;) {
    if (isFile(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new RegisterNotFoundError(resolve(cwd), false);
    dir = parent;
  }
}

export interface RegisterFileList {
  /** Paths relative to the root, `/`-separated, sorted. */
  files: string[];
  diagnostics: Diagnostic[];
}

export interface ListOptions {
  /** Refuse to list more than this many files (a guard against pointing the tool at a huge tree). */
  maxFiles?: number;
}

export const DEFAULT_MAX_FILES = 20_000;

export function listRegisterFiles(root: string, options: ListOptions = {}): RegisterFileList {
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
  const realRoot = realpathSync(root);
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const refuse = (path: string, message: string) =>
    diagnostics.push({ file: toPosixPath(relative(root, path)), line: 1, column: 1, severity: 'error', message });
  const visited = new Set<string>([realRoot]);
  const stack: string[] = [root];
  /** Symlinked directories inside the root, with their real targets: walked once the real tree is done. */
  const linked: [string, string][] = [];
  while (stack.length > 0 || linked.length > 0) {
    if (stack.length === 0) {
      const [path, target] = linked.shift() as [string, string];
      if (!visited.has(target)) {
        visited.add(target);
        stack.push(path);
      }
      continue;
    }
    const dir = stack.pop() as string;
    let entries: string[];
    try {
      entries = readdirSync(dir).sort(compareIds);
    } catch (e) {
      refuse(dir, `cannot read this directory: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      continue;
    }
    for (const name of entries) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(dir, name);
      let info;
      try {
        info = lstatSync(path);
      } catch (e) {
        refuse(path, `cannot read this entry: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
        continue;
      }
      if (info.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(path);
        } catch {
          if (isRegisterFileName(name)) refuse(path, 'this symlink is broken or loops; refusing to follow it');
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + sep)) {
          if (isRegisterFileName(name) || statSync(path).isDirectory()) {
            refuse(path, `this symlink points outside the register root (to ${target}); refusing to read it`);
          }
          continue;
        }
        info = statSync(path);
        if (info.isDirectory()) {
          if (!visited.has(target)) linked.push([path, target]);
          continue;
        }
      } else if (info.isDirectory()) {
        const real = realpathSync(path);
        if (visited.has(real)) continue;
        visited.add(real);
      }
      if (info.isDirectory()) stack.push(path);
      else if (info.isFile() && isRegisterFileName(name)) {
        files.push(toPosixPath(relative(root, path)));
        if (files.length > maxFiles) {
          throw new TooManyFilesError(maxFiles);
        }
      }
    }
  }
  files.sort(compareIds);
  return { files, diagnostics };
}

export class TooManyFilesError extends Error {
  constructor(readonly limit: number) {
    super(`the register has more than ${limit} YAML files; raise the limit with --max-files if this is intended`);
  }
}

function isRegisterFileName(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
