// A compact JSON encoding of ParsedFile, for the parse cache and for handing results back from parse workers.
// Locations are the bulk of a parsed file, so they are stored as flat number arrays with the file name implied, and
// each distinct list of field paths once per file; entity kinds are numbers. An entry is several times smaller than
// the plain object form, and JSON.parse allocates few strings for it: a warm scan decodes the whole register.
//
// `decodeParsedFile` checks the shape of everything it reads and returns undefined on any mismatch: a corrupt or
// foreign cache entry is ignored, never trusted.

import type { LocationTable, ParsedEntity, ParsedFile } from './parse-file.js';
import { ENTITY_KEYS } from './register-names.js';
import type { EntityKey } from './register-names.js';
import type { Diagnostic, SourceLocation } from './types.js';

interface EncodedEntity {
  /** Index into ENTITY_KEYS. */
  k: number;
  d: Record<string, unknown>;
  /** [line, column] of the entity. */
  l: [number, number];
  /** Index into the file's path lists (`t`), and the [line, column] pairs of those paths flattened. */
  p: number;
  n: number[];
}

interface EncodedFile {
  /** The distinct field paths of the file, and the distinct lists of them (as indexes into `s`) that its entities
   * have: most entities of a kind write the same fields, so each list is stored and decoded once and shared, where a
   * large register would otherwise cost a few million path strings. */
  s: string[];
  t: number[][];
  e: EncodedEntity[];
  c?: { d: Record<string, unknown>; l: [number, number]; p: number; n: number[] };
  i: [EntityKey, string][];
  /** Diagnostics: line, column, severity, message and, for YAML syntax errors, the text of the line. */
  g: ([number, number, 'error' | 'warning', string] | [number, number, 'error' | 'warning', string, string])[];
  /** What a file that does not parse could have defined: entity kinds and ids. */
  u?: [EntityKey[], string[]];
}

export function encodeParsedFile(parsed: ParsedFile): string {
  const pathLists = new PathLists();
  const encoded: EncodedFile = {
    s: pathLists.paths,
    t: pathLists.lists,
    e: parsed.entities.map((entity) => ({
      k: ENTITY_KEYS.indexOf(entity.key), d: entity.data, l: [entity.loc.line, entity.loc.column],
      p: pathLists.indexOf(entity.locs.paths), n: entity.locs.positions,
    })),
    i: parsed.invalidIds.map(({ key, id }) => [key, id]),
    g: parsed.diagnostics.map((d) => (d.excerpt === undefined ? [d.line, d.column, d.severity, d.message] : [d.line, d.column, d.severity, d.message, d.excerpt])),
  };
  if (parsed.unparsed) encoded.u = [parsed.unparsed.keys, parsed.unparsed.ids];
  if (parsed.config) {
    const { data, loc, locs } = parsed.config;
    encoded.c = { d: data, l: [loc.line, loc.column], p: pathLists.indexOf(locs.paths), n: locs.positions };
  }
  return JSON.stringify(encoded);
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

/** Returns undefined when `json` is not a well-formed encoding. Decoded entities with the same fields share one
 * (never mutated) path list. */
export function decodeParsedFile(file: string, json: string): ParsedFile | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isRecord(raw) || !Array.isArray(raw.e) || !Array.isArray(raw.i) || !Array.isArray(raw.g)) return undefined;
  const pathLists = decodePathLists(raw.s, raw.t);
  if (pathLists === undefined) return undefined;
  const entities: ParsedEntity[] = [];
  for (const item of raw.e) {
    if (!isRecord(item) || !isRecord(item.d)) return undefined;
    const key = typeof item.k === 'number' ? ENTITY_KEYS[item.k] : undefined;
    const loc = decodeLoc(file, item.l);
    const locs = decodeTable(pathLists, item.p, item.n);
    if (key === undefined || !loc || !locs) return undefined;
    entities.push({ key, data: item.d, loc, locs });
  }
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
    if (!isRecord(raw.c) || !isRecord(raw.c.d)) return undefined;
    const loc = decodeLoc(file, raw.c.l);
    const locs = decodeTable(pathLists, raw.c.p, raw.c.n);
    if (!loc || !locs) return undefined;
    parsed.config = { data: raw.c.d, loc, locs };
  }
  return parsed;
}

function decodeLoc(file: string, value: unknown): SourceLocation | undefined {
  return Array.isArray(value) && value.length === 2 && isPosition(value[0], value[1]) ? { file, line: value[0], column: value[1] } : undefined;
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

function decodeTable(pathLists: string[][], index: unknown, numbers: unknown): LocationTable | undefined {
  const paths = typeof index === 'number' ? pathLists[index] : undefined;
  if (paths === undefined || !Array.isArray(numbers) || numbers.length !== paths.length * 2) return undefined;
  for (let i = 0; i < numbers.length; i += 2) {
    if (!isPosition(numbers[i], numbers[i + 1])) return undefined;
  }
  return { paths, positions: numbers };
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
