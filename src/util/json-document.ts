// The JSON writer of every JSON output (scan results, SARIF, graph exports): below both the reporters and the
// exporters, so that neither reaches into the other.

const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** A JSON document (two-space indent, final newline) that is safe to print: JSON.stringify already escapes C0
 * controls, and DEL, C1 controls, bidi controls and the line/paragraph separators are written as \u escapes too.
 * These characters can only occur inside strings, so the parsed value is unchanged. Every JSON format uses this. */
export function jsonDocument(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
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
  yield* objectChunks(members, '');
  yield '\n';
}

function* objectChunks(members: Iterable<[string, JsonMember]>, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const [key, member] of members) {
    if ('value' in member && member.value === undefined) continue;
    yield `${first ? '{\n' : ',\n'}${inner}${jsonIndented(key, inner)}: `;
    first = false;
    if ('value' in member) yield jsonIndented(member.value, inner);
    else if ('items' in member) yield* arrayChunks(member.items, inner);
    else yield* objectChunks(member.members, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}

function* arrayChunks(items: Iterable<unknown>, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const item of items) {
    // JSON.stringify writes an undefined element of an array as null.
    yield `${first ? '[\n' : ',\n'}${inner}${item === undefined ? 'null' : jsonIndented(item, inner)}`;
    first = false;
  }
  yield first ? '[]' : `\n${indent}]`;
}

/** jsonDocument's rendering of one value, its inner lines indented to sit `indent` deep in a document. */
function jsonIndented(value: unknown, indent: string): string {
  return jsonDocument(value).slice(0, -1).replace(/\n/g, `\n${indent}`);
}

/** The elements of `items` mapped one at a time, when iterated: for a list member whose projections need not all
 * exist at once. */
export function* lazilyMapped<T, U>(items: Iterable<T>, project: (item: T) => U): Generator<U> {
  for (const item of items) yield project(item);
}
