// The one sanitiser for register text on its way to a terminal. Register files come from many hands, so a name could
// carry ANSI/OSC escape sequences (recolour, retitle, hyperlink, or hide text), carriage returns (overwrite a line),
// NUL, or bidi overrides (reorder what the reader sees). Everything in C0 (except nothing: tab and newline included,
// since a name spans one cell) and C1, DEL, the bidi controls and the line/paragraph separators is replaced by a
// visible `\u{…}` escape, so the reader sees that something odd is there instead of having it acted on.

import { jsonDocument } from '../util/json-document.js';
import { CONTROLS } from '../util/unsafe-characters.js';

export function terminalText(value: string): string {
  return value.replace(CONTROLS, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`);
}

/** Like terminalText, but keeps newlines: for multi-line messages the tool itself composed. */
export function terminalBlock(value: string): string {
  return value.split('\n').map(terminalText).join('\n');
}

// Re-exported for the reporters; it lives in src/util so that the graph exporters need not import a reporter.
export { jsonDocument };
