// Small, deterministic wording helpers shared by the report sections (no locale: the same bytes on every machine).

import { escapeMarkdownInline } from '../markdown-escape.js';

/** `182500` → `182,500`, independent of the machine's locale. */
export function formatCount(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

/** `1 hop`, `3 hops`. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}

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
