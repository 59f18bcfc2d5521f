// Parses many register files on worker threads, when that pays. Workers cost their start (about 0.15 s of CPU: a
// thread and its own module loading), their own JIT compilation of the parser, an encoding of their results and
// this thread's decoding of them; and while one thread parses, V8's garbage collector and compiler threads already
// use a second core.
//
// Measured (December 2026, 2 cores, CPU time of each thread from /proc, a fresh process per run: the machine was
// loaded, so wall times meant nothing), parsing plus the encoding the cache needs, one thread against two workers:
//   S (0.8 MB): this thread 0.20 s, other threads 0.35 s  |  this thread 0.05 s, other threads 1.1 s
//   M (7.7 MB): this thread 1.1-1.4 s, other threads 0.6 s  |  this thread 0.23 s, other threads 2.4-2.9 s
//   L (75 MB):  this thread 9.7 s, other threads 1.7 s  |  this thread 1.6-1.9 s, other threads 13.5-14.3 s
// On two idle cores the wall time is at least the larger of one thread's work and half the total: at M one thread
// takes 1.1-1.4 s and two workers at least 1.3-1.5 s, so workers do not pay there; at L (9.7 s against about 8 s)
// they do. So workers are used only for a batch of at least PARALLEL_MIN_BYTES (L-sized), and only as many as there
// are idle cores by the one-minute load average: on a busy machine they never pay.
// Tried and left: this thread parsing a share while one worker parses the rest. At M it did not pay either (this
// thread 0.7 s, other threads 1.6 s); at L it was faster, but the scan's peak RSS grew from 2.03 GB to 2.45 GB,
// since this thread then keeps a parse's garbage-grown heap, which the workers otherwise carry and give back.
// Files are dealt to workers largest first, in turns, so they finish together.

import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { decodeParsedFile } from './parsed-file-codec.js';
import { readRegisterFileFast } from './fast-read.js';
import type { ParsedFile } from './parse-file.js';
import type { FileContent } from './load-register.js';
import type { ParseRequest, ParseResponse } from './parse-worker.js';

export const PARALLEL_MIN_BYTES = 24 * 1024 * 1024;

export interface ParsedWithEncoding {
  parsed: ParsedFile;
  /** The compact encoding, when a worker produced it (the cache can store it as is). */
  encoded?: string;
}

/** Parses `contents` on up to `maxWorkers` worker threads (1 parses in this thread), when the batch is at least
 * `minBytes`; results come back in the order of `contents`. */
export async function parseFilesInParallel(
  contents: FileContent[], maxWorkers = defaultWorkerCount(), minBytes = PARALLEL_MIN_BYTES,
): Promise<ParsedWithEncoding[]> {
  const totalBytes = contents.reduce((sum, c) => sum + c.bytes.byteLength, 0);
  const workerCount = Math.min(maxWorkers, contents.length);
  if (workerCount < 2 || totalBytes < minBytes) {
    // The `yaml` path, and the package behind it, are loaded only for a file the fast path does not read.
    const fast = contents.map((c) => readRegisterFileFast(c.file, c.bytes));
    if (fast.every((read) => read?.parsed !== undefined)) return fast.map((read) => ({ parsed: read?.parsed as ParsedFile }));
    const { parseRegisterFile } = await import('./parse-file.js');
    return contents.map((c, i) => ({ parsed: fast[i]?.parsed ?? parseRegisterFile(c.file, c.bytes, { attempt: fast[i] }) }));
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
    // A large young generation: YAML parsing makes many short-lived objects, and a worker, unlike the main thread
    // (bin/sidedoor.js), can be given one.
    const worker = new Worker(new URL('./parse-worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 192 } });
    worker.once('message', (response: ParseResponse) => {
      resolve(response);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a parse worker exited with code ${code}`));
    });
    try {
      worker.postMessage({ files } satisfies ParseRequest);
    } catch (e) {
      // Nothing could be sent (a value that does not clone): the worker would wait for a message forever.
      void worker.terminate();
      reject(e as Error);
    }
  });
}

/** One worker per idle core (cores minus the one-minute load, this process's own thread included), at most 4. */
function defaultWorkerCount(): number {
  const cores = availableParallelism();
  const idle = Math.floor(cores - loadavg()[0] + 1);
  return Math.max(1, Math.min(cores, idle, 4));
}
