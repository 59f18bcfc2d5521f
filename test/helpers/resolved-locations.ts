// A parse result with each location table written out as its [path, line, column] triples. Files decoded from the
// parse cache or from a parse worker share one position array per file (LocationTable.start, a FieldLocations),
// parsed ones have an array per entity: the two are equal when they say the same thing, which this compares.

import type { LocationTable, ParsedFile } from '../../src/register/parse-file.js';

export function withResolvedLocations(parsed: ParsedFile | undefined) {
  return parsed && {
    ...parsed,
    entities: parsed.entities.map((e) => ({ ...e, locs: triples(e.locs) })),
    config: parsed.config && { ...parsed.config, locs: triples(parsed.config.locs) },
  };
}

function triples(locs: LocationTable): [string, number, number][] {
  const start = locs.start ?? 0;
  return locs.paths.map((path, i) => [path, locs.positions[start + 2 * i], locs.positions[start + 2 * i + 1]]);
}
