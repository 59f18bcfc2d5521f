// Small, deterministic wording helpers shared by the report sections (no locale: the same bytes on every machine).

import { escapeMarkdownInline } from '../markdown-escape.js';

export { formatCount, plural } from '../../util/plural.js';

/** Escaped register values joined by `, `, or an em dash when there are none. */
export function escapedList(values: readonly string[], empty = '—'): string {
  return values.length === 0 ? empty : values.map(escapeMarkdownInline).join(', ');
}

/** `Critical` from `critical`. */
export function capitalize(word: string): string {
  return word.length === 0 ? word : `${word[0].toUpperCase()}${word.slice(1)}`;
}

/** A GFM table: header cells, alignment per column (`l` or `r`), rows of already-escaped cells. */
export function table(header: readonly string[], align: string, rows: readonly (readonly string[])[]): string[] {
  const rule = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${rule.join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}
