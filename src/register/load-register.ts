// Loading a register from disk: list the files, read them (with a size limit), parse each (through an optional
// cache), then assemble. The same assembly serves registers read from a git ref (src/git/), which supply their own
// file bytes.

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildRegister } from './build-register.js';
import { listRegisterFiles } from './discover.js';
import type { ListOptions } from './discover.js';
import { parseRegisterFile } from './parse-file.js';
import type { ParsedFile } from './parse-file.js';
import { ParseCache } from './parse-cache.js';
import { parseFilesInParallel } from './parallel-parse.js';
import type { Diagnostic, Register } from './types.js';
import { sortDiagnostics } from './sort-diagnostics.js';

export { sortDiagnostics };

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

export interface LoadOptions extends ListOptions {
  maxFileBytes?: number;
  parse?: FileParser;
  timer?: PhaseTimer;
}

/** 16 MiB: the largest file of a generated 100,000-system register is about 0.2 MB, and yaml parses about 0.5 MB a
 * second, so a bigger file is far more likely a mistake or an attack than a register, and refusing it is instant. */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

const untimed: PhaseTimer = (_phase, work) => work();

export function loadRegister(root: string, options: LoadOptions = {}): LoadResult {
  const timer = options.timer ?? untimed;
  const listed = timer('discovery', () => listRegisterFiles(root, options));
  const diagnostics: Diagnostic[] = [...listed.diagnostics];
  const contents = timer('read', () => readFiles(root, listed.files, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, diagnostics));
  const result = assembleRegister(root, contents, { parse: options.parse, timer });
  return { register: unlessRefused(result.register, diagnostics), diagnostics: sortDiagnostics([...diagnostics, ...result.diagnostics]), fileCount: listed.files.length };
}

/** A file refused before parsing (too large, unreadable, a symlink out of the root) makes the register invalid: the
 * rest must not be analysed as if it were the whole register, or adding a risky link in a refused file would hide it. */
export function unlessRefused(register: Register | undefined, refusals: readonly Diagnostic[]): Register | undefined {
  return refusals.some((d) => d.severity === 'error') ? undefined : register;
}

export interface FileContent {
  file: string;
  bytes: Uint8Array;
}

/** Parses and assembles already-read files: shared by the disk loader and the git-ref loader. */
export function assembleRegister(
  root: string, contents: FileContent[], options: { parse?: FileParser; timer?: PhaseTimer } = {},
): { register?: Register; diagnostics: Diagnostic[] } {
  const timer = options.timer ?? untimed;
  const parse = options.parse ?? parseRegisterFile;
  const parsed = timer('parse', () => contents.map((c) => parse(c.file, c.bytes)));
  return assembleParsed(root, parsed, timer);
}

/** The cross-file half of loading: defaults, duplicates, references. */
export function assembleParsed(root: string, parsed: ParsedFile[], timer: PhaseTimer = untimed): { register?: Register; diagnostics: Diagnostic[] } {
  const built = timer('validate', () => buildRegister(root, parsed));
  return { register: built.register, diagnostics: sortDiagnostics(built.diagnostics) };
}

export interface CachedLoadOptions extends ListOptions {
  maxFileBytes?: number;
  /** Parsed-file cache; misses are parsed (in parallel when large) and stored. */
  cache: ParseCache;
  timer?: PhaseTimer;
  /** Upper bound on parse workers; 1 parses in this thread. */
  maxWorkers?: number;
}

/** The scan's loader: like loadRegister, but through the parse cache and worker threads. */
export async function loadRegisterCached(root: string, options: CachedLoadOptions): Promise<LoadResult> {
  const timer = options.timer ?? untimed;
  const listed = timer('discovery', () => listRegisterFiles(root, options));
  const diagnostics: Diagnostic[] = [...listed.diagnostics];
  const contents = timer('read', () => readFiles(root, listed.files, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, diagnostics));
  const parsed = await parseThroughCache(contents, options.cache, timer, options.maxWorkers);
  const result = assembleParsed(root, parsed, timer);
  return { register: unlessRefused(result.register, diagnostics), diagnostics: sortDiagnostics([...diagnostics, ...result.diagnostics]), fileCount: listed.files.length };
}

/** Cache hits are decoded, misses parsed together (on workers when that pays) and written back. */
export async function parseThroughCache(contents: FileContent[], cache: ParseCache, timer: PhaseTimer = untimed, maxWorkers?: number): Promise<ParsedFile[]> {
  const keys = timer('cache', () => contents.map((c) => ParseCache.keyFor(c.file, c.bytes)));
  const parsed = timer('cache', () => contents.map((c, i) => cache.get(c.file, keys[i])));
  const missing = contents.flatMap((c, i) => (parsed[i] === undefined ? [i] : []));
  if (missing.length > 0) {
    const fresh = await timer('parse', () => parseFilesInParallel(missing.map((i) => contents[i]), maxWorkers));
    timer('cache', () => fresh.forEach(({ parsed: result, encoded }, j) => {
      const i = missing[j];
      parsed[i] = result;
      cache.put(keys[i], result, encoded);
    }));
    timer('cache', () => cache.flush());
  }
  return parsed as ParsedFile[];
}

function readFiles(root: string, files: string[], maxBytes: number, diagnostics: Diagnostic[]): FileContent[] {
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
