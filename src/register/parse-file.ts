// One register file → validated entity inputs with source locations, plus diagnostics. Pure: text in, data out.
// The result is plain JSON (no Maps, no class instances) so the parse cache can store it as is.
//
// Each entity is validated on its own, so one bad entry does not hide the rest of the file and cross-reference
// checks still see every good one. yaml's alias limit (maxAliasCount) guards against alias bombs. The yaml package
// composes documents recursively, and a stack overflow caught deep inside it can leave the process in a bad state
// (once seen as a fatal V8 abort), so nesting is measured on the concrete syntax tree first, with an explicit
// stack, and a file nested deeper than MAX_NESTING_DEPTH is refused before it is composed. A RangeError that still
// escapes is reported as a diagnostic.

import { Composer, isMap, isPair, isScalar, isSeq, LineCounter, Parser, YAMLParseError } from 'yaml';
import type { CST, Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, SourceLocation } from './types.js';
import { CONFIG_KEYS, configSettingsSchema, ENTITY_KEYS, ENTITY_SCHEMAS } from './schema.js';
import type { EntityKey } from './schema.js';
import { didYouMean } from './suggest.js';
import { yamlErrorDiagnostics } from './yaml-error-location.js';
import { whatItCouldDefine, yieldedNothing } from './unparsed-files.js';
import type { UnparsedFile } from './unparsed-files.js';
import { MAX_NESTING_DEPTH, nodeBound, readRegisterFast, strictUtf8 } from './fast-read.js';
import type { FastAttempt } from './fast-read.js';
import { plural, verb } from '../util/plural.js';
import { CONFIG_FILE } from './register-names.js';

export { CONFIG_FILE };

const MAX_ALIAS_COUNT = 100;
export { MAX_NESTING_DEPTH };
/** Files with more YAML nodes than this (by fast-read.ts's bound) that the fast read path cannot read are not given
 * to the `yaml` path, whose syntax tree and diagnostics cost over a kilobyte a node: a 2 MiB file of `- {}` lines
 * took it 1.8 GB and a minute. A generated register has about one node per 6 bytes, and its largest file 35,000. */
export const YAML_PATH_MAX_NODES = 200_000;
/** Diagnostics kept per file: enough to fix a file in a few rounds, bounded whatever the file holds. */
export const MAX_FILE_DIAGNOSTICS = 1000;

/** Field paths (dot-joined, list indices as numbers) and their `[line, column]` pairs, flattened. */
export interface LocationTable {
  paths: string[];
  positions: number[];
  /** Where the pairs start in `positions` (0 when absent): the entities of a file decoded from the parse cache share
   * one array, so that a warm load allocates no array per entity. */
  start?: number;
}

export interface ParsedEntity {
  key: EntityKey;
  /** The entity as written (validated by its schema), before defaults. */
  data: Record<string, unknown>;
  loc: SourceLocation;
  locs: LocationTable;
}

export interface ParsedConfig {
  data: Record<string, unknown>;
  loc: SourceLocation;
  locs: LocationTable;
}

export interface ParsedFile {
  file: string;
  entities: ParsedEntity[];
  /** Ids of entries that failed their schema: they still count as defined, so one typo does not cascade into
   * "does not exist" errors everywhere they are referenced. */
  invalidIds: { key: EntityKey; id: string }[];
  config?: ParsedConfig;
  diagnostics: Diagnostic[];
  /** Set when the file does not parse: what it could have defined, so references into it are not reported as unknown. */
  unparsed?: UnparsedFile;
}

/** Parses one file's bytes. `file` is the path relative to the register root, used in every location.
 * The fast read path (fast-read.ts) answers for files it reads exactly as the `yaml` path below does; every other
 * file, and every file with a problem to report, goes through the `yaml` path. `fast: false` forces the latter.
 * `attempt` is the fast path's read of these same bytes, with their text, when the caller has made it already
 * (readRegisterFileFast). */
export function parseRegisterFile(
  file: string, bytes: Uint8Array, { fast = true, attempt }: { fast?: boolean; attempt?: FastAttempt } = {},
): ParsedFile {
  if (attempt?.parsed) return attempt.parsed;
  const result: ParsedFile = { file, entities: [], invalidIds: [], diagnostics: [] };
  const text = attempt?.text ?? decodeUtf8(file, bytes, result.diagnostics);
  if (text !== undefined) {
    const read = !fast ? undefined : attempt ?? readRegisterFast(file, text, file === CONFIG_FILE, MAX_NESTING_DEPTH);
    if (read?.parsed) return read.parsed;
    if (read !== undefined && nodeBound(text) > YAML_PATH_MAX_NODES) {
      // The `yaml` path would need gigabytes for a hostile file this size: report the first problem, plainly.
      const size = `${(bytes.byteLength / 1024 / 1024).toFixed(1)} MiB`;
      const message = `this ${size} file does not read as plain register data: ${read.problem.reason}. Files this large are checked only up to their first problem; fix it, or split the file for full diagnostics`;
      result.diagnostics.push({ file, line: read.problem.line, column: read.problem.column, severity: 'error', message });
    } else {
      parseWithYaml(file, text, result);
    }
  }
  if (result.diagnostics.length > MAX_FILE_DIAGNOSTICS) {
    const more = result.diagnostics.length - MAX_FILE_DIAGNOSTICS;
    result.diagnostics.length = MAX_FILE_DIAGNOSTICS;
    result.diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `${plural(more, 'more problem')} in this file ${verb(more, 'is', 'are')} not listed (at most ${MAX_FILE_DIAGNOSTICS} a file)` });
  }
  if (yieldedNothing(result)) result.unparsed = whatItCouldDefine(text ?? new TextDecoder('utf-8').decode(bytes));
  return result;
}

/** The `yaml` path: exact diagnostics for any file, at the `yaml` package's speed. */
function parseWithYaml(file: string, text: string, result: ParsedFile): void {
  try {
    parseText(file, text, result);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    result.entities = [];
    result.diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: 'the YAML is nested too deeply to read' });
  }
}

function decodeUtf8(file: string, bytes: Uint8Array, diagnostics: Diagnostic[]): string | undefined {
  const text = strictUtf8(bytes);
  if (text !== undefined) return text;
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const at = lossy.indexOf('\uFFFD');
  const before = lossy.slice(0, Math.max(0, at));
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  diagnostics.push({ file, line, column, severity: 'error', message: 'the file is not valid UTF-8' });
  return undefined;
}

function parseText(file: string, text: string, result: ParsedFile): void {
  const lines = new LineCounter();
  const at = (offset: number | undefined): SourceLocation => {
    const { line, col } = lines.linePos(offset ?? 0);
    return { file, line, column: col };
  };
  const error = (offset: number | undefined, message: string) =>
    result.diagnostics.push({ ...at(offset), severity: 'error', message });

  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const tooDeep = firstCollectionTooDeep(tokens, MAX_NESTING_DEPTH);
  if (tooDeep !== undefined) {
    error(tooDeep, `the YAML nests collections more than ${MAX_NESTING_DEPTH} levels deep (no register file needs that many); refusing the file`);
    return;
  }
  const doc = composeSingleDocument(tokens, text.length);
  if (doc.errors.length > 0) {
    result.diagnostics.push(...yamlErrorDiagnostics(file, text, doc.errors));
    return;
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return; // empty file, or only comments
  if (!isMap(root)) {
    error(root.range?.[0], `a register file must be a YAML mapping with keys such as ${ENTITY_KEYS.join(', ')} (found ${isSeq(root) ? 'a list' : 'a scalar'})`);
    return;
  }
  let plain: unknown;
  try {
    plain = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError) {
      error(0, `too many YAML aliases (more than ${MAX_ALIAS_COUNT} expansions): refusing a possible alias bomb`);
      return;
    }
    throw e;
  }
  const values = plain as Record<string, unknown>;
  const isConfigFile = file === CONFIG_FILE;
  const configPairs: Pair[] = [];
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    const keyOffset = keyNode?.range?.[0];
    if (key !== undefined && (ENTITY_KEYS as readonly string[]).includes(key)) {
      readEntityList(key as EntityKey, pair, Object.getOwnPropertyDescriptor(values, key)?.value, at, result);
    } else if (key !== undefined && (CONFIG_KEYS as readonly string[]).includes(key)) {
      if (isConfigFile) configPairs.push(pair);
      else error(keyOffset, `\`${key}\` belongs in ${CONFIG_FILE}, not in other register files`);
    } else {
      const allowed = isConfigFile ? [...ENTITY_KEYS, ...CONFIG_KEYS] : [...ENTITY_KEYS];
      error(keyOffset, `unknown top-level key '${key ?? '?'}'${didYouMean(key ?? '', allowed)}; allowed keys: ${allowed.join(', ')}`);
    }
  }
  if (isConfigFile) readConfig(root, configPairs, values, at, result);
}

/** What yaml's parseDocument does after parsing: compose the first document, and flag any further one. */
function composeSingleDocument(tokens: CST.Token[], length: number): Document.Parsed {
  // logLevel 'error': the yaml package would otherwise print some warnings (a mapping key that is a collection) to
  // stderr itself, raw register text included; problems reach the user only as diagnostics.
  const composer = new Composer({ uniqueKeys: true, strict: true, logLevel: 'error' });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (doc === undefined) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; a register file holds one'));
      break;
    }
  }
  return doc as Document.Parsed; // compose(…, forceDoc = true) always yields one
}

/** Offset of a collection nested deeper than `limit` in the concrete syntax tree (iterative DFS, O(tokens)). */
function firstCollectionTooDeep(tokens: CST.Token[], limit: number): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop() as [CST.Token, number];
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= limit) return token.offset;
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

function readEntityList(
  key: EntityKey, pair: Pair, value: unknown, at: (offset?: number) => SourceLocation, result: ParsedFile,
): void {
  const listNode = pair.value as YamlNode | null;
  if (value === null || value === undefined) return; // `systems:` with nothing under it
  if (!isSeq(listNode) || !Array.isArray(value)) {
    result.diagnostics.push({ ...at(listNode?.range?.[0] ?? (pair.key as YamlNode).range?.[0]), severity: 'error', message: `\`${key}\` must be a list` });
    return;
  }
  const schema = ENTITY_SCHEMAS[key];
  listNode.items.forEach((itemNode, index) => {
    const item = value[index];
    const loc = at((itemNode as YamlNode).range?.[0]);
    const checked = schema.safeParse(item);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        result.diagnostics.push(issueDiagnostic(issue, itemNode as YamlNode, at, `${singular(key)} ${describeEntity(item)}`, schema));
      }
      const id = item && typeof item === 'object' ? Object.getOwnPropertyDescriptor(item, 'id')?.value : undefined;
      if (typeof id === 'string') result.invalidIds.push({ key, id });
      return;
    }
    result.entities.push({ key, data: item as Record<string, unknown>, loc, locs: locationTable(itemNode as YamlNode, at) });
  });
}

function readConfig(
  root: YAMLMap, pairs: Pair[], values: Record<string, unknown>, at: (offset?: number) => SourceLocation,
  result: ParsedFile,
): void {
  const data: Record<string, unknown> = {};
  for (const pair of pairs) {
    const key = String((pair.key as { value: unknown }).value);
    data[key] = Object.getOwnPropertyDescriptor(values, key)?.value;
  }
  const checked = configSettingsSchema.safeParse(data);
  if (!checked.success) {
    for (const issue of checked.error.issues) result.diagnostics.push(issueDiagnostic(issue, root, at, CONFIG_FILE, configSettingsSchema));
    return;
  }
  result.config = { data, loc: at(root.range?.[0]), locs: locationTable(root, at) };
}

/** Records the location of every node inside an entity or the config, by dotted path, iteratively. */
function locationTable(node: YamlNode, at: (offset?: number) => SourceLocation): LocationTable {
  const table: LocationTable = { paths: [], positions: [] };
  const record = (path: string, offset: number | undefined) => {
    const { line, column } = at(offset);
    table.paths.push(path);
    table.positions.push(line, column);
  };
  const stack: [YamlNode, string][] = [[node, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [YamlNode, string];
    if (isMap(current)) {
      for (const pair of current.items) {
        const keyNode = pair.key as YamlNode | null;
        if (!isScalar(keyNode)) continue;
        const childPath = path === '' ? String(keyNode.value) : `${path}.${String(keyNode.value)}`;
        record(childPath, keyNode.range?.[0]);
        if (pair.value && (isMap(pair.value) || isSeq(pair.value))) stack.push([pair.value as YamlNode, childPath]);
      }
    } else if (isSeq(current)) {
      current.items.forEach((item, i) => {
        const childPath = `${path}.${i}`;
        record(childPath, (item as YamlNode).range?.[0]);
        if (isMap(item) || isSeq(item)) stack.push([item as YamlNode, childPath]);
      });
    }
  }
  return table;
}

/** A zod issue → a diagnostic at the node it concerns (the offending key for unknown keys). */
function issueDiagnostic(
  issue: z.core.$ZodIssue, base: YamlNode, at: (offset?: number) => SourceLocation, subject: string, schema: z.ZodType,
): Diagnostic {
  const { node, resolved } = nodeAt(base, issue.path);
  const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`` : '';
  let offset = node.range?.[0];
  let message: string;
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, issue.path);
    const parts = issue.keys.map((k) => `unknown field '${k}'${didYouMean(k, known)}`);
    if (isMap(node)) {
      const keyNode = node.items.find((p) => isScalar(p.key) && String(p.key.value) === issue.keys[0])?.key as YamlNode | undefined;
      offset = keyNode?.range?.[0] ?? offset;
    }
    message = `${subject}${where ? ` ${where}` : ''}: ${parts.join('; ')}`;
  } else if (!resolved && issue.code === 'invalid_type' && issue.input === undefined) {
    message = `${subject}: missing required field ${where}`;
  } else {
    const text = issueText(issue, resolved && isScalar(node) ? node.value : undefined);
    message = `${subject}: ${where ? `${where}${text.startsWith('must ') ? ' ' : ': '}` : ''}${text}`;
  }
  return { ...at(offset), severity: 'error', message };
}

/** `written` is the scalar found at the issue's path, if any (zod does not report inputs by default). */
function issueText(issue: z.core.$ZodIssue, written: unknown): string {
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.expected === 'boolean' && isYaml11Boolean(written)) {
    return `must be a boolean: YAML 1.2 reads \`${written}\` as a string, not as ${yaml11BooleanValue(written)}; write true or false`;
  }
  if (issue.code === 'invalid_type') return `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}`;
  if (issue.code === 'invalid_union') return 'has the wrong shape';
  return issue.message;
}

/** Field names the schema accepts at `path` (for "did you mean"): walks objects, lists, optionals and unions. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const segment of [...path, undefined]) {
    for (let unwrapping = true; unwrapping;) {
      const def = (current as { _zod: { def: { type: string; innerType?: unknown; options?: unknown[] } } })._zod.def;
      if (def.type === 'optional') current = def.innerType;
      else if (def.type === 'union') current = def.options?.find((o) => (o as { _zod: { def: { type: string } } })._zod.def.type === 'object') ?? current;
      else unwrapping = false;
      if (def.type === 'union') unwrapping = false;
    }
    const def = (current as { _zod: { def: { type: string; shape?: Record<string, unknown>; element?: unknown } } })._zod.def;
    if (segment === undefined) return Object.keys(def.shape ?? {});
    if (def.type === 'object' && def.shape && typeof segment === 'string' && segment in def.shape) current = def.shape[segment];
    else if (def.type === 'array' && typeof segment === 'number') current = def.element;
    else return [];
  }
  return [];
}

/** YAML 1.1 spelled booleans these ways; YAML 1.2, which the yaml package implements, reads them as plain strings. */
const YAML_11_BOOLEAN = /^(?:y|yes|on|n|no|off)$/i;

function isYaml11Boolean(input: unknown): input is string {
  return typeof input === 'string' && YAML_11_BOOLEAN.test(input);
}

function yaml11BooleanValue(input: string): boolean {
  return /^(?:y|yes|on)$/i.test(input);
}

function nodeAt(base: YamlNode, path: readonly PropertyKey[]): { node: YamlNode; resolved: boolean } {
  let node = base;
  for (const segment of path) {
    let next: unknown;
    if (isMap(node)) next = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') next = node.items[segment];
    if (!next || typeof next !== 'object' || !('range' in next)) return { node, resolved: false };
    node = next as YamlNode;
  }
  return { node, resolved: true };
}

function singular(key: EntityKey): string {
  return key.slice(0, -1);
}

function describeEntity(item: unknown): string {
  if (item && typeof item === 'object') {
    const record = item as Record<string, unknown>;
    for (const field of ['id', 'finding']) {
      const value = Object.getOwnPropertyDescriptor(record, field)?.value;
      if (typeof value === 'string') return `'${value}'`;
    }
    const from = Object.getOwnPropertyDescriptor(record, 'from')?.value;
    const to = Object.getOwnPropertyDescriptor(record, 'to')?.value;
    if (typeof from === 'string' && typeof to === 'string') return `'${from}' → '${to}'`;
  }
  return '(entry)';
}
