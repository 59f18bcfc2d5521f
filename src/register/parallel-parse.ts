// Parses many register files on worker threads, when that pays. Since the fast read path (about 6 MB/s in one
// thread, against 1 MB/s for the `yaml` package) an M register parses in about a second in one thread, and workers
// cost their start, their own module loading, and an encode/decode of every result: measured, S was 1.6× slower
// with workers, and at L under load two workers took 152 s where one thread took 106 s. So workers are used only
// for a batch of at least PARALLEL_MIN_BYTES (an L-sized register), and only as many as there are idle cores by
// the one-minute load average. Files are dealt to workers largest first, in turns, so they finish together.

import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { decodeParsedFile } from './parsed-file-codec.js';
import { parseRegisterFile } from './parse-file.js';
import type { ParsedFile } from './parse-file.js';
import type { FileContent } from './load-register.js';
import type { ParseRequest, ParseResponse } from './parse-worker.js';

export const PARALLEL_MIN_BYTES = 24 * 1024 * 1024;

export interface ParsedWithEncoding {
  parsed: ParsedFile;
  /** The compact encoding, when a worker produced it (the cache can store it as is). */
  encoded?: string;
}

export async function parseFilesInParallel(
  contents: FileContent[], maxWorkers = defaultWorkerCount(), minBytes = PARALLEL_MIN_BYTES,
): Promise<ParsedWithEncoding[]> {
  const totalBytes = contents.reduce((sum, c) => sum + c.bytes.byteLength, 0);
  const workerCount = Math.min(maxWorkers, contents.length);
  if (workerCount < 2 || totalBytes < minBytes) {
    return contents.map((c) => ({ parsed: parseRegisterFile(c.file, c.bytes) }));
  }
  const order = contents.map((_, i) => i).sort((a, b) => contents[b].bytes.byteLength - contents[a].bytes.byteLength);
  const batches: ParseRequest['files'][] = Array.from({ length: workerCount }, () => []);
  order.forEach((index, turn) => batches[turn % workerCount].push({ index, file: contents[index].file, bytes: contents[index].bytes }));

  const results = new Array<ParsedWithEncoding>(contents.length);
  await Promise.all(batches.map((files) => runWorker(files).then((response) => {
    for (const { index, encoded } of response.results) {
      const parsed = decodeParsedFile(contents[index].file, encoded);
      if (!parsed) throw new Error(`a parse worker returned an unreadable result for ${contents[index].file}`);
      results[index] = { parsed, encoded };
    }
  })));
  return results;
}

function runWorker(files: ParseRequest['files']): Promise<ParseResponse> {
  return new Promise((resolve, reject) => {
    // A large young generation: YAML parsing makes many short-lived objects (see bin/sidedoor.js).
    const worker = new Worker(new URL('./parse-worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 192 } });
    worker.once('message', (response: ParseResponse) => {
      resolve(response);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a parse worker exited with code ${code}`));
    });
    worker.postMessage({ files } satisfies ParseRequest);
  });
}

/** One worker per idle core (cores minus the one-minute load, this process's own thread included), at most 4. */
function defaultWorkerCount(): number {
  const cores = availableParallelism();
  const idle = Math.floor(cores - loadavg()[0] + 1);
  return Math.max(1, Math.min(cores, idle, 4));
}
