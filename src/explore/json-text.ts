// JSON for the exploration commands' `--format json`. JSON.stringify already escapes C0 controls; this also writes
// DEL, C1 controls, bidi controls and the line/paragraph separators as \u escapes, so that a document printed to a
// terminal carries no raw control character from the register. The parsed value is unchanged.

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}
