// Parses many register files on worker threads. YAML parsing is CPU-bound and files are independent, so on a 2-core
// machine two workers roughly halve a cold scan's parse phase. Files are dealt to workers largest first, in turns, so
// the workers finish at about the same time. Small batches are parsed in the calling thread: starting a worker costs
// tens of milliseconds, which only pays off above PARALLEL_MIN_BYTES.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { decodeParsedFile } from './parsed-file-codec.js';
import { parseRegisterFile } from './parse-file.js';
import type { ParsedFile } from './parse-file.js';
import type { FileContent } from './load-register.js';
import type { ParseRequest, ParseResponse } from './parse-worker.js';

export const PARALLEL_MIN_BYTES = 512 * 1024;

export interface ParsedWithEncoding {
  parsed: ParsedFile;
  /** The compact encoding, when a worker produced it (the cache can store it as is). */
  encoded?: string;
}

export async function parseFilesInParallel(contents: FileContent[], maxWorkers = defaultWorkerCount()): Promise<ParsedWithEncoding[]> {
  const totalBytes = contents.reduce((sum, c) => sum + c.bytes.byteLength, 0);
  const workerCount = Math.min(maxWorkers, contents.length);
  if (workerCount < 2 || totalBytes < PARALLEL_MIN_BYTES) {
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

function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}
