// The fast read path for register files: js-yaml's events (source offsets, no syntax tree), made by simple-events.ts
// for the plain YAML register files are written in and by js-yaml's event parser for the rest, with values and the
// file:line:col table built in one pass over the events. Tens of times faster than composing a `yaml` document.
//
// It only answers for files it can prove it reads exactly as the `yaml` path does (parse-file.ts), and returns
// undefined for everything else, which then goes through the `yaml` path: that path is the reference, and it alone
// words diagnostics. So anything off the plain path falls back:
// - a lone CR (not followed by LF), any parse error, or nesting deeper than MAX_NESTING_DEPTH (js-yaml stops before building anything);
// - anchors, aliases and tags (so no alias is ever expanded here), any line starting with `---`, `...` or `%`, an
//   empty document;
// - a key that is not a scalar resolving to a string, `__proto__`, `<<`, or a key repeated in one mapping;
// - a list item whose location the events do not give exactly (a block scalar, an empty item);
// - a top-level key or shape the loader would report, and any entity or config that fails its schema.
// Plain scalars resolve by YAML 1.2's core schema, with the same tests as the `yaml` package (dates stay strings,
// `no` is a string). tests/register/fast-read.test.ts proves values, locations and diagnostics identical.

import { EVENT_ID, getScalarValue, parseEvents } from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import { CONFIG_KEYS, configSettingsSchema, ENTITY_KEYS, ENTITY_SCHEMAS } from './schema.js';
import type { EntityKey } from './schema.js';
import { compileQuickCheck } from './schema-check.js';
import { simpleEvents } from './simple-events.js';
import type { QuickCheck } from './schema-check.js';
import type { LocationTable, ParsedEntity, ParsedFile } from './parse-file.js';
import { CONFIG_FILE } from './register-names.js';

/** Compiled on first use, so that commands which never parse a file do not pay for it. */
let entityChecks: Record<EntityKey, QuickCheck> | undefined;

/** Whether an entity matches its schema: the quick check answers for well-formed entities, zod for the rest. */
function matchesSchema(key: EntityKey, value: unknown): boolean {
  entityChecks ??= Object.fromEntries(ENTITY_KEYS.map((k) => [k, compileQuickCheck(ENTITY_SCHEMAS[k])])) as Record<EntityKey, QuickCheck>;
  return entityChecks[key](value) || ENTITY_SCHEMAS[key].safeParse(value).success;
}

const SCALAR_PLAIN = 1;
const SCALAR_SINGLE_QUOTED = 2;
const SCALAR_DOUBLE_QUOTED = 3;

/** Thrown inside the walk to abandon the fast path; never escapes this module. */
class NotProvable extends Error {
  constructor(readonly reason: string, readonly offset = 0) {
    super(reason);
  }
}

/** Why the fast path did not read a file, and where: the first thing it met that it cannot prove. */
export interface FastReadProblem {
  reason: string;
  line: number;
  column: number;
}

export type FastReadResult = { parsed: ParsedFile; problem?: undefined } | { parsed?: undefined; problem: FastReadProblem };

/** readRegisterFileFast's read of a file. A refused one keeps the decoded text, which the `yaml` path then reads
 * instead of decoding the bytes again; an answered one drops it, so a register's worth of texts is never held. */
export type FastAttempt = { parsed: ParsedFile; problem?: undefined; text?: undefined } | { parsed?: undefined; problem: FastReadProblem; text: string };

/** An upper bound on the YAML nodes of a file, from the characters that can start or end one. Generated registers
 * have about one such character per 6 bytes, so a 16 MiB register file would have under 3 million. */
export const MAX_FILE_NODES = 3_000_000;

interface Frame {
  /** The collection being built. */
  value: Record<string, unknown> | unknown[];
  isMap: boolean;
  /** A map's key waiting for its value (undefined when the next scalar is a key). */
  key: string | undefined;
  /** Offset of that key. */
  keyOffset: number;
  /** Path of this collection relative to the entity it is in ('' at the entity), or undefined outside entities. */
  path: string | undefined;
  /** Path relative to the file root, kept only for sidedoor.yaml (its config table covers the whole file). */
  rootPath: string | undefined;
  table: LocationTable | undefined;
  /** Nesting: 0 for the root mapping, 1 for a top-level list, 2 for an entity. */
  depth: number;
  /** For a top-level list under an entity key: that key (its items are entities). */
  entityKey: EntityKey | undefined;
}

/** Collections inside collections. A valid register file needs about eight (systems → entry → depends_on → any_of
 * → list); the yaml composer's recursion stays far from the stack limit at this depth, in a worker thread too. */
export const MAX_NESTING_DEPTH = 100;

/**
 * The fast path's read of a file's bytes, as parseRegisterFile (parse-file.ts) makes it: the same decoding (strict
 * UTF-8, a BOM dropped) and the same read, without the `yaml` path, so that a scan whose every file reads here never
 * loads the `yaml` package (about 40 ms). Its `parsed` is parseRegisterFile's answer; a file with a `problem` goes to
 * parseRegisterFile with this as its `attempt`, so it is neither decoded nor read twice. Undefined when the bytes are not UTF-8.
 */
export function readRegisterFileFast(file: string, bytes: Uint8Array): FastAttempt | undefined {
  const text = strictUtf8(bytes);
  if (text === undefined) return undefined;
  const read = readRegisterFast(file, text, file === CONFIG_FILE, MAX_NESTING_DEPTH);
  return read.parsed ? read : { problem: read.problem, text };
}

/** A register file's text: strict UTF-8, a leading BOM dropped; undefined when the bytes are not UTF-8. */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Values and locations of `text`, or the first problem when only the `yaml` path can read it exactly. */
export function readRegisterFast(file: string, text: string, isConfigFile: boolean, maxDepth: number): FastReadResult {
  const lines = new LinePositions(text);
  const problem = (reason: string, offset: number): FastReadResult => ({ problem: { reason, ...lines.at(offset) } });
  // js-yaml takes a lone CR for a line break, as YAML 1.2 says; the `yaml` package does not.
  const loneCr = loneCarriageReturn(text);
  if (loneCr >= 0) return problem('a carriage return that does not end a line', loneCr);
  // Document markers and directives: the two parsers disagree on where documents start around them, so the
  // `yaml` path decides (they are rare in register files).
  const marker = documentMarker(text, lines);
  if (marker >= 0) return problem('a document marker or directive', marker);
  // A bound on the events before making them: a hostile file of tiny collections (`- {}` lines) must not cost
  // gigabytes before its first problem is found.
  // Each character adds at most one to the bound, so a file shorter than the limit needs no count.
  if (text.length >= MAX_FILE_NODES && nodeBound(text) > MAX_FILE_NODES) return problem(`more than ${MAX_FILE_NODES.toLocaleString('en')} YAML nodes in one file (no register file needs that many)`, 0);
  // The plain YAML of register files is read by simpleEvents, about ten times faster; js-yaml reads the rest, and
  // words every error.
  let events = simpleEvents(text, maxDepth);
  if (events === undefined) {
    try {
      events = parseEvents(text, { maxDepth });
    } catch (e) {
      const mark = (e as { mark?: { position?: unknown } }).mark;
      const reason = (e as { reason?: unknown }).reason;
      return problem(`invalid YAML: ${typeof reason === 'string' ? reason : 'unreadable'}`, typeof mark?.position === 'number' ? Math.min(mark.position, text.length) : 0);
    }
  }
  try {
    return { parsed: build(file, text, events, isConfigFile, lines) };
  } catch (e) {
    if (e instanceof NotProvable) return problem(e.reason, e.offset);
    throw e;
  }
}

/** Offset of the first CR not followed by LF, or -1 (a hop from CR to CR: cheaper than a regex over the text). */
function loneCarriageReturn(text: string): number {
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 10) return at;
  return -1;
}

/** Offset of the first line starting with `---`, `...` or `%`, or -1: what `/^(?:---|\.\.\.|%)/m` finds, from the
 * line starts already known. That regex's lines also start after U+2028 and U+2029 (after a CR, the LF that must
 * follow it starts no marker), so those are looked for too. */
function documentMarker(text: string, lines: LinePositions): number {
  let first = -1;
  for (const start of lines.starts) {
    if (startsMarker(text, start)) {
      first = start;
      break;
    }
  }
  for (const separator of ['\u2028', '\u2029']) {
    for (let at = text.indexOf(separator); at >= 0 && (first < 0 || at < first); at = text.indexOf(separator, at + 1)) {
      if (startsMarker(text, at + 1)) first = at + 1;
    }
  }
  return first;
}

function startsMarker(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 37 || (c === 45 && text.startsWith('---', at)) || (c === 46 && text.startsWith('...', at));
}

/** An upper bound on the number of YAML nodes in `text` (see MAX_FILE_NODES). */
export function nodeBound(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \n , - : [ {
    if (c === 10 || c === 44 || c === 45 || c === 58 || c === 91 || c === 123) count++;
  }
  return count;
}

function build(file: string, text: string, events: Event[], isConfigFile: boolean, lines: LinePositions): ParsedFile {
  if (events.length < 3 || events[0].type !== EVENT_ID.DOCUMENT || events[0].directives.length > 0) throw new NotProvable('an empty file');
  const rootEvent = events[1];
  if (rootEvent.type !== EVENT_ID.MAPPING) throw new NotProvable('a file that is not a YAML mapping', 'start' in rootEvent ? rootEvent.start : 0);
  if (rootEvent.anchorStart >= 0 || rootEvent.tagStart >= 0) throw new NotProvable('an anchor or tag', rootEvent.start);

  const root: Record<string, unknown> = {};
  const configTable: LocationTable | undefined = isConfigFile ? { paths: [], positions: [] } : undefined;
  const stack: Frame[] = [{
    value: root, isMap: true, key: undefined, keyOffset: 0, path: undefined, rootPath: isConfigFile ? '' : undefined, table: undefined, depth: 0, entityKey: undefined,
  }];
  /** Entities in document order per top-level key, with their start offsets and tables. */
  const items: { key: EntityKey; value: unknown; offset: number; table: LocationTable }[] = [];
  let i = 2;
  for (; i < events.length && stack.length > 0; i++) {
    const event = events[i];
    const top = stack[stack.length - 1];
    if (event.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    if (event.type === EVENT_ID.ALIAS) throw new NotProvable('an alias', event.anchorStart);
    if (event.type === EVENT_ID.DOCUMENT) throw new NotProvable('a second document');
    if (event.anchorStart >= 0 || event.tagStart >= 0) throw new NotProvable('an anchor or tag', Math.max(event.anchorStart, event.tagStart));

    if (top.isMap && top.key === undefined) {
      // A key: a scalar that resolves to a string, not repeated.
      if (event.type !== EVENT_ID.SCALAR) throw new NotProvable('a collection used as a key', event.start);
      const key = resolveScalar(text, event);
      if (typeof key !== 'string' || key === '__proto__' || key === '<<') throw new NotProvable('a key that is not a plain string', event.valueStart);
      if (Object.hasOwn(top.value, key)) throw new NotProvable(`a duplicate key '${key}'`, event.valueStart);
      top.key = key;
      top.keyOffset = nodeStart(event);
      continue;
    }

    // A value: of the pending key in a map, or the next item of a list.
    let childPath: string | undefined;
    let childRootPath: string | undefined;
    let offset: number;
    let slot: string | number;
    if (top.isMap) {
      slot = top.key as string;
      offset = top.keyOffset;
      top.key = undefined;
    } else {
      slot = (top.value as unknown[]).length;
      offset = event.type === EVENT_ID.SCALAR ? seqItemScalarStart(event) : event.start;
    }
    if (top.path !== undefined) childPath = top.path === '' ? String(slot) : `${top.path}.${slot}`;
    if (top.rootPath !== undefined) childRootPath = top.rootPath === '' ? String(slot) : `${top.rootPath}.${slot}`;
    if (top.table !== undefined && childPath !== undefined) record(top.table, childPath, offset, lines);
    if (configTable !== undefined && childRootPath !== undefined) record(configTable, childRootPath, offset, lines);

    let value: unknown;
    if (event.type === EVENT_ID.SCALAR) {
      value = resolveScalar(text, event);
    } else {
      value = event.type === EVENT_ID.MAPPING ? {} : [];
      let table = top.table;
      let path = childPath;
      if (top.entityKey !== undefined) {
        // An entity (an item of a top-level entity list): its own table, paths relative to it.
        table = { paths: [], positions: [] };
        path = '';
        items.push({ key: top.entityKey, value, offset: event.start, table });
      }
      const isList = event.type === EVENT_ID.SEQUENCE;
      stack.push({
        value: value as Frame['value'], isMap: !isList, key: undefined, keyOffset: 0, path, rootPath: childRootPath, table,
        depth: top.depth + 1,
        entityKey: top.depth === 0 && isList && (ENTITY_KEYS as readonly string[]).includes(slot as string) ? slot as EntityKey : undefined,
      });
    }
    if (top.isMap) (top.value as Record<string, unknown>)[slot as string] = value;
    else (top.value as unknown[]).push(value);
  }
  // Exactly the root mapping, its POP, then the document's POP.
  if (stack.length > 0 || i !== events.length - 1 || events[i].type !== EVENT_ID.POP) throw new NotProvable('a second document');

  return assemble(file, root, items, configTable, isConfigFile, lines, rootEvent.start);
}

/** Turns the built values into a ParsedFile, or gives up where the `yaml` path would report something. */
function assemble(
  file: string, root: Record<string, unknown>, items: { key: EntityKey; value: unknown; offset: number; table: LocationTable }[],
  configTable: LocationTable | undefined, isConfigFile: boolean, lines: LinePositions, rootOffset: number,
): ParsedFile {
  const result: ParsedFile = { file, entities: [], invalidIds: [], diagnostics: [] };
  const config: Record<string, unknown> = {};
  for (const key of Object.keys(root)) {
    const value = root[key];
    if ((ENTITY_KEYS as readonly string[]).includes(key)) {
      if (value !== null && !Array.isArray(value)) throw new NotProvable(`\`${key}\` that is not a list`, rootOffset);
    } else if (isConfigFile && (CONFIG_KEYS as readonly string[]).includes(key)) {
      config[key] = value;
    } else {
      throw new NotProvable(`the top-level key '${key}', which is not allowed here`, rootOffset);
    }
  }
  // Only mappings can be entities; a scalar list item fails its schema, which the `yaml` path words.
  const entityCount = ENTITY_KEYS.reduce((sum, key) => sum + (Array.isArray(root[key]) ? (root[key] as unknown[]).length : 0), 0);
  if (items.length !== entityCount) throw new NotProvable('a list entry that is not a mapping', rootOffset);
  for (const item of items) {
    if (!matchesSchema(item.key, item.value)) throw new NotProvable(`a ${item.key.slice(0, -1)} that does not match its schema`, item.offset);
    result.entities.push({
      key: item.key, data: item.value as Record<string, unknown>, loc: { file, ...lines.at(item.offset) }, locs: item.table,
    } satisfies ParsedEntity);
  }
  if (isConfigFile) {
    if (!configSettingsSchema.safeParse(config).success) throw new NotProvable('settings that do not match their schema', rootOffset);
    result.config = { data: config, loc: { file, ...lines.at(rootOffset) }, locs: configTable as LocationTable };
  }
  return result;
}

function record(table: LocationTable, path: string, offset: number, lines: LinePositions): void {
  const line = lines.lineOf(offset);
  table.paths.push(path);
  table.positions.push(line, offset - lines.startOf(line) + 1);
}

/** Where the `yaml` package starts a scalar node: at the opening quote of a quoted one. */
function nodeStart(event: ScalarEvent): number {
  if (event.style === SCALAR_PLAIN) return event.valueStart;
  if (event.style === SCALAR_SINGLE_QUOTED || event.style === SCALAR_DOUBLE_QUOTED) return event.valueStart - 1;
  // A block scalar's node starts at its header, which the events do not give.
  throw new NotProvable('a block scalar as a key or list item', event.valueStart);
}

function seqItemScalarStart(event: ScalarEvent): number {
  if (event.style === SCALAR_PLAIN && event.valueStart === event.valueEnd) throw new NotProvable('an empty list item', event.valueStart);
  return nodeStart(event);
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Whether a plain scalar starting with this character code can be anything but a string (null's empty form
 * aside): `~ n N t T f F 0-9 + - .`. A test of the first character, cheaper than a regex on every scalar. */
function mayNotBeString(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 126 || code === 110 || code === 78 || code === 116 || code === 84
    || code === 102 || code === 70 || code === 43 || code === 45 || code === 46;
}

/** A scalar's value under YAML 1.2's core schema, tested in the `yaml` package's order with its regexes. */
function resolveScalar(text: string, event: ScalarEvent): unknown {
  const source = getScalarValue(text, event);
  if (event.style !== SCALAR_PLAIN) return source;
  if (source === '') return null;
  if (!mayNotBeString(source.charCodeAt(0))) return source;
  if (NULL.test(source)) return null;
  if (BOOL.test(source)) return source[0] === 't' || source[0] === 'T';
  if (INT_OCT.test(source)) return parseInt(source.substring(2), 8);
  if (INT.test(source)) return parseInt(source, 10);
  if (INT_HEX.test(source)) return parseInt(source.substring(2), 16);
  if (FLOAT_NAN.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return NaN;
    return source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source);
  return source;
}

/** 1-based line and column of an offset, like the `yaml` package's LineCounter (lines end at `\n`). Offsets are
 * asked for in increasing order, so a forward cursor answers in amortised constant time, with a search otherwise. */
class LinePositions {
  /** Offsets where lines start, in order. */
  readonly starts: number[] = [0];
  private cursor = 0;

  constructor(text: string) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  at(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line, column: offset - this.startOf(line) + 1 };
  }

  /** The 1-based line of an offset (without allocating: it is asked for every node). */
  lineOf(offset: number): number {
    const starts = this.starts;
    let i = this.cursor;
    if (starts[i] > offset) i = 0;
    while (i + 1 < starts.length && starts[i + 1] <= offset) i++;
    this.cursor = i;
    return i + 1;
  }

  /** The offset where a 1-based line starts. */
  startOf(line: number): number {
    return this.starts[line - 1];
  }
}
