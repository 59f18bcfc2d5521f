// The line at fault under a diagnostic, with a caret under its column, for a reader at a terminal:
//
//   zones.yaml:27:1  invalid YAML: Tabs are not allowed as indentation; indent with spaces
//       \u{9}- id: parking
//       ^
//
// The line is register text, so it is escaped like every other (a tab shows as `\u{9}`, which is what the reader
// needs to see here); the caret is aligned on the escaped text, one cell per character. A very long line (minified
// YAML) is cut to a window around the column.

import { terminalText } from '../report/terminal-text.js';
import type { Diagnostic } from '../register/types.js';

const INDENT = '    ';
const WINDOW = 80;

/** The excerpt lines for a diagnostic that carries its line's text; none otherwise. */
export function excerptLines(d: Diagnostic): string[] {
  if (d.excerpt === undefined) return [];
  const column = Math.max(1, Math.min(d.column, d.excerpt.length + 1));
  const from = Math.max(0, column - 1 - WINDOW);
  const to = Math.min(d.excerpt.length, column - 1 + WINDOW);
  const head = from > 0 ? '…' : '';
  const tail = to < d.excerpt.length ? '…' : '';
  const before = head + terminalText(d.excerpt.slice(from, column - 1));
  const shown = before + terminalText(d.excerpt.slice(column - 1, to)) + tail;
  return [`${INDENT}${shown}`, `${INDENT}${' '.repeat(before.length)}^`];
}
