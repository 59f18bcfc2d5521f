// What every register loader shares: listing and reading the files of a register on disk (with a size limit), and
// assembling parsed files into one register. The disk loader (load-register.ts), the cached one (load-cached.ts) and
// the git-ref one (src/git/) differ only in how they get and parse the files. Nothing here parses YAML, so the loader
// that serves a warm scan from the parse cache loads no parser.

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildRegister } from './build-register.js';
import { listRegisterFiles } from './discover.js';
import type { ListOptions } from './discover.js';
import type { ParsedFile } from './parse-file.js';
import type { Diagnostic, Register } from './types.js';
import { sortDiagnostics } from './sort-diagnostics.js';

export interface LoadResult {
  register?: Register;
  diagnostics: Diagnostic[];
  /** Number of register files found. */
  fileCount: number;
}

/** Parses file bytes; a cache implements the same signature. */
export type FileParser = (file: string, bytes: Uint8Array) => ParsedFile;

/** Records the duration of a named phase (of a returned promise, until it settles); the CLI passes one in for
 * `--timings`, the core never reads the clock. */
export type PhaseTimer = <T>(phase: string, work: () => T) => T;

export const untimed: PhaseTimer = (_phase, work) => work();

/** 16 MiB: the largest file of a generated 100,000-system register is about 0.2 MB, and yaml parses about 0.5 MB a
 * second, so a bigger file is far more likely a mistake or an attack than a register, and refusing it is instant. */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface FileContent {
  file: string;
  bytes: Uint8Array;
}

/** A file refused before parsing (too large, unreadable, a symlink out of the root) makes the register invalid: the
 * rest must not be analysed as if it were the whole register, or adding a risky link in a refused file would hide it. */
function unlessRefused(register: Register | undefined, refusals: readonly Diagnostic[]): Register | undefined {
  return refusals.some((d) => d.severity === 'error') ? undefined : register;
}

/**
 * The cross-file half of loading (defaults, duplicates, references), and the end of every loader: `refusals` are the
 * errors of files refused before parsing, which leave no register (unlessRefused) and come first among the
 * diagnostics before they are sorted.
 */
export function assembleParsed(
  root: string, parsed: ParsedFile[], timer: PhaseTimer = untimed, refusals: readonly Diagnostic[] = [],
): { register?: Register; diagnostics: Diagnostic[] } {
  const built = timer('validate', () => buildRegister(root, parsed));
  return { register: unlessRefused(built.register, refusals), diagnostics: sortDiagnostics([...refusals, ...built.diagnostics]) };
}

export interface ReadOptions extends ListOptions {
  maxFileBytes?: number;
}

/** A register's files on disk, listed (phase `discovery`) and read (phase `read`), with the errors of the refused. */
export function listAndReadFiles(
  root: string, options: ReadOptions, timer: PhaseTimer,
): { fileCount: number; contents: FileContent[]; refusals: Diagnostic[] } {
  const listed = timer('discovery', () => listRegisterFiles(root, options));
  const refusals: Diagnostic[] = [...listed.diagnostics];
  const contents = timer('read', () => readRegisterFiles(root, listed.files, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, refusals));
  return { fileCount: listed.files.length, contents, refusals };
}

/** The bytes of each listed file; a file over `maxBytes` or unreadable is left out with an error in `diagnostics`. */
export function readRegisterFiles(root: string, files: string[], maxBytes: number, diagnostics: Diagnostic[]): FileContent[] {
  const contents: FileContent[] = [];
  for (const file of files) {
    const path = join(root, file);
    try {
      const size = statSync(path).size;
      if (size > maxBytes) {
        diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `the file is ${size} bytes, over the ${maxBytes}-byte limit; raise it with --max-file-size if this is intended` });
        continue;
      }
      contents.push({ file, bytes: readFileSync(path) });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `cannot read this file (${code === 'EACCES' ? 'permission denied' : code ?? 'error'})` });
    }
  }
  return contents;
}
