// A synchronous parser through the parse cache: what the `--base` comparison uses for the files of the base, so that
// files unchanged since the base are parsed once. It imports the parser, so it is loaded only for `--base`.

import { parseRegisterFile } from '../register/parse-file.js';
import { ParseCache } from '../register/parse-cache.js';
import type { FileParser } from '../register/read-and-assemble.js';

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
