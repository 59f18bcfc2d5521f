// A content-hash cache of parsed and schema-validated register files (SPEC §4.1, §6). Parsing YAML dominates a
// cold scan, and a register changes a few files at a time, so a second scan only re-parses what changed.
//
// - Key: SHA-256 over the tool version, the schema version, the file's path (locations embed it) and its bytes.
// - Storage: one pack per register, `<dir>/pack`, read once: a header line (format, tool, schema), then one line
//   per file, `<key> <compact encoding>`. A warm run reads one file, not one per register file.
// - Trust: the pack is read only as a regular file, opened without following links (O_NOFOLLOW), no larger than
//   MAX_PACK_BYTES, in a directory that is itself no symlink. A pack or entry that fails any check or fails to
//   decode is ignored, and the entries are rebuilt: a corrupt or foreign cache is never trusted.
// - Where it lives (src/cli/load.ts): outside the working tree, in a per-user directory of mode 0700, so nothing a
//   change commits is ever read as a cache.
// - Writes: after a load that parsed anything, the pack is rewritten with the entries this run used, through a
//   temporary file (created exclusively, mode 0600) and a rename, so concurrent runs never see half a pack and the
//   pack never keeps entries for files that no longer exist.
// - Best effort: a cache directory that cannot be created or written never fails a scan.
// - A memory layer serves the same content twice in one run, which is what a `--base` scan needs when most files
//   are identical at base and head.

import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { TOOL_VERSION } from '../version.js';
import { decodeParsedFile, encodeParsedFile } from './parsed-file-codec.js';
import type { ParsedFile } from './parse-file.js';
import { SCHEMA_VERSION } from './register-names.js';

const CACHE_FORMAT = 3;
const PACK_NAME = 'pack';
const HEADER = JSON.stringify({ format: CACHE_FORMAT, tool: TOOL_VERSION, schema: SCHEMA_VERSION });
/** Far above the pack of a 100,000-system register (about 0.2 GB); a larger file is not one of ours. */
export const MAX_PACK_BYTES = 1024 * 1024 * 1024;
const KEY_LENGTH = 64;

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found on disk but rejected (corrupt, truncated, or a pack from another version or not a regular file). */
  rejected: number;
  /** Entries written to disk. */
  writes: number;
}

export class ParseCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0, writes: 0 };
  private readonly memory = new Map<string, ParsedFile>();
  /** The encoding of every entry this run used, for the next pack. */
  private readonly encodings = new Map<string, string | Buffer>();
  /** Entries in the pack on disk, as byte ranges of `packBytes`; read on first use. */
  private packed: Map<string, [number, number]> | undefined;
  private packBytes: Buffer | undefined;
  private fresh = 0;

  /** `dir` is this register's cache directory; undefined keeps the memory layer only (`--no-cache`). */
  constructor(private readonly dir: string | undefined) {}

  static keyFor(file: string, bytes: Uint8Array): string {
    return createHash('sha256')
      .update(`sidedoor-parse\0${TOOL_VERSION}\0${SCHEMA_VERSION}\0${CACHE_FORMAT}\0${file}\0`)
      .update(bytes)
      .digest('hex');
  }

  get(file: string, key: string): ParsedFile | undefined {
    const remembered = this.memory.get(key);
    if (remembered) {
      this.stats.hits++;
      return remembered;
    }
    const range = this.pack().get(key);
    if (range === undefined) {
      this.stats.misses++;
      return undefined;
    }
    const bytes = (this.packBytes as Buffer).subarray(range[0], range[1]);
    const parsed = decodeParsedFile(file, bytes.toString('utf8'));
    if (!parsed) {
      this.stats.rejected++;
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    this.memory.set(key, parsed);
    this.encodings.set(key, bytes);
    return parsed;
  }

  /** Stores a parse result; `encoded` may be passed when the caller already has it (from a worker). */
  put(key: string, parsed: ParsedFile, encoded?: string): void {
    this.memory.set(key, parsed);
    if (this.dir === undefined) return;
    this.encodings.set(key, encoded ?? encodeParsedFile(parsed));
    this.fresh++;
  }

  /** Writes the pack when this run parsed anything new. */
  flush(): void {
    if (this.dir === undefined || this.fresh === 0) return;
    const path = join(this.dir, PACK_NAME);
    const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    let fd: number | undefined;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      if (!isRealDirectory(this.dir)) return;
      fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
      writeSync(fd, `${HEADER}\n`);
      for (const [key, encoding] of this.encodings) {
        writeSync(fd, `${key} `);
        if (typeof encoding === 'string') writeSync(fd, encoding);
        else writeSync(fd, encoding);
        writeSync(fd, '\n');
      }
      closeSync(fd);
      fd = undefined;
      renameSync(temp, path);
      this.stats.writes += this.fresh;
      this.fresh = 0;
    } catch {
      if (fd !== undefined) closeSync(fd);
      try {
        rmSync(temp, { force: true });
      } catch {
        // Nothing was written if the directory itself is unusable.
      }
    }
  }

  /** The pack's entries by key, read once; empty when there is none or it fails a check. */
  private pack(): Map<string, [number, number]> {
    if (this.packed) return this.packed;
    this.packed = new Map();
    if (this.dir === undefined || !isRealDirectory(this.dir)) return this.packed;
    const bytes = readRegularFile(join(this.dir, PACK_NAME), MAX_PACK_BYTES);
    if (bytes === undefined) return this.packed;
    const headerEnd = bytes.indexOf(10);
    if (headerEnd < 0 || bytes.toString('utf8', 0, headerEnd) !== HEADER) {
      this.stats.rejected++;
      return this.packed;
    }
    for (let start = headerEnd + 1; start < bytes.length;) {
      let end = bytes.indexOf(10, start);
      if (end < 0) end = bytes.length;
      if (end - start > KEY_LENGTH + 1 && bytes[start + KEY_LENGTH] === 32) {
        this.packed.set(bytes.toString('latin1', start, start + KEY_LENGTH), [start + KEY_LENGTH + 1, end]);
      }
      start = end + 1;
    }
    this.packBytes = bytes;
    return this.packed;
  }
}

/** A directory, not a symlink to one (and, where the platform has owners, ours). */
function isRealDirectory(path: string): boolean {
  try {
    const stat = lstatSync(path);
    return stat.isDirectory() && (process.getuid === undefined || stat.uid === process.getuid());
  } catch {
    return false;
  }
}

/** The bytes of `path` if it is a regular file (not followed through a symlink) of at most `maxBytes`. */
function readRegularFile(path: string, maxBytes: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === stat.size ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
