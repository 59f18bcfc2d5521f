// The JSON writer of every JSON output (scan results, SARIF, graph exports): below both the reporters and the
// exporters, so that neither reaches into the other.

import { INVISIBLE_CONTROLS } from './unsafe-characters.js';

/** A JSON document (two-space indent, final newline) that is safe to print: JSON.stringify already escapes C0
 * controls, and DEL, C1 controls, bidi controls and the line/paragraph separators are written as \u escapes too.
 * These characters can only occur inside strings, so the parsed value is unchanged. Every JSON format uses this. */
export function jsonDocument(value: unknown): string {
  return `${escapeUnsafe(JSON.stringify(value, null, 2))}\n`;
}

function escapeUnsafe(json: string): string {
  return json.replace(INVISIBLE_CONTROLS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A member of a streamed object: a value rendered whole, a list rendered one element at a time, or an object whose
 * own members are streamed. */
export type JsonMember = { value: unknown } | { items: Iterable<unknown> } | { members: Iterable<[string, JsonMember]> };

/**
 * jsonDocument's bytes of an object, in pieces: its lists are rendered one element at a time, and their elements may
 * be produced lazily, so an L register's findings or graph are written without their projections and their whole
 * text held at once. The pieces joined are exactly jsonDocument of the object with each list as an array. A member
 * whose value is undefined is left out, as JSON.stringify leaves it out.
 */
export function* jsonDocumentChunks(members: Iterable<[string, JsonMember]>): Generator<string> {
  yield* objectChunks(members, 0);
  yield '\n';
}

/** Elements of a streamed list rendered per JSON.stringify call: about as fast as rendering the list whole, and a
 * batch of findings or graph entries stays far below a megabyte. */
const BATCH = 256;

function* objectChunks(members: Iterable<[string, JsonMember]>, depth: number): Generator<string> {
  const inner = '  '.repeat(depth + 1);
  let first = true;
  for (const [key, member] of members) {
    if ('value' in member && member.value === undefined) continue;
    yield `${first ? '{\n' : ',\n'}${inner}${elementsAt([key], depth + 1)}: `;
    first = false;
    if ('value' in member) yield elementsAt([member.value], depth + 1);
    else if ('items' in member) yield* arrayChunks(member.items, depth + 1);
    else yield* objectChunks(member.members, depth + 1);
  }
  yield first ? '{}' : `\n${'  '.repeat(depth)}}`;
}

function* arrayChunks(items: Iterable<unknown>, depth: number): Generator<string> {
  const inner = '  '.repeat(depth + 1);
  let first = true;
  let batch: unknown[] = [];
  const flush = () => {
    const text = `${first ? '[\n' : ',\n'}${inner}${elementsAt(batch, depth + 1)}`;
    first = false;
    batch = [];
    return text;
  };
  for (const item of items) {
    batch.push(item);
    if (batch.length === BATCH) yield flush();
  }
  if (batch.length > 0) yield flush();
  yield first ? '[]' : `\n${'  '.repeat(depth)}]`;
}

/**
 * jsonDocument's rendering of `values` as consecutive elements of an array `depth` levels deep (`v1,\n<indent>v2`,
 * the first without its indent): rendered inside nested arrays and cut out, so no second pass re-indents the text. A
 * member's value renders the same as an element at its depth.
 */
function elementsAt(values: unknown[], depth: number): string {
  let wrapped: unknown = values;
  for (let level = 1; level < depth; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Before the first element: `[\n` and the indent of each level down to `depth`; after the last, `\n`, the indent
  // and `]` of each level back up.
  const prefix = depth * (depth + 3);
  const suffix = depth * (depth + 1);
  return escapeUnsafe(text.slice(prefix, text.length - suffix));
}

/** The elements of `items` mapped one at a time, when iterated: for a list member whose projections need not all
 * exist at once. */
export function* lazilyMapped<T, U>(items: Iterable<T>, project: (item: T) => U): Generator<U> {
  for (const item of items) yield project(item);
}
