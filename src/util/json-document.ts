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
