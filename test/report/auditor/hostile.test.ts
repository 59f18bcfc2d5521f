import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAuditReport } from '../../../src/report/auditor/index.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { RULES } from '../../../src/rules/index.js';
import { decodeHtmlText, markdown } from '../ci/markdown-it.js';
import { auditInput, mermaidBlocks, tableShapes } from './fixtures.js';
import { HOSTILE, hostileRegister } from './hostile-register.js';

/** Every tag the report may produce when rendered; anything else would be HTML smuggled in from register data. */
const ALLOWED_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'strong', 'code', 'pre', 'a', 'table', 'thead',
  'tbody', 'tr', 'th', 'td', 'hr']);

function tagsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase()));
}

/** The label characters a quoted Mermaid label may never hold raw. */
const LABEL = String.raw`"[^"\[\]\x60<>|{}\n\r]*"`;
const MERMAID_LINE = new RegExp([
  String.raw`^flowchart LR$`,
  String.raw`^  subgraph z\d+\[${LABEL}\]$`,
  String.raw`^    n\d+(?:\(\(${LABEL}\)\)|\(\[${LABEL}\]\)|\{\{${LABEL}\}\}|\[\(${LABEL}\)\]|\[${LABEL}\])$`,
  String.raw`^  end$`,
  String.raw`^  n\d+ <?(?:-->|==>|-\.->)(?:\|${LABEL}\|)? n\d+$`,
  String.raw`^  classDef [a-z0-9]+ [a-z0-9:#,. -]+$`,
  String.raw`^  class n\d+(?:,n\d+)* [a-z0-9]+$`,
  String.raw`^  linkStyle \d+(?:,\d+)* [a-z0-9:#,-]+$`,
].join('|'));

function expectSafeMarkdown(source: string): string {
  const html = markdown.render(source);
  expect(html).not.toMatch(/<script/i);
  const unexpected = [...tagsOf(html)].filter((tag) => !ALLOWED_TAGS.has(tag));
  expect(unexpected).toEqual([]);
  for (const rows of tableShapes(html)) {
    expect(rows.length).toBeGreaterThan(1);
    for (const count of rows) expect(count).toBe(rows[0]);
  }
  // Links only come from the report's own table of contents.
  for (const href of html.matchAll(/<a href="([^"]*)"/g)) expect(href[1]).toMatch(/^#[a-z-]+$/);
  return html;
}

function expectSafeMermaid(source: string): void {
  const blocks = mermaidBlocks(source);
  for (const block of blocks) {
    for (const line of block.trimEnd().split('\n')) expect(line).toMatch(MERMAID_LINE);
  }
}

describe('auditor report on a hostile register', () => {
  const report = renderAuditReport(auditInput(hostileRegister(), '2026-12-06'));

  it('renders every table at its column count and lets no HTML through (markdown-it, html enabled)', () => {
    const html = expectSafeMarkdown(report);
    expect(tableShapes(html).length).toBeGreaterThanOrEqual(6);
  });

  it('shows the hostile text literally, line breaks turned into spaces', () => {
    const text = decodeHtmlText(markdown.render(report));
    expect(text).toContain('A|B <script>alert(1)</script> `tick` ]" # not a heading | --- | x |');
    expect(report).not.toContain('<script');
  });

  it('keeps every line of the Mermaid blocks within the diagram grammar, labels escaped', () => {
    const blocks = mermaidBlocks(report);
    expect(blocks.length).toBe(2);
    expectSafeMermaid(report);
    expect(blocks.join('\n')).toContain('#lt;script#gt;');
    expect(blocks.join('\n')).toContain('#quot;');
  });

  it('renders the scan-format markdown safely too', () => {
    const input = auditInput(hostileRegister(), '2026-12-06');
    const source = renderMarkdown(input.result, { rules: RULES.map((r) => r.meta), failOn: 'high', uriBase: '' });
    expectSafeMarkdown(source);
  });

  it('stays safe and well formed for arbitrary names (property)', () => {
    const TRICKY = ['|', '<', '>', '&', '`', '*', '_', '[', ']', '(', ')', '!', '#', '-', '+', '=', '.', '1', '~', '$', '\\',
      '"', "'", ':', '{', '}', ';', '%', ' ', '\t', '\n', '\r', '\r\n', '\u0000', '\u0085', '\u2028', 'script', '<script>',
      '<img src=x onerror=alert(1)>', '</td>', '```', '-->', 'end', '%%', 'é', '😀', '#quot;', 'http://x.test'];
    const tricky = fc.array(fc.constantFrom(...TRICKY), { minLength: 1, maxLength: 16 }).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.oneof(tricky, fc.string({ minLength: 1, maxLength: 30 })), (text) => {
      const source = renderAuditReport(auditInput(hostileRegister(text), '2026-12-06'));
      expectSafeMarkdown(source);
      expectSafeMermaid(source);
    }), { numRuns: 60 });
  });

  it('uses the hostile register for what it is meant to exercise', () => {
    expect(HOSTILE).toContain('\n');
    for (const section of ['## Vendor inventory', '### Policy parking-never-admin', '### Single points of failure', '## Accepted risks']) {
      expect(report).toContain(section);
    }
  });
});
