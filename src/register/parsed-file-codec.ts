// A compact JSON encoding of ParsedFile, for the parse cache and for handing results back from parse workers.
// A warm scan decodes the whole register, so the layout is the one JSON.parse and the decoder go through fastest:
// - Columns, not one record per entity: the entities' kinds, path-list indexes and data are three arrays, so the
//   parser allocates no wrapper object per entity.
// - Locations, the bulk of a parsed file, are one flat number array per file: per entity its [line, column], then
//   the [line, column] of each of its field paths. Parsing one long array of small integers costs a fraction of
//   parsing tens of thousands of small ones. Each decoded entity's location table is a FieldLocations over that
//   array (LocationTable.start), which the register then uses as is: no copy, and one object per entity instead of
//   three, so fewer for the garbage collector to move while the whole register is alive.
// - Each distinct field path, and each distinct list of them, is stored once per file: most entities of a kind write
//   the same fields, so decoded entities share the list where a large register would otherwise cost a few million
//   path strings.
// - Pure ASCII (every other character as a \u escape): the pack is then read as Latin-1, which is several times
//   cheaper than decoding UTF-8, and JSON.parse reads one-byte text. `decodeParsedFileBytes` refuses any other byte.
//
// `decodeParsedFile` checks the shape of everything it reads and returns undefined on any mismatch: a corrupt or
// foreign cache entry is ignored, never trusted.

import { isAscii } from 'node:buffer';
import { FieldLocations } from './field-locations.js';
import type { LocationTable, ParsedEntity, ParsedFile } from './parse-file.js';
import { ENTITY_KEYS } from './register-names.js';
import type { EntityKey } from './register-names.js';
import type { Diagnostic, SourceLocation } from './types.js';

interface EncodedFile {
  /** The distinct field paths of the file, and the distinct lists of them (as indexes into `s`). */
  s: string[];
  t: number[][];
  /** Per entity: its kind (index into ENTITY_KEYS), its path list (index into `t`) and its data. */
  k: number[];
  p: number[];
  d: Record<string, unknown>[];
  /** Per entity in order: [line, column] of the entity, then of each path of its list; flattened. */
  n: number[];
  /** The settings of sidedoor.yaml: data, path list, and positions as in `n`. */
  c?: { d: Record<string, unknown>; p: number; n: number[] };
  i: [EntityKey, string][];
  /** Diagnostics: line, column, severity, message and, for YAML syntax errors, the text of the line. */
  g: ([number, number, 'error' | 'warning', string] | [number, number, 'error' | 'warning', string, string])[];
  /** What a file that does not parse could have defined: entity kinds and ids. */
  u?: [EntityKey[], string[]];
}

export function encodeParsedFile(parsed: ParsedFile): string {
  const pathLists = new PathLists();
  const positions: number[] = [];
  const encoded: EncodedFile = {
    s: pathLists.paths,
    t: pathLists.lists,
    k: parsed.entities.map((entity) => ENTITY_KEYS.indexOf(entity.key)),
    p: parsed.entities.map((entity) => pathLists.indexOf(entity.locs.paths)),
    d: parsed.entities.map((entity) => entity.data),
    n: positions,
    i: parsed.invalidIds.map(({ key, id }) => [key, id]),
    g: parsed.diagnostics.map((d) => (d.excerpt === undefined ? [d.line, d.column, d.severity, d.message] : [d.line, d.column, d.severity, d.message, d.excerpt])),
  };
  for (const entity of parsed.entities) appendPositions(positions, entity.loc, entity.locs);
  if (parsed.unparsed) encoded.u = [parsed.unparsed.keys, parsed.unparsed.ids];
  if (parsed.config) {
    const { data, loc, locs } = parsed.config;
    encoded.c = { d: data, p: pathLists.indexOf(locs.paths), n: appendPositions([], loc, locs) };
  }
  return asciiOnly(JSON.stringify(encoded));
}

function appendPositions(positions: number[], loc: SourceLocation, locs: LocationTable): number[] {
  positions.push(loc.line, loc.column);
  const start = locs.start ?? 0;
  for (let i = 0; i < locs.paths.length * 2; i++) positions.push(locs.positions[start + i]);
  return positions;
}

/** JSON text with every character outside ASCII written as a \u escape: the same value, in one-byte text. */
function asciiOnly(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Distinct paths and distinct path lists, each numbered in order of first use. */
class PathLists {
  readonly paths: string[] = [];
  readonly lists: number[][] = [];
  private readonly pathIndexes = new Map<string, number>();
  private readonly listIndexes = new Map<string, number>();

  indexOf(paths: string[]): number {
    const list = paths.map((path) => this.pathIndex(path));
    const key = list.join(',');
    let index = this.listIndexes.get(key);
    if (index === undefined) {
      index = this.lists.push(list) - 1;
      this.listIndexes.set(key, index);
    }
    return index;
  }

  private pathIndex(path: string): number {
    let index = this.pathIndexes.get(path);
    if (index === undefined) {
      index = this.paths.push(path) - 1;
      this.pathIndexes.set(path, index);
    }
    return index;
  }
}

/** Decodes an encoding read as bytes (a pack entry): undefined unless it is all ASCII, as encodeParsedFile writes it. */
export function decodeParsedFileBytes(file: string, bytes: Buffer): ParsedFile | undefined {
  return isAscii(bytes) ? decodeParsedFile(file, bytes.toString('latin1')) : undefined;
}

/** Returns undefined when `json` is not a well-formed encoding. Decoded entities with the same fields share one
 * (never mutated) path list, and the entities of a file one position array. */
export function decodeParsedFile(file: string, json: string): ParsedFile | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isRecord(raw) || !Array.isArray(raw.i) || !Array.isArray(raw.g)) return undefined;
  const pathLists = decodePathLists(raw.s, raw.t);
  if (pathLists === undefined) return undefined;
  const entities = decodeEntities(file, pathLists, raw.k, raw.p, raw.d, raw.n);
  if (entities === undefined) return undefined;
  const invalidIds: ParsedFile['invalidIds'] = [];
  for (const item of raw.i) {
    if (!Array.isArray(item) || !ENTITY_KEYS.includes(item[0]) || typeof item[1] !== 'string') return undefined;
    invalidIds.push({ key: item[0], id: item[1] });
  }
  const diagnostics: Diagnostic[] = [];
  for (const item of raw.g) {
    if (!Array.isArray(item) || !isPosition(item[0], item[1]) || (item[2] !== 'error' && item[2] !== 'warning') || typeof item[3] !== 'string') return undefined;
    if (item[4] !== undefined && typeof item[4] !== 'string') return undefined;
    const diagnostic: Diagnostic = { file, line: item[0], column: item[1], severity: item[2], message: item[3] };
    if (item[4] !== undefined) diagnostic.excerpt = item[4];
    diagnostics.push(diagnostic);
  }
  const parsed: ParsedFile = { file, entities, invalidIds, diagnostics };
  if (raw.u !== undefined) {
    if (!Array.isArray(raw.u) || !isStringArray(raw.u[0]) || !isStringArray(raw.u[1])) return undefined;
    if (!raw.u[0].every((k) => ENTITY_KEYS.includes(k as EntityKey))) return undefined;
    parsed.unparsed = { keys: raw.u[0] as EntityKey[], ids: raw.u[1] };
  }
  if (raw.c !== undefined) {
    if (!isRecord(raw.c) || !isRecord(raw.c.d) || !Array.isArray(raw.c.n)) return undefined;
    const paths = listAt(pathLists, raw.c.p);
    if (paths === undefined || raw.c.n.length !== 2 + paths.length * 2 || !arePositions(raw.c.n, 0, raw.c.n.length)) return undefined;
    parsed.config = { data: raw.c.d, loc: { file, line: raw.c.n[0], column: raw.c.n[1] }, locs: new FieldLocations(file, paths, raw.c.n as number[], 2) };
  }
  return parsed;
}

/** The entities of the columns `kinds`, `lists`, `data` and `positions`: undefined unless the columns agree in length
 * and every value is of its kind. */
function decodeEntities(file: string, pathLists: string[][], kinds: unknown, lists: unknown, data: unknown, positions: unknown): ParsedEntity[] | undefined {
  if (!Array.isArray(kinds) || !Array.isArray(lists) || !Array.isArray(data) || !Array.isArray(positions)) return undefined;
  const count = kinds.length;
  if (lists.length !== count || data.length !== count) return undefined;
  const entities = new Array<ParsedEntity>(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i];
    const key = typeof kind === 'number' ? ENTITY_KEYS[kind] : undefined;
    const paths = listAt(pathLists, lists[i]);
    const item: unknown = data[i];
    if (key === undefined || paths === undefined || !isRecord(item)) return undefined;
    const end = at + 2 + paths.length * 2;
    if (end > positions.length || !arePositions(positions, at, end)) return undefined;
    entities[i] = {
      key, data: item, loc: { file, line: positions[at], column: positions[at + 1] },
      locs: new FieldLocations(file, paths, positions as number[], at + 2),
    };
    at = end;
  }
  return at === positions.length ? entities : undefined;
}

/** The path lists of a file, each with its paths: undefined unless every index names one of `paths`. */
function decodePathLists(paths: unknown, lists: unknown): string[][] | undefined {
  if (!isStringArray(paths) || !Array.isArray(lists)) return undefined;
  const decoded: string[][] = [];
  for (const list of lists) {
    if (!Array.isArray(list)) return undefined;
    const named: string[] = [];
    for (const index of list) {
      const path = typeof index === 'number' ? paths[index] : undefined;
      if (path === undefined) return undefined;
      named.push(path);
    }
    decoded.push(named);
  }
  return decoded;
}

function listAt(pathLists: string[][], index: unknown): string[] | undefined {
  return typeof index === 'number' ? pathLists[index] : undefined;
}

/** True when `numbers[from..to)` are [line, column] pairs. */
function arePositions(numbers: unknown[], from: number, to: number): boolean {
  for (let i = from; i < to; i += 2) {
    if (!isPosition(numbers[i], numbers[i + 1])) return false;
  }
  return true;
}

function isPosition(line: unknown, column: unknown): line is number {
  return Number.isInteger(line) && Number.isInteger(column) && (line as number) > 0 && (column as number) > 0;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
