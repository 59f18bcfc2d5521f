// Escaping for text placed inside a quoted Mermaid label (`n0["…"]`, `-->|"…"|`, `subgraph z0["…"]`).
// Mermaid decodes `#name;` / `#123;` entity codes inside labels, so every character that could end the label, open
// a shape, start markup or smuggle HTML is replaced by its entity code; `#` itself is escaped so that register text
// can never spell an entity of its own. Line breaks and control characters become spaces (a label is one line),
// and bidirectional-override characters are dropped so a label cannot visually reorder the diagram.
// Node and subgraph ids are never taken from data (they are generated: n0, n1, …, z0, z1, …).

import { BIDI_CONTROLS } from '../util/unsafe-characters.js';

const ENTITY_CODES: ReadonlyMap<string, string> = new Map([
  ['"', '#quot;'],
  ['#', '#35;'],
  ['&', '#38;'],
  [';', '#59;'],
  ['<', '#60;'],
  ['>', '#62;'],
  ['[', '#91;'],
  [']', '#93;'],
  ['`', '#96;'],
  ['{', '#123;'],
  ['|', '#124;'],
  ['}', '#125;'],
]);

const SPECIAL = /["#&;<>[\]`{|}]|\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function escapeMermaidLabel(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(SPECIAL, (ch) => ENTITY_CODES.get(ch) ?? ' ');
}
