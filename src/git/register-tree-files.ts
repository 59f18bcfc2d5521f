// Applies the register's discovery rules (SPEC §1.1) to a commit's file listing instead of a directory walk, so the
// register read from git is exactly the one the disk loader would have read: every *.yaml / *.yml below the root,
// skipping any path component that starts with `.` or is `node_modules`, with the same file-count and size limits.
//
// Symlinks: git stores a symlink as a blob holding its target. A symlinked *file* is followed, hop by hop (at most
// MAX_LINK_HOPS), when its target stays inside the register root, as on disk; a target outside the root is an error,
// as on disk. Symlinked directories are not followed (their files do not appear in the listing).

import { posix } from 'node:path';
import { compareIds } from '../graph/attack-graph.js';
import { TooManyFilesError } from '../register/discover.js';
import type { Diagnostic } from '../register/types.js';
import type { TreeEntry } from './list-tree.js';

const SYMLINK_MODE = '120000';
const MAX_LINK_HOPS = 40;

export interface RegisterTreeFile {
  /** Relative to the register root. */
  file: string;
  entry: TreeEntry;
}

export interface RegisterTreeSelection {
  files: RegisterTreeFile[];
  diagnostics: Diagnostic[];
  /** Every blob below the root by root-relative path, hidden ones included: symlink targets are looked up here. */
  byPath: Map<string, TreeEntry>;
}

export function isDiscoveredPath(file: string): boolean {
  const parts = file.split('/');
  if (parts.some((part) => part.startsWith('.') || part === 'node_modules')) return false;
  const name = parts[parts.length - 1];
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

export function selectRegisterFiles(
  entries: readonly TreeEntry[], prefix: string, limits: { maxFiles: number; maxFileBytes: number },
): RegisterTreeSelection {
  const byPath = new Map<string, TreeEntry>();
  const files: RegisterTreeFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    if (entry.type !== 'blob' || !entry.path.startsWith(prefix)) continue;
    const file = entry.path.slice(prefix.length);
    byPath.set(file, entry);
    if (!isDiscoveredPath(file)) continue;
    if (entry.mode !== SYMLINK_MODE && entry.size > limits.maxFileBytes) {
      diagnostics.push(errorAt(file, `the file is ${entry.size} bytes, over the ${limits.maxFileBytes}-byte limit; raise it with --max-file-size if this is intended`));
      continue;
    }
    files.push({ file, entry });
    if (files.length > limits.maxFiles) throw new TooManyFilesError(limits.maxFiles);
  }
  files.sort((a, b) => compareIds(a.file, b.file));
  return { files, diagnostics, byPath };
}

/**
 * The regular blob a symlinked register file ends at, or a diagnostic. `targetOf` gives a symlink blob's content
 * (its target path).
 */
export function followSymlink(
  file: string, byPath: ReadonlyMap<string, TreeEntry>, targetOf: (entry: TreeEntry) => string,
): { entry: TreeEntry } | { diagnostic: Diagnostic } {
  let path = file;
  let entry = byPath.get(path);
  for (let hop = 0; entry !== undefined && entry.mode === SYMLINK_MODE; hop++) {
    if (hop === MAX_LINK_HOPS) return { diagnostic: errorAt(file, 'this symlink is broken or loops; refusing to follow it') };
    const target = targetOf(entry);
    const resolved = posix.normalize(posix.join(posix.dirname(path), target));
    if (posix.isAbsolute(target) || resolved === '..' || resolved.startsWith('../')) {
      return { diagnostic: errorAt(file, `this symlink points outside the register root (to ${target}); refusing to read it`) };
    }
    path = resolved;
    entry = byPath.get(path);
  }
  if (entry === undefined) return { diagnostic: errorAt(file, 'this symlink is broken or points to a directory; refusing to follow it') };
  return { entry };
}

export function isSymlink(entry: TreeEntry): boolean {
  return entry.mode === SYMLINK_MODE;
}

function errorAt(file: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', message };
}
