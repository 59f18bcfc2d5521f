// The CLI's loader: like loadRegister (load-register.ts), but through the parse cache, with the misses parsed on
// worker threads. The parser (yaml, js-yaml and the zod schemas) is imported only when a file misses the cache: a
// warm scan whose every file hits loads none of it.

import type { ParsedFile } from './parse-file.js';
import { ParseCache } from './parse-cache.js';
import { assembleParsed, listAndReadFiles, untimed } from './read-and-assemble.js';
import type { FileContent, LoadResult, PhaseTimer, ReadOptions } from './read-and-assemble.js';

export interface CachedLoadOptions extends ReadOptions {
  /** Parsed-file cache; misses are parsed (in parallel when large) and stored. */
  cache: ParseCache;
  timer?: PhaseTimer;
  /** Upper bound on parse workers; 1 parses in this thread. */
  maxWorkers?: number;
}

export async function loadRegisterCached(root: string, options: CachedLoadOptions): Promise<LoadResult> {
  const timer = options.timer ?? untimed;
  const { fileCount, contents, refusals } = listAndReadFiles(root, options, timer);
  const parsed = await parseThroughCache(contents, options.cache, timer, options.maxWorkers);
  return { ...assembleParsed(root, parsed, timer, refusals), fileCount };
}

/** Cache hits are decoded, misses parsed together (on workers when that pays) and written back. */
export async function parseThroughCache(contents: FileContent[], cache: ParseCache, timer: PhaseTimer = untimed, maxWorkers?: number): Promise<ParsedFile[]> {
  const keys = timer('cache', () => contents.map((c) => ParseCache.keyFor(c.file, c.bytes)));
  const parsed = timer('cache', () => contents.map((c, i) => cache.get(c.file, keys[i])));
  const missing = contents.flatMap((c, i) => (parsed[i] === undefined ? [i] : []));
  if (missing.length > 0) {
    const { parseFilesInParallel } = await import('./parallel-parse.js');
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
