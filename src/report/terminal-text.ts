// The one sanitiser for register text on its way to a terminal. Register files come from many hands, so a name could
// carry ANSI/OSC escape sequences (recolour, retitle, hyperlink, or hide text), carriage returns (overwrite a line),
// NUL, or bidi overrides (reorder what the reader sees). Everything in C0 (except nothing: tab and newline included,
// since a name spans one cell) and C1, DEL, the bidi controls and the line/paragraph separators is replaced by a
// visible `\u{…}` escape, so the reader sees that something odd is there instead of having it acted on.

import { jsonDocument } from '../util/json-document.js';

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

// Re-exported for the reporters; it lives in src/util so that the graph exporters need not import a reporter.
export { jsonDocument };
