// Loading the register in this thread, synchronously, through the parse cache: what the commands other than scan,
// report and baseline use (validate, path, graph, …), and the `--base` comparison for the files of the base. The
// parser is imported here, not in load.ts, so that a warm scan loads none of it.

import { loadRegister } from '../register/load-register.js';
import type { LoadOptions } from '../register/load-register.js';
import { parseRegisterFile } from '../register/parse-file.js';
import { ParseCache } from '../register/parse-cache.js';
import type { FileParser, LoadResult } from '../register/read-and-assemble.js';
import type { Diagnostic, Register } from '../register/types.js';
import { fileLimitAsUsageError, locateRoot, openParseCache, requireValid } from './load.js';
import type { RegisterOptions } from './load.js';

export function loadOrFail(options: RegisterOptions, extra: LoadOptions = {}): { register: Register; diagnostics: Diagnostic[] } {
  return requireValid(loadFromDisk(locateRoot(options), options, extra), options);
}

/** Loads the register at `root` through the parse cache, whatever it holds: `validate` reports, others require valid. */
export function loadFromDisk(root: string, options: RegisterOptions, extra: LoadOptions = {}): LoadResult {
  try {
    const cache = openParseCache(root, options);
    const loaded = loadRegister(root, { maxFileBytes: options.maxFileSize, maxFiles: options.maxFiles, parse: cachedParser(cache), ...extra });
    cache.flush();
    return loaded;
  } catch (e) {
    return fileLimitAsUsageError(e);
  }
}

/** A synchronous parser through the cache, for commands that load small registers or run in-thread. */
export function cachedParser(cache: ParseCache): FileParser {
  return (file, bytes) => {
    const key = ParseCache.keyFor(file, bytes);
    const hit = cache.get(file, key);
    if (hit) return hit;
    const parsed = parseRegisterFile(file, bytes);
    cache.put(key, parsed);
    return parsed;
  };
}
