// A content-hash cache of parsed and schema-validated register files (SPEC §6). Parsing YAML dominates a scan, and
// a register changes a few files at a time, so a second scan only re-parses what changed.
//
// - Key: SHA-256 over the tool version, the schema version, the file's path (locations embed it) and its bytes.
// - Entry: `<dir>/<key[0..2]>/<key>.json`, holding a header (format, tool, schema, key) and the compact encoding.
//   An entry whose header or body does not check out is ignored and rewritten: a corrupt or foreign cache is never
//   trusted.
// - Writes go to a temporary file in the same directory, then rename: concurrent runs never see half an entry, and
//   the last writer wins with identical content.
// - Best effort: a cache directory that cannot be created or written never fails a scan.
// - A memory layer serves the same content twice in one run, which is what a `--base` scan needs when most files
//   are identical at base and head.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOOL_VERSION } from '../version.js';
import { decodeParsedFile, encodeParsedFile } from './parsed-file-codec.js';
import type { ParsedFile } from './parse-file.js';
import { SCHEMA_VERSION } from './schema.js';

const CACHE_FORMAT = 1;
export const DEFAULT_CACHE_DIR = '.sidedoor-cache';

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found on disk but rejected (corrupt, truncated or from another version). */
  rejected: number;
  writes: number;
}

export class ParseCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0, writes: 0 };
  private readonly memory = new Map<string, ParsedFile>();

  /** `dir` undefined keeps the memory layer only (`--no-cache`). */
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
    if (this.dir === undefined) {
      this.stats.misses++;
      return undefined;
    }
    let text: string;
    try {
      text = readFileSync(this.entryPath(key), 'utf8');
    } catch {
      this.stats.misses++;
      return undefined;
    }
    const parsed = this.decodeEntry(file, key, text);
    if (!parsed) {
      this.stats.rejected++;
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    this.memory.set(key, parsed);
    return parsed;
  }

  /** Stores a parse result; `encoded` may be passed when the caller already has it (from a worker). */
  put(key: string, parsed: ParsedFile, encoded?: string): void {
    this.memory.set(key, parsed);
    if (this.dir === undefined) return;
    const path = this.entryPath(key);
    const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
      writeFileSync(temp, `${JSON.stringify({ format: CACHE_FORMAT, tool: TOOL_VERSION, schema: SCHEMA_VERSION, key })}\n${encoded ?? encodeParsedFile(parsed)}`);
      renameSync(temp, path);
      this.stats.writes++;
    } catch {
      try {
        rmSync(temp, { force: true });
      } catch {
        // Nothing was written if the directory itself is unusable.
      }
    }
  }

  private entryPath(key: string): string {
    return join(this.dir as string, key.slice(0, 2), `${key}.json`);
  }

  private decodeEntry(file: string, key: string, text: string): ParsedFile | undefined {
    const newline = text.indexOf('\n');
    if (newline < 0) return undefined;
    try {
      const header = JSON.parse(text.slice(0, newline)) as Record<string, unknown>;
      if (header.format !== CACHE_FORMAT || header.tool !== TOOL_VERSION || header.schema !== SCHEMA_VERSION || header.key !== key) return undefined;
    } catch {
      return undefined;
    }
    return decodeParsedFile(file, text.slice(newline + 1));
  }
}
