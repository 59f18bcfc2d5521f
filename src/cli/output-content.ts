// What a command writes: a string, bytes, or a document in pieces. A streamed document (an L register's scan or
// graph as JSON, hundreds of megabytes) is written in batches of about a megabyte and never held whole. Pieces may be
// bytes (a workbook's zip, written entry by entry): text pieces are batched, byte pieces are written as they come.

import { writeSync } from 'node:fs';

export type OutputContent = string | Uint8Array | Iterable<string | Uint8Array>;

const BATCH_CHARS = 1 << 20;

/** Calls `write` with the content: a string or bytes in one call, text pieces joined into batches of about a megabyte,
 * byte pieces as they are. */
export function forEachBatch(content: OutputContent, write: (batch: string | Uint8Array) => void): void {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    write(content);
    return;
  }
  let pending: string[] = [];
  let size = 0;
  for (const chunk of content) {
    if (typeof chunk !== 'string') {
      if (pending.length > 0) write(pending.join(''));
      pending = [];
      size = 0;
      write(chunk);
      continue;
    }
    pending.push(chunk);
    size += chunk.length;
    if (size >= BATCH_CHARS) {
      write(pending.join(''));
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) write(pending.join(''));
}

/** Writes the whole content to an open file descriptor. */
export function writeAllSync(fd: number, content: OutputContent): void {
  forEachBatch(content, (batch) => {
    const bytes = typeof batch === 'string' ? Buffer.from(batch, 'utf8') : batch;
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written);
  });
}
