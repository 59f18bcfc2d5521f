// Where command output goes: stdout (no `-o`, or `-o -`), or a file written atomically (temporary file in the same
// directory, then rename), so a failed run never leaves a half-written report behind.
//
// The checkout is hostile input (SPEC §4.1): a pull request can commit a symbolic link where CI writes its report,
// and a CI job often runs as root. So `-o`:
// - never writes through a symbolic link: one at the path itself is refused wherever it is, and one on a directory
//   of the path is refused inside the checkout (the git work tree of the working directory or of the register, or
//   those directories themselves outside git). Links outside the checkout are the machine's own (`/var/run`).
// - never replaces a register file (nor creates a file the register would read), anything inside a `.git`
//   directory, or an input of the same run (`--baseline`);
// - keeps the owner, group and mode of a file it replaces.
// A target that exists and is a FIFO or a character device (`/dev/null`, `/dev/tty`) is written in place: renaming
// over it would replace a device node with a plain file. A block device is refused: no report belongs on a disk.

import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isDiscoveredPath } from '../git/register-tree-files.js';
import { gitWorkTreeAround } from '../git/work-tree.js';
import { toPosixPath } from '../util/posix-path.js';
import { OwnershipError, replaceAtomically } from './atomic-replace.js';
import { forEachBatch, writeAllSync } from './output-content.js';
import type { OutputContent } from './output-content.js';
import { UsageError } from './errors.js';
import { errnoReason, isWithin, PathRefusedError, walkToParent } from './path-walk.js';

/** What a run's output must not overwrite. */
export interface OutputGuard {
  /** The register of the run: its files, and any file it would read, are never written. */
  register?: { root: string; files: readonly string[] };
  /** Files the run reads, by the option that named them (`--baseline`). */
  inputs?: readonly { option: string; path: string | undefined }[];
}

/** Writes to `-o FILE` when given (and not `-`), else to stdout. */
export function emit(content: OutputContent, outputFile?: string, guard: OutputGuard = {}): void {
  // Writes to stdout are synchronous for files, pipes and terminals on Linux and macOS, so nothing queues up in memory.
  if (outputFile === undefined || outputFile === '-') forEachBatch(content, (batch) => process.stdout.write(batch));
  else writeOutputFile(outputFile, content, guard);
}

export function writeOutputFile(path: string, content: OutputContent, guard: OutputGuard = {}): void {
  try {
    writeChecked(path, content, guard);
  } catch (e) {
    if (e instanceof PathRefusedError || e instanceof OwnershipError) throw new UsageError(`cannot write ${path}: ${e.message}`);
    if (e instanceof UsageError) throw e;
    // A streamed output is made while it is written, so the failure may be the content's own (a workbook too large
    // for a zip without ZIP64) rather than the file system's: that one has no errno code, and its message is the reason.
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot write ${path}: ${code === undefined && e instanceof Error ? e.message : errnoReason(code)}`);
  }
}

function writeChecked(path: string, content: OutputContent, guard: OutputGuard): void {
  const cwd = realpathSync(process.cwd());
  const registerRoot = guard.register ? realpathSync(guard.register.root) : undefined;
  const checkouts = [cwd, ...(registerRoot === undefined ? [] : [registerRoot])].map(checkoutOf);
  const { dir, name } = walkToParent(path, cwd, {
    onDirectoryLink: (link) => {
      if (checkouts.some((c) => isWithin(link, c.top))) {
        throw new PathRefusedError(`${link} is a symbolic link inside the checkout; sidedoor never writes through one`);
      }
    },
  });
  const target = join(dir, name);
  const refusal = protectedReason(target, checkouts, registerRoot, guard);
  if (refusal !== undefined) throw new PathRefusedError(refusal);
  let info;
  try {
    info = lstatSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    replaceAtomically(dir, name, content);
    return;
  }
  if (info.isSymbolicLink()) {
    throw new PathRefusedError('it is a symbolic link, and sidedoor never writes through one (remove it, or use `-o -` for stdout)');
  }
  if (info.isDirectory()) throw new PathRefusedError('it is a directory');
  if (info.isBlockDevice()) throw new PathRefusedError('it is a block device');
  if (info.isFile()) {
    replaceAtomically(dir, name, content, { keep: { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid } });
    return;
  }
  writeInPlace(target, content);
}

/** A FIFO or a character device: opened without following links or creating anything, and checked once open. */
function writeInPlace(target: string, content: OutputContent): void {
  const fd = openSync(target, constants.O_WRONLY | constants.O_NOFOLLOW);
  try {
    const info = fstatSync(fd);
    if (!info.isFIFO() && !info.isCharacterDevice()) throw new PathRefusedError('it changed while being opened');
    writeAllSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

interface Checkout {
  /** The git work tree's top, or the directory itself outside git. */
  top: string;
  /** The repository's git directory when `.git` is a file pointing elsewhere (worktrees, submodules). */
  gitDir?: string;
}

/** The git work tree holding `dir` (no git command runs), or `dir` itself outside git. */
function checkoutOf(dir: string): Checkout {
  const top = gitWorkTreeAround(dir);
  if (top === undefined) return { top: dir };
  const dotGit = join(top, '.git');
  return { top, gitDir: lstatSync(dotGit).isFile() ? pointedGitDir(top, dotGit) : undefined };
}

/** `.git` as a file holds `gitdir: PATH`. */
function pointedGitDir(top: string, dotGit: string): string | undefined {
  try {
    const match = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'));
    if (match === null) return undefined;
    const dir = resolve(top, match[1].trim());
    return existsSync(dir) ? realpathSync(dir) : undefined;
  } catch {
    return undefined;
  }
}

function protectedReason(target: string, checkouts: Checkout[], registerRoot: string | undefined, guard: OutputGuard): string | undefined {
  if (target.split(/[\\/]/).some((part) => part.toLowerCase() === '.git')
    || checkouts.some((c) => c.gitDir !== undefined && isWithin(target, c.gitDir))) {
    return 'it is inside a .git directory';
  }
  const existing = identityOf(target);
  const isTarget = (path: string) => {
    const other = identityOf(path);
    return other !== undefined && existing !== undefined && other.dev === existing.dev && other.ino === existing.ino;
  };
  if (guard.register && registerRoot !== undefined) {
    const { root, files } = guard.register;
    if (files.some((file) => isTarget(join(root, file)))) return 'it is a register file';
    if (isWithin(target, registerRoot) && isDiscoveredPath(toPosixPath(relative(registerRoot, target)))) {
      return 'it is inside the register, which would read it as a register file';
    }
  }
  for (const input of guard.inputs ?? []) {
    if (input.path !== undefined && isTarget(resolve(input.path))) return `it is the ${input.option} input of this run`;
  }
  return undefined;
}

/** Device and inode of the file a path names (following links), so a hard link or another spelling is the same file. */
function identityOf(path: string): { dev: number; ino: number } | undefined {
  try {
    const info = statSync(path);
    return { dev: info.dev, ino: info.ino };
  } catch {
    return undefined;
  }
}
