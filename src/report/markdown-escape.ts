// Escaping of register values (names, reasons, ids…) for markdown documents and Mermaid diagrams (SPEC §5).
// Register data is untrusted: a vendor named `A|B <script>` must neither break a table nor inject HTML.
//
// Choices, for markdown (CommonMark + GFM, as GitHub and markdown-it render them):
// - `&`, `<`, `>` become the entities `&amp;`, `&lt;`, `&gt;`: no raw HTML, autolink or entity from data survives.
// - `\` and the characters that open inline syntax, `` ` * _ [ ] | ~ $ # ``, get a backslash: CommonMark renders any
//   backslash-escaped ASCII punctuation literally ( `$` for GitHub math, `~` for GFM strikethrough, `|` for tables).
//   Characters harmless without those openers (`-`, `.`, `:`, `(`…) stay as they are, so ids stay readable in the
//   raw file; only at the very start of the value are `-`, `+`, `=` and `1.`/`1)` escaped, lest a value placed at the
//   start of a line turns into a list or a setext heading.
// - Line breaks (CR, LF, CRLF, NEL, U+2028, U+2029), tabs, other control characters and bidi controls become one
//   space each. In table cells a `<br>` would keep the line break on GitHub but prints literally in renderers that
//   disallow HTML (markdown-it's default), so a space is the choice that renders the same everywhere and keeps the
//   row on one line.
// Table cells use the same escaping as inline text: `|` is escaped in both, because inline text often ends up in a
// table, and the GFM cell splitter honours `\|` (and `\\` before it) as the spec requires.
//
// For Mermaid labels (to be written inside double quotes, `id["label"]`), Mermaid's own entity codes are used:
// `#quot;`, `#amp;`, `#lt;`, `#gt;`, and numeric ones for `#` (first, so that data spelling `#quot;` stays literal),
// `[`, `]`, `|`, backtick (which would switch the label to markdown-string mode), `{`, `}`. Line breaks and control
// characters become spaces. The result contains none of `"[]|<>` `` ` `` nor any line break.

import { isInvisibleControl } from '../util/unsafe-characters.js';

const MARKDOWN_ENTITY = new Map<string, string>([['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;']]);
const MARKDOWN_BACKSLASHED = new Set(['\\', '`', '*', '_', '[', ']', '|', '~', '$', '#']);

const MERMAID_ENTITY = new Map<string, string>([
  ['#', '#35;'], ['"', '#quot;'], ['&', '#amp;'], ['<', '#lt;'], ['>', '#gt;'], ['[', '#91;'], [']', '#93;'],
  ['|', '#124;'], ['`', '#96;'], ['{', '#123;'], ['}', '#125;'],
]);

/** True for characters that must not reach a document raw: C0/C1 controls, DEL, NEL, the Unicode separators, and the
 * bidi controls, which would reorder what the reader sees (in a rendered page, or on a terminal printing the report). */
function isBreakOrControl(code: number): boolean {
  return code < 0x20 || isInvisibleControl(code);
}

/** Escapes a register value for use in running markdown text: one line, no HTML, no inline syntax. */
export function escapeMarkdownInline(text: string): string {
  let out = '';
  let previousWasCr = false;
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === '\n' && previousWasCr) {
      previousWasCr = false;
      continue; // CRLF is one line break, hence one space
    }
    previousWasCr = char === '\r';
    if (isBreakOrControl(code)) out += ' ';
    else if (MARKDOWN_ENTITY.has(char)) out += MARKDOWN_ENTITY.get(char);
    else if (MARKDOWN_BACKSLASHED.has(char)) out += `\\${char}`;
    else out += char;
  }
  return escapeLeadingBlockMarker(out);
}

/** Escapes a register value for a GFM table cell: as inline text, so `|` cannot add a column nor a line end a row. */
export function escapeMarkdownTableCell(text: string): string {
  return escapeMarkdownInline(text);
}

/** Escapes a register value for a Mermaid node or edge label written inside double quotes. */
export function escapeMermaidLabel(text: string): string {
  let out = '';
  let previousWasCr = false;
  for (const char of text) {
    if (char === '\n' && previousWasCr) {
      previousWasCr = false;
      continue;
    }
    previousWasCr = char === '\r';
    if (isBreakOrControl(char.charCodeAt(0))) out += ' ';
    else out += MERMAID_ENTITY.get(char) ?? char;
  }
  return out;
}

// A list marker (`-`, `+`, `1.`, `1)`) or setext underline (`=`, `-`) only means something at the start of a line.
function escapeLeadingBlockMarker(escaped: string): string {
  let start = 0;
  while (start < escaped.length && escaped[start] === ' ') start += 1;
  const first = escaped[start];
  if (first === '-' || first === '+' || first === '=') {
    return `${escaped.slice(0, start)}\\${escaped.slice(start)}`;
  }
  let end = start;
  while (end < escaped.length && escaped[end] >= '0' && escaped[end] <= '9') end += 1;
  if (end > start && (escaped[end] === '.' || escaped[end] === ')')) {
    return `${escaped.slice(0, end)}\\${escaped.slice(end)}`;
  }
  return escaped;
}
