// Loading a register from disk: list the files, read them (with a size limit), parse each (through an optional
// cache), then assemble. The same assembly serves registers read from a git ref (src/git/), which supply their own
// file bytes. The CLI's loader, through the parse cache and parse workers, is load-cached.ts.

import { parseRegisterFile } from './parse-file.js';
import { assembleParsed, listAndReadFiles, untimed } from './read-and-assemble.js';
import type { FileContent, FileParser, LoadResult, PhaseTimer, ReadOptions } from './read-and-assemble.js';
import type { Diagnostic, Register } from './types.js';
import { sortDiagnostics } from './sort-diagnostics.js';

export { sortDiagnostics };
export { assembleParsed, DEFAULT_MAX_FILE_BYTES } from './read-and-assemble.js';
export type { FileContent, FileParser, LoadResult, PhaseTimer } from './read-and-assemble.js';
export { loadRegisterCached, parseThroughCache } from './load-cached.js';
export type { CachedLoadOptions } from './load-cached.js';

export interface LoadOptions extends ReadOptions {
  parse?: FileParser;
  timer?: PhaseTimer;
}

export function loadRegister(root: string, options: LoadOptions = {}): LoadResult {
  const timer = options.timer ?? untimed;
  const { fileCount, contents, refusals } = listAndReadFiles(root, options, timer);
  return { ...assembleRegister(root, contents, { parse: options.parse, timer, refusals }), fileCount };
}

/** Parses and assembles already-read files: shared by the disk loader and the git-ref loader, which pass the errors
 * of the files they refused as `refusals` (assembleParsed). */
export function assembleRegister(
  root: string, contents: FileContent[], options: { parse?: FileParser; timer?: PhaseTimer; refusals?: readonly Diagnostic[] } = {},
): { register?: Register; diagnostics: Diagnostic[] } {
  const timer = options.timer ?? untimed;
  const parse = options.parse ?? parseRegisterFile;
  const parsed = timer('parse', () => contents.map((c) => parse(c.file, c.bytes)));
  return assembleParsed(root, parsed, timer, options.refusals);
}
