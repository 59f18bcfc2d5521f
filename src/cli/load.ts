// Loading the register for a command: find the root, load through the parse cache, print diagnostics the way
// `validate` does, and stop with exit 2 when the register is invalid. This module loads no parser: one is imported
// only when a file misses the parse cache (src/register/load-cached.ts).

import { resolve } from 'node:path';
import { loadRegisterCached } from '../register/load-cached.js';
import type { LoadResult, PhaseTimer } from '../register/read-and-assemble.js';
import { ParseCache } from '../register/parse-cache.js';
import { defaultCacheRoot, registerCacheDir } from './cache-location.js';
import { gitWorkTreeAround } from '../git/work-tree.js';
import { findRegisterRoot, RegisterNotFoundError, TooManyFilesError } from '../register/discover.js';
import type { Diagnostic, Register } from '../register/types.js';
import { InvalidRegisterError, UsageError } from './errors.js';
import { terminalText } from '../report/terminal-text.js';
import { clearProgressLine } from './progress.js';
import { excerptLines } from './diagnostic-excerpt.js';
import { plural } from '../util/plural.js';

export interface RegisterOptions extends CacheOptions {
  register?: string;
  maxFileSize?: number;
  maxFiles?: number;
  maxDiagnostics?: number;
}

export const DEFAULT_MAX_DIAGNOSTICS = 200;

export function locateRoot(options: RegisterOptions): string {
  try {
    return findRegisterRoot(process.cwd(), options.register);
  } catch (e) {
    if (e instanceof RegisterNotFoundError) throw new UsageError(e.message);
    throw e;
  }
}

/** Loads the register (through the parse cache and parse workers) and stops with exit 2 when it is invalid. The
 * cache is returned for a `--base` comparison, whose unchanged files it serves. */
export async function loadOrFail(
  options: RegisterOptions, timer?: PhaseTimer,
): Promise<{ register: Register; diagnostics: Diagnostic[]; cache: ParseCache }> {
  const root = locateRoot(options);
  const cache = openParseCache(root, options);
  return { ...requireValid(await loadFromDisk(root, options, cache, timer), options), cache };
}

/** Loads the register at `root`, whatever it holds: `validate` reports, others require valid. */
export async function loadFromDisk(root: string, options: RegisterOptions, cache = openParseCache(root, options), timer?: PhaseTimer): Promise<LoadResult> {
  try {
    return await loadRegisterCached(root, { maxFileBytes: options.maxFileSize, maxFiles: options.maxFiles, cache, timer, maxWorkers: parseWorkerLimit() });
  } catch (e) {
    return fileLimitAsUsageError(e);
  }
}

/** The file-count limit is the user's to raise, so exceeding it is a usage error; anything else passes through. */
function fileLimitAsUsageError(e: unknown): never {
  if (e instanceof TooManyFilesError) throw new UsageError(e.message);
  throw e;
}

export interface CacheOptions {
  /** False with `--no-cache`. */
  cache?: boolean;
  cacheDir?: string;
}

/** The parse cache a command should use (see cache-location.ts for where, and why). */
export function openParseCache(root: string, options: CacheOptions): ParseCache {
  if (options.cache === false) return new ParseCache(undefined);
  if (options.cacheDir !== undefined) {
    const dir = resolve(options.cacheDir);
    const tree = gitWorkTreeAround(dir);
    if (tree !== undefined) {
      throw new UsageError(`--cache-dir ${dir} is inside the git working tree ${tree}; a cache there could be committed and read as trusted. Choose a directory outside any working tree, or leave --cache-dir out`);
    }
    return new ParseCache(registerCacheDir(dir, root));
  }
  const cacheRoot = defaultCacheRoot();
  const tree = gitWorkTreeAround(root);
  if (tree !== undefined && gitWorkTreeAround(cacheRoot) === tree) return new ParseCache(undefined);
  return new ParseCache(registerCacheDir(cacheRoot, root));
}

/** `SIDEDOOR_PARSE_WORKERS=N` caps the parse worker threads (1 parses in the main thread); for benchmarks. */
function parseWorkerLimit(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.SIDEDOOR_PARSE_WORKERS;
  return value !== undefined && /^[1-9]\d*$/.test(value) ? Number(value) : undefined;
}

/** Prints diagnostics like `validate` and stops with exit 2 when the register is invalid; prints warnings otherwise. */
function requireValid(loaded: LoadResult, options: RegisterOptions): { register: Register; diagnostics: Diagnostic[] } {
  clearProgressLine();
  if (!loaded.register) {
    process.stderr.write(formatDiagnostics(loaded.diagnostics, options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS, process.stderr.isTTY === true));
    throw new InvalidRegisterError('the register is invalid');
  }
  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length > 0) process.stderr.write(formatDiagnostics(warnings, options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS));
  return { register: loaded.register, diagnostics: loaded.diagnostics };
}

/** `file:line:col  message`, one a line, capped, with a closing count. `excerpts` (for a terminal) adds the line at
 * fault under the diagnostics that carry it, with a caret. */
export function formatDiagnostics(diagnostics: Diagnostic[], max: number, excerpts = false): string {
  const lines = diagnostics.slice(0, max).flatMap((d) => [
    `${terminalText(d.file)}:${d.line}:${d.column}  ${d.severity === 'warning' ? 'warning: ' : ''}${terminalText(d.message)}`,
    ...(excerpts ? excerptLines(d) : []),
  ]);
  if (diagnostics.length > max) lines.push(`… and ${diagnostics.length - max} more (raise the limit with --max-diagnostics)`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 0) lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
