// Worker-thread entry for parallel parsing: receives batches of files, answers with their compact encodings (a string
// crosses the thread boundary far faster than a structured clone of the parsed objects).

import { parentPort } from 'node:worker_threads';
import { encodeParsedFile } from './parsed-file-codec.js';
import { parseRegisterFile } from './parse-file.js';

export interface ParseRequest {
  files: { index: number; file: string; bytes: Uint8Array }[];
}

export interface ParseResponse {
  results: { index: number; encoded: string }[];
}

parentPort?.on('message', (request: ParseRequest) => {
  const results = request.files.map(({ index, file, bytes }) => ({ index, encoded: encodeParsedFile(parseRegisterFile(file, bytes)) }));
  parentPort?.postMessage({ results } satisfies ParseResponse);
});
