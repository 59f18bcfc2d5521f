import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownInline, escapeMarkdownTableCell, escapeMermaidLabel } from '../../../src/report/markdown-escape.js';
import { HOSTILE_TEXT } from './fixtures.js';
import { cellsPerRow, decodeHtmlText, markdown } from './markdown-it.js';

// Characters with a meaning in markdown, HTML, GFM tables or Mermaid, plus line breaks, controls and astral ones.
const TRICKY = ['|', '<', '>', '&', '`', '*', '_', '[', ']', '(', ')', '!', '#', '-', '+', '=', '.', '1', '~', '$',
  '\\', '"', "'", ':', '{', '}', ';', '%', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u0000', '\u0085', '\u2028', 'a',
  'script', '<script>', 'é', '😀', '\uD800', 'http://x.test', '&amp;', '#quot;', '\u00a0', '\u202e', '\u2066'];
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 24 }).map((parts) => parts.join(''));
const anyText = fc.oneof(trickyText, fc.string({ unit: 'binary', maxLength: 40 }));

/** What a reader should see: line breaks and control characters as single spaces, everything else verbatim. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
}

describe('escapeMarkdownInline', () => {
  it('renders the hostile fixture as text: no tag, no code span, no emphasis, one paragraph', () => {
    const html = markdown.render(escapeMarkdownInline(HOSTILE_TEXT));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<code');
    expect(html).not.toContain('<a ');
    expect(html.startsWith('<p>')).toBe(true);
    expect(html.match(/<p>/g)).toHaveLength(1);
  });

  it('renders any value, placed inside a line, as exactly its visible text (property)', () => {
    fc.assert(fc.property(anyText, (text) => {
      const html = markdown.render(`x ${escapeMarkdownInline(text)} x`);
      expect(html.startsWith('<p>') && html.endsWith('</p>\n')).toBe(true);
      const inner = html.slice(3, -5);
      expect(inner).not.toContain('<');
      expect(decodeHtmlText(inner)).toBe(`x ${visible(text).replace(/\u0000/g, ' ')} x`);
    }), { numRuns: 2000 });
  });

  it('keeps a value placed at the start of a line from becoming a list, a heading, a rule or a quote', () => {
    for (const text of ['- item', '+ item', '* item', '1. item', '12) item', '# title', '===', '---', '> quote', '***']) {
      for (const source of [`${escapeMarkdownInline(text)}\n`, `intro\n${escapeMarkdownInline(text)}\n`]) {
        const html = markdown.render(source);
        expect(html, source).toMatch(/^<p>[^<]*<\/p>\n$/);
        expect(decodeHtmlText(html)).toContain(text);
      }
    }
  });

  it('keeps ids readable in the raw markdown', () => {
    expect(escapeMarkdownInline('parking-app-to-fs-01-445')).toBe('parking-app-to-fs-01-445');
    expect(escapeMarkdownInline('a.b:c')).toBe('a.b:c');
  });
});

describe('escapeMarkdownTableCell', () => {
  it('keeps a table at its column count and every cell at its text, whatever the values (property)', () => {
    fc.assert(fc.property(anyText, anyText, (left, right) => {
      const table = `| a | b |\n|---|---|\n| ${escapeMarkdownTableCell(left)} | ${escapeMarkdownTableCell(right)} |\n`;
      const html = markdown.render(table);
      expect(cellsPerRow(html)).toEqual([2, 2]);
      const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((match) => match[1]);
      expect(cells).toHaveLength(2);
      for (const cell of cells) expect(cell).not.toContain('<');
      expect(decodeHtmlText(cells[0])).toBe(visible(left).replace(/\u0000/g, ' ').trim());
      expect(decodeHtmlText(cells[1])).toBe(visible(right).replace(/\u0000/g, ' ').trim());
    }), { numRuns: 2000 });
  });

  it('renders the hostile fixture in one cell, without HTML', () => {
    const html = markdown.render(`| name | tier |\n|---|---|\n| ${escapeMarkdownTableCell(HOSTILE_TEXT)} | high |\n`);
    expect(html).not.toContain('<script');
    expect(cellsPerRow(html)).toEqual([2, 2]);
  });
});

describe('escapeMermaidLabel', () => {
  const MERMAID_ENTITIES = new Map([['quot', '"'], ['amp', '&'], ['lt', '<'], ['gt', '>']]);
  function decodeMermaid(label: string): string {
    return label.replace(/#(\w+);/g, (_, name: string) => MERMAID_ENTITIES.get(name) ?? String.fromCodePoint(Number(name)));
  }

  it('leaves no quote, bracket, pipe, angle bracket, backtick, brace or line break, and decodes back (property)', () => {
    fc.assert(fc.property(anyText, (text) => {
      const label = escapeMermaidLabel(text);
      expect(label).not.toMatch(/["[\]|<>`{}\r\n\u2028\u2029]/);
      expect(decodeMermaid(label)).toBe(visible(text));
    }), { numRuns: 2000 });
  });

  it('uses Mermaid entity codes', () => {
    expect(escapeMermaidLabel('A|B <script>"x"</script> [y]')).toBe(
      'A#124;B #lt;script#gt;#quot;x#quot;#lt;/script#gt; #91;y#93;');
    expect(escapeMermaidLabel('#quot;')).toBe('#35;quot;');
    expect(escapeMermaidLabel('a\r\nb\nc')).toBe('a b c');
  });
});
