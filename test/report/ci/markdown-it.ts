// markdown-it ships no type declarations; this loads it through require and types the one method the tests use.

import { createRequire } from 'node:module';

interface MarkdownRenderer { render(source: string): string }
type MarkdownItConstructor = new (options?: { html?: boolean }) => MarkdownRenderer;

const require = createRequire(import.meta.url);
const MarkdownIt = require('markdown-it') as MarkdownItConstructor;

/** A renderer with raw HTML enabled, as on GitHub, so that any HTML that escaped our escaping would show. */
export const markdown = new MarkdownIt({ html: true });

const ENTITIES = new Map([['&amp;', '&'], ['&lt;', '<'], ['&gt;', '>'], ['&quot;', '"'], ['&#39;', "'"]]);

/** Decodes the entities markdown-it writes in text content. */
export function decodeHtmlText(html: string): string {
  return html.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES.get(entity) ?? entity);
}

/** Counts `<td>`/`<th>` cells per table row of rendered HTML. */
export function cellsPerRow(html: string): number[] {
  const rows = html.split('<tr>').slice(1);
  return rows.map((row) => (row.match(/<t[dh][ >]/g) ?? []).length);
}
