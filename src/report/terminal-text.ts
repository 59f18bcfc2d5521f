// The one sanitiser for register text on its way to a terminal. Register files come from many hands, so a name could
// carry ANSI/OSC escape sequences (recolour, retitle, hyperlink, or hide text), carriage returns (overwrite a line),
// NUL, or bidi overrides (reorder what the reader sees). Everything in C0 (except nothing: tab and newline included,
// since a name spans one cell) and C1, DEL, the bidi controls and the line/paragraph separators is replaced by a
// visible `\u{…}` escape, so the reader sees that something odd is there instead of having it acted on.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function terminalText(value: string): string {
  return value.replace(UNSAFE, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`);
}

/** Like terminalText, but keeps newlines: for multi-line messages the tool itself composed. */
export function terminalBlock(value: string): string {
  return value.split('\n').map(terminalText).join('\n');
}

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** A JSON document (two-space indent, final newline) that is safe to print: JSON.stringify already escapes C0
 * controls, and DEL, C1 controls, bidi controls and the line/paragraph separators are written as \u escapes too.
 * These characters can only occur inside strings, so the parsed value is unchanged. Every JSON format uses this. */
export function jsonDocument(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}
