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
//   pack never keeps entries for files that no longer exist. Parsed entries go to the temporary file as they come,
//   so their encodings are never all held in memory; one left by an interrupted run is removed by the next.
// - Best effort: a cache directory that cannot be created or written never fails a scan.
// - A memory layer serves the same content twice in one run, which is what a `--base` scan needs when most files
//   are identical at base and head.

import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { TOOL_VERSION } from '../version.js';
import { decodeParsedFileBytes, encodeParsedFile } from './parsed-file-codec.js';
import type { ParsedFile } from './parse-file.js';
import { SCHEMA_VERSION } from './register-names.js';

/** 4: the columnar, ASCII-only entry encoding of parsed-file-codec.ts. */
const CACHE_FORMAT = 4;
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
  /** Every entry this run used: the next pack holds exactly these. */
  private readonly memory = new Map<string, ParsedFile>();
  /** The pack bytes of each entry this run served from the pack (views of `packBytes`, no copies). */
  private readonly hitBytes = new Map<string, Buffer>();
  /** Entries in the pack on disk, as byte ranges of `packBytes`; read on first use. */
  private packed: Map<string, [number, number]> | undefined;
  private packBytes: Buffer | undefined;
  /** The next pack, written as entries are parsed: held until the flush, the encodings of a cold L register took
   * about 0.2 GB of heap through the whole load, and the garbage collector let the heap grow several times that. */
  private next: { fd: number; path: string; written: Set<string> } | undefined;
  /** Set when the next pack cannot be written (no usable directory): the run goes on without writing one. */
  private unwritable = false;
  /** After a flush, entries parsed later (a `--base` scan's) are not written through: no flush may follow, and an
   * unfinished next pack would be left behind. A later flush encodes them then. */
  private flushed = false;
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
    const parsed = decodeParsedFileBytes(file, bytes);
    if (!parsed) {
      this.stats.rejected++;
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    this.memory.set(key, parsed);
    this.hitBytes.set(key, bytes);
    return parsed;
  }

  /** Stores a parse result and writes its encoding to the next pack at once; `encoded` may be passed when the caller
   * already has it (from a worker). */
  put(key: string, parsed: ParsedFile, encoded?: string): void {
    this.memory.set(key, parsed);
    if (this.dir === undefined) return;
    this.fresh++;
    const next = this.flushed ? undefined : this.openNext();
    if (next === undefined || next.written.has(key)) return;
    try {
      writeEntry(next.fd, key, encoded ?? encodeParsedFile(parsed));
      next.written.add(key);
    } catch {
      this.abandonNext();
      this.unwritable = true;
    }
  }

  /** Completes the next pack with the entries served from the old one and puts it in place, when this run parsed
   * anything new. */
  flush(): void {
    if (this.dir === undefined || this.fresh === 0) return;
    this.flushed = true;
    const next = this.openNext();
    if (next === undefined) return;
    try {
      for (const [key, parsed] of this.memory) {
        // An entry written by an earlier flush of this run is encoded again: it is in no buffer any more.
        if (!next.written.has(key)) writeEntry(next.fd, key, this.hitBytes.get(key) ?? encodeParsedFile(parsed));
      }
      closeSync(next.fd);
      this.next = undefined;
      renameSync(next.path, join(this.dir, PACK_NAME));
      this.stats.writes += this.fresh;
      this.fresh = 0;
    } catch {
      this.abandonNext();
    }
  }

  /** The next pack, opened on first use (a temporary file, created exclusively, renamed over the pack by flush). */
  private openNext(): { fd: number; path: string; written: Set<string> } | undefined {
    if (this.next !== undefined || this.unwritable || this.dir === undefined) return this.next;
    const path = `${join(this.dir, PACK_NAME)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    let fd: number | undefined;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      if (!isRealDirectory(this.dir)) throw new Error('not a real directory');
      removeOrphanedPacks(this.dir);
      fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
      writeSync(fd, `${HEADER}\n`);
      this.next = { fd, path, written: new Set() };
    } catch {
      if (fd !== undefined) closeQuietly(fd, path);
      this.unwritable = true;
    }
    return this.next;
  }

  /** Closes and removes a next pack that cannot be completed. */
  private abandonNext(): void {
    if (this.next !== undefined) closeQuietly(this.next.fd, this.next.path);
    this.next = undefined;
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

/** Removes unfinished next packs whose writer is gone (a run interrupted while parsing): they would pile up, a
 * fifth of a gigabyte each at L. A writer that is still running (another scan of the register) keeps its own. */
function removeOrphanedPacks(dir: string): void {
  for (const name of readdirSync(dir)) {
    const match = /^pack\.(\d+)\.[0-9a-z]+\.tmp$/.exec(name);
    if (match !== null && Number(match[1]) !== process.pid && !processExists(Number(match[1]))) rmSync(join(dir, name), { force: true });
  }
}

/** Signal 0 only asks whether the process exists (EPERM: it does, under another user). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function writeEntry(fd: number, key: string, encoding: string | Buffer): void {
  writeSync(fd, `${key} `);
  if (typeof encoding === 'string') writeSync(fd, encoding);
  else writeSync(fd, encoding);
  writeSync(fd, '\n');
}

/** Closes `fd` and removes the file at `path`, ignoring failures: the cache is best effort. */
function closeQuietly(fd: number, path: string): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing more to do with it.
  }
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was written if the directory itself is unusable.
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
