// Escaping for Graphviz DOT double-quoted strings. Inside quotes only `"` and `\` are special to the DOT lexer, but
// Graphviz also gives label text escapes (`\N`, `\G`, `\l`, …) a meaning, so every backslash is doubled. Line breaks
// become DOT's own centred line break `\n`; other control characters become spaces, and bidirectional-override
// characters are dropped so a label cannot visually reorder the drawing.

import { BIDI_CONTROLS } from '../util/unsafe-characters.js';

export function dotString(text: string): string {
  const escaped = text.replace(BIDI_CONTROLS, '').replace(/\\|"|\r\n|[\r\n\u2028\u2029]|[\u0000-\u001f\u007f-\u009f]/g, (ch) => {
    if (ch === '\\') return '\\\\';
    if (ch === '"') return '\\"';
    if (ch === '\r\n' || ch === '\r' || ch === '\n' || ch === '\u2028' || ch === '\u2029') return '\\n';
    return ' ';
  });
  return `"${escaped}"`;
}
