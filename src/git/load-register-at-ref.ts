// Reads the register as it was at a git ref, straight from the object database: no checkout, no worktree, no shell.
// Steps: resolve the ref to one commit; list the blobs below the register root; read them all with one
// `git cat-file --batch`; assemble them with the disk loader's own parse-and-validate code (assembleRegister), so
// the base register is judged by exactly the same rules as the working tree.

import { assembleRegister, DEFAULT_MAX_FILE_BYTES } from '../register/load-register.js';
import type { FileContent, FileParser, PhaseTimer } from '../register/load-register.js';
import { DEFAULT_MAX_FILES } from '../register/discover.js';
import { CONFIG_FILE } from '../register/parse-file.js';
import type { Diagnostic, Register } from '../register/types.js';
import { GitRefError } from './git-error.js';
import { listTree } from './list-tree.js';
import type { TreeEntry } from './list-tree.js';
import { readBlobs } from './read-blobs.js';
import { registerPrefix } from './register-prefix.js';
import { checkRefArgument, resolveCommit } from './resolve-commit.js';
import { followSymlink, isSymlink, selectRegisterFiles } from './register-tree-files.js';
import type { RegisterTreeSelection } from './register-tree-files.js';

export interface RefLoadOptions {
  maxFileBytes?: number;
  maxFiles?: number;
  /** The disk loader's parser, or a content-hash cache of it: most files are unchanged between base and head. */
  parse?: FileParser;
  timer?: PhaseTimer;
}

/** A ref resolved to a commit, with the register's files in that commit listed (nothing read yet). */
export interface RegisterTreeAtRef {
  ref: string;
  /** The full commit id the ref resolved to. */
  commit: string;
  /** The register root's path from the top of the repository (`''` or `dir/`). */
  prefix: string;
  selection: RegisterTreeSelection;
}

export interface RegisterAtRef {
  ref: string;
  commit: string;
  prefix: string;
  /** Undefined when the register at the ref is invalid; the diagnostics say why. */
  register?: Register;
  diagnostics: Diagnostic[];
}

const untimed: PhaseTimer = (_phase, work) => work();

/**
 * Resolves the ref and lists the register's files at that commit: everything that can fail on the ref itself (an
 * option-like or unknown ref, no repository, no register at that commit) fails here, cheaply, before any scan.
 * `root` is the working tree's register root; its path inside the repository is looked up at the ref.
 */
export function locateRegisterAtRef(root: string, ref: string, options: RefLoadOptions = {}): RegisterTreeAtRef {
  checkRefArgument(ref);
  const timer = options.timer ?? untimed;
  const prefix = registerPrefix(root);
  const commit = resolveCommit(ref, root);
  const selection = timer('discovery', () => selectRegisterFiles(listTree(commit, prefix, root), prefix, {
    maxFiles: options.maxFiles ?? DEFAULT_MAX_FILES, maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  }));
  if (!selection.files.some((f) => f.file === CONFIG_FILE)) {
    throw new GitRefError(`the register did not exist at '${ref}' (commit ${commit.slice(0, 12)}): that commit has no ${prefix}${CONFIG_FILE}`);
  }
  return { ref, commit, prefix, selection };
}

/** Reads the listed files and assembles them with the disk loader's code. */
export function readRegisterAtRef(root: string, located: RegisterTreeAtRef, options: RefLoadOptions = {}): RegisterAtRef {
  const timer = options.timer ?? untimed;
  const { ref, commit, prefix, selection } = located;
  const diagnostics = [...selection.diagnostics];
  const contents = timer('read', () => readContents(
    selection.files, selection.byPath, root, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, diagnostics,
  ));
  return { ref, commit, prefix, ...assembleRegister(root, contents, { parse: options.parse, timer, refusals: diagnostics }) };
}

export function loadRegisterAtRef(root: string, ref: string, options: RefLoadOptions = {}): RegisterAtRef {
  return readRegisterAtRef(root, locateRegisterAtRef(root, ref, options), options);
}

function readContents(
  files: { file: string; entry: TreeEntry }[], byPath: ReadonlyMap<string, TreeEntry>, cwd: string, maxFileBytes: number,
  diagnostics: Diagnostic[],
): FileContent[] {
  const blobs = readBlobs(unique(files.map((f) => f.entry)), cwd, sizeOf(files.map((f) => f.entry)));
  const text = (entry: TreeEntry) => (blobs.get(entry.oid) ?? Buffer.alloc(0)).toString('utf8');
  const resolved: { file: string; entry: TreeEntry }[] = [];
  for (const { file, entry } of files) {
    if (!isSymlink(entry)) {
      resolved.push({ file, entry });
      continue;
    }
    const target = followSymlink(file, byPath, (link) => {
      // A symlink met mid-chain (say, in a hidden directory) was not in the first batch.
      if (!blobs.has(link.oid)) for (const [oid, bytes] of readBlobs([link.oid], cwd, Math.max(link.size, 0))) blobs.set(oid, bytes);
      return text(link);
    });
    if ('diagnostic' in target) diagnostics.push(target.diagnostic);
    else if (target.entry.size > maxFileBytes) {
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `the file is ${target.entry.size} bytes, over the ${maxFileBytes}-byte limit; raise it with --max-file-size if this is intended` });
    } else resolved.push({ file, entry: target.entry });
  }
  const missing = unique(resolved.map((r) => r.entry).filter((e) => !blobs.has(e.oid)));
  for (const [oid, bytes] of readBlobs(missing, cwd, sizeOf(resolved.map((r) => r.entry)))) blobs.set(oid, bytes);
  return resolved.map(({ file, entry }) => ({ file, bytes: blobs.get(entry.oid) ?? Buffer.alloc(0) }));
}

function unique(entries: readonly TreeEntry[]): string[] {
  return [...new Set(entries.map((e) => e.oid))];
}

function sizeOf(entries: readonly TreeEntry[]): number {
  let total = 0;
  for (const entry of entries) total += Math.max(entry.size, 0);
  return total;
}
