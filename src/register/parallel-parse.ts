// Parses many register files on several threads, when that pays: this thread parses a share itself while worker
// threads parse the others (a thread that only waited for workers would leave a core's worth of work undone).
// Workers cost their start (about 0.15 s of CPU: a thread and its own module loading), their own JIT compilation
// of the parser, an encoding of their results, and this thread's decoding of them; and V8's garbage collector and
// compiler threads already use the second core while one thread parses.
//
// Measured (December 2026, 2 cores, by the CPU time of each thread, fresh process each run; the machine was loaded,
// so wall times there meant nothing), parse and encode for the cache, one thread against this thread plus one worker:
//   S  (0.8 MB):  this thread 0.17 s, other threads 0.28 s  |  0.12 s and 0.68 s
//   M  (7.7 MB):  this thread 1.1 s,  other threads 0.55 s  |  0.70 s and 1.6 s
//   L  (75 MB):   this thread 9.7 s,  other threads 1.7 s   |  5.9 s and 6.9 s; peak RSS 0.89 GB | 1.05 GB
// On two idle cores the wall time is at least the larger of this thread's time and half the total: at M one thread
// takes about 1.1 s and two at least 1.15 s, so workers do not pay; at L, 9.7 s against about 6.4 s, they do. The
// break-even lies near 12 MB by these figures, so workers start at PARALLEL_MIN_BYTES (24 MB), with margin. On a
// busy machine they never pay: there are only as many threads as idle cores by the one-minute load average (a
// loaded machine parses in this thread alone). Files are dealt largest first, in turns, so the shares finish
// together.

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

/** Parses `contents` on up to `maxThreads` threads, this one included (1 parses here alone), when the batch is at
 * least `minBytes`; results come back in the order of `contents`. */
export async function parseFilesInParallel(
  contents: FileContent[], maxThreads = defaultThreadCount(), minBytes = PARALLEL_MIN_BYTES,
): Promise<ParsedWithEncoding[]> {
  const totalBytes = contents.reduce((sum, c) => sum + c.bytes.byteLength, 0);
  const threadCount = Math.min(maxThreads, contents.length);
  if (threadCount < 2 || totalBytes < minBytes) {
    return contents.map((c) => ({ parsed: parseRegisterFile(c.file, c.bytes) }));
  }
  // Largest first, dealt in turns: the shares come out about equal in bytes. Share 0 is this thread's.
  const order = contents.map((_, i) => i).sort((a, b) => contents[b].bytes.byteLength - contents[a].bytes.byteLength);
  const shares: number[][] = Array.from({ length: threadCount }, () => []);
  order.forEach((index, turn) => shares[turn % threadCount].push(index));

  // The workers start (a thread, then their own module loading) while this thread parses its share.
  const working = shares.slice(1).map((share) => runWorker(share.map((index) => ({ index, file: contents[index].file, bytes: contents[index].bytes }))));
  // Should this thread's share throw, the workers are never awaited: their failures must not also surface as
  // unhandled rejections (Promise.all below still reports the first one).
  for (const promise of working) promise.catch(() => undefined);
  const results = new Array<ParsedWithEncoding>(contents.length);
  for (const index of shares[0]) results[index] = { parsed: parseRegisterFile(contents[index].file, contents[index].bytes) };
  for (const response of await Promise.all(working)) {
    for (const { index, encoded } of response.results) {
      const parsed = decodeParsedFile(contents[index].file, encoded);
      if (!parsed) throw new Error(`a parse worker returned an unreadable result for ${contents[index].file}`);
      results[index] = { parsed, encoded };
    }
  }
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
    try {
      worker.postMessage({ files } satisfies ParseRequest);
    } catch (e) {
      // Nothing could be sent (a value that does not clone): the worker would wait for a message forever.
      void worker.terminate();
      reject(e as Error);
    }
  });
}

/** One parsing thread per idle core (cores minus the one-minute load, this thread's own core included), at most 4. */
function defaultThreadCount(): number {
  const cores = availableParallelism();
  const idle = Math.floor(cores - loadavg()[0] + 1);
  return Math.max(1, Math.min(cores, idle, 4));
}
