// A compact JSON encoding of ParsedFile, for the parse cache and for handing results back from parse workers.
// Locations are the bulk of a parsed file, so they are stored as flat number arrays with the file name implied,
// which makes an entry several times smaller than the plain object form and quick to JSON.parse.
//
// `decodeParsedFile` checks the shape of everything it reads and returns undefined on any mismatch: a corrupt or
// foreign cache entry is ignored, never trusted.

import type { LocationTable, ParsedEntity, ParsedFile } from './parse-file.js';
import { ENTITY_KEYS } from './schema.js';
import type { EntityKey } from './schema.js';
import type { Diagnostic, SourceLocation } from './types.js';

interface EncodedEntity {
  k: EntityKey;
  d: Record<string, unknown>;
  /** [line, column] of the entity. */
  l: [number, number];
  /** Field paths, in order, and their [line, column] pairs flattened. */
  p: string[];
  n: number[];
}

interface EncodedFile {
  e: EncodedEntity[];
  c?: { d: Record<string, unknown>; l: [number, number]; p: string[]; n: number[] };
  i: [EntityKey, string][];
  /** Diagnostics: line, column, severity, message and, for YAML syntax errors, the text of the line. */
  g: ([number, number, 'error' | 'warning', string] | [number, number, 'error' | 'warning', string, string])[];
  /** What a file that does not parse could have defined: entity kinds and ids. */
  u?: [EntityKey[], string[]];
}

export function encodeParsedFile(parsed: ParsedFile): string {
  const encoded: EncodedFile = {
    e: parsed.entities.map((entity) => ({ k: entity.key, d: entity.data, l: [entity.loc.line, entity.loc.column], ...encodeTable(entity.locs) })),
    i: parsed.invalidIds.map(({ key, id }) => [key, id]),
    g: parsed.diagnostics.map((d) => (d.excerpt === undefined ? [d.line, d.column, d.severity, d.message] : [d.line, d.column, d.severity, d.message, d.excerpt])),
  };
  if (parsed.unparsed) encoded.u = [parsed.unparsed.keys, parsed.unparsed.ids];
  if (parsed.config) {
    encoded.c = { d: parsed.config.data, l: [parsed.config.loc.line, parsed.config.loc.column], ...encodeTable(parsed.config.locs) };
  }
  return JSON.stringify(encoded);
}

function encodeTable(table: LocationTable): { p: string[]; n: number[] } {
  return { p: table.paths, n: table.positions };
}

/** Returns undefined when `json` is not a well-formed encoding. */
export function decodeParsedFile(file: string, json: string): ParsedFile | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isRecord(raw) || !Array.isArray(raw.e) || !Array.isArray(raw.i) || !Array.isArray(raw.g)) return undefined;
  const entities: ParsedEntity[] = [];
  for (const item of raw.e) {
    if (!isRecord(item) || !ENTITY_KEYS.includes(item.k as EntityKey) || !isRecord(item.d)) return undefined;
    const loc = decodeLoc(file, item.l);
    const locs = decodeTable(item.p, item.n);
    if (!loc || !locs) return undefined;
    entities.push({ key: item.k as EntityKey, data: item.d, loc, locs });
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
    const locs = decodeTable(raw.c.p, raw.c.n);
    if (!loc || !locs) return undefined;
    parsed.config = { data: raw.c.d, loc, locs };
  }
  return parsed;
}

function decodeLoc(file: string, value: unknown): SourceLocation | undefined {
  return Array.isArray(value) && value.length === 2 && isPosition(value[0], value[1]) ? { file, line: value[0], column: value[1] } : undefined;
}

function decodeTable(paths: unknown, numbers: unknown): LocationTable | undefined {
  if (!Array.isArray(paths) || !Array.isArray(numbers) || numbers.length !== paths.length * 2) return undefined;
  for (let i = 0; i < paths.length; i++) {
    if (typeof paths[i] !== 'string' || !isPosition(numbers[2 * i], numbers[2 * i + 1])) return undefined;
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
