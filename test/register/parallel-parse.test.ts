// Parse workers, when used (an L-sized batch on idle cores), give exactly what the calling thread gives.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
// From the build: a worker thread loads the compiled parse-worker.js, which vitest's source transform cannot serve.
import { parseFilesInParallel } from '../../dist/register/parallel-parse.js';
import { parseRegisterFile } from '../../dist/register/parse-file.js';
import { withResolvedLocations } from '../helpers/resolved-locations.js';
import { SAMPLE_CITY } from '../helpers/run-cli.js';

function files(root: string, dir = root): { file: string; bytes: Uint8Array }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(root, path);
    return name.endsWith('.yaml') ? [{ file: relative(root, path), bytes: readFileSync(path) }] : [];
  });
}

describe('parseFilesInParallel', () => {
  it('gives the same results on two workers as in this thread, in the same order', async () => {
    const contents = [...files(SAMPLE_CITY), { file: 'broken.yaml', bytes: new TextEncoder().encode('zones: [\n') }];
    const parallel = await parseFilesInParallel(contents, 2, 0);
    expect(parallel.every((r) => r.encoded !== undefined)).toBe(true);
    // Decoded from the workers' encodings, location tables share one array per file: compared by what they say.
    expect(parallel.map((r) => withResolvedLocations(r.parsed))).toEqual(contents.map((c) => withResolvedLocations(parseRegisterFile(c.file, c.bytes))));
  });

  it('reports a worker that cannot be sent its files', async () => {
    const [first] = files(SAMPLE_CITY);
    // A file that cannot be posted to a worker (a function does not clone).
    const poisoned = { file: 'zz.yaml', bytes: { byteLength: 0, f: () => 0 } as unknown as Uint8Array };
    await expect(parseFilesInParallel([first, poisoned], 2, 0)).rejects.toThrow();
  });

  it('parses a batch below the size threshold in this thread', async () => {
    const contents = files(SAMPLE_CITY);
    const results = await parseFilesInParallel(contents, 2);
    expect(results.every((r) => r.encoded === undefined)).toBe(true);
  });
});
