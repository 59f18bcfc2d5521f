// Loading a register from disk: list the files, read them (with a size limit), parse each (through an optional
// cache), then assemble. The same assembly serves registers read from a git ref (src/git/), which supply their own
// file bytes. The CLI's loader, through the parse cache and parse workers, is load-cached.ts.

import { listRegisterFiles } from './discover.js';
import type { ListOptions } from './discover.js';
import { parseRegisterFile } from './parse-file.js';
import { assembleParsed, DEFAULT_MAX_FILE_BYTES, readRegisterFiles, unlessRefused, untimed } from './read-and-assemble.js';
import type { FileContent, FileParser, LoadResult, PhaseTimer } from './read-and-assemble.js';
import type { Diagnostic, Register } from './types.js';
import { sortDiagnostics } from './sort-diagnostics.js';

export { sortDiagnostics };
export { assembleParsed, DEFAULT_MAX_FILE_BYTES, unlessRefused } from './read-and-assemble.js';
export type { FileContent, FileParser, LoadResult, PhaseTimer } from './read-and-assemble.js';
export { loadRegisterCached, parseThroughCache } from './load-cached.js';
export type { CachedLoadOptions } from './load-cached.js';

export interface LoadOptions extends ListOptions {
  maxFileBytes?: number;
  parse?: FileParser;
  timer?: PhaseTimer;
}

export function loadRegister(root: string, options: LoadOptions = {}): LoadResult {
  const timer = options.timer ?? untimed;
  const listed = timer('discovery', () => listRegisterFiles(root, options));
  const diagnostics: Diagnostic[] = [...listed.diagnostics];
  const contents = timer('read', () => readRegisterFiles(root, listed.files, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, diagnostics));
  const result = assembleRegister(root, contents, { parse: options.parse, timer });
  return { register: unlessRefused(result.register, diagnostics), diagnostics: sortDiagnostics([...diagnostics, ...result.diagnostics]), fileCount: listed.files.length };
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
