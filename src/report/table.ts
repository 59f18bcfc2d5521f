// The default terminal format: findings grouped by severity, each with its witness path or impact, then a one-line
// summary. Every register value goes through terminalText, so names cannot smuggle escape sequences; colour comes
// only from this file, and only when the CLI asks for it.
//
// Width: every line is at most the terminal's width, and the table's frame exactly that (table-frame.ts draws a
// frame of the column widths plus one border per column and one more). Text wraps at spaces only. A finding id and a
// `file:line` are copied into `accept` and editors, so they are kept whole: two columns ("Finding", "Where") when the
// longest id and the longest location both fit side by side, else one column with the location as the cell's last
// line. Only a token longer than a whole line is broken: an id after `-`, `:` or `.`, a path after `/`, and never
// inside the `:line` suffix; failing all those, at the width.
//
// Cells are wrapped here, on plain text, and coloured line by line afterwards, so no colour sequence is ever cut in
// two. Width is counted in UTF-16 units (an emoji counts two; terminalText has already removed controls).

import { Chalk } from 'chalk';
import type { ScanResult } from '../findings/scan-result.js';
import type { Finding } from '../findings/types.js';
import { SEVERITY_ORDER } from '../findings/types.js';
import type { FindingSeverity } from '../register/types.js';
import { changeSections, comparisonHeadline } from './change-sections.js';
import { supplyHopsText, witnessArrows } from './finding-evidence.js';
import { drawTable } from './table-frame.js';
import { terminalText } from './terminal-text.js';
import { plural } from '../util/plural.js';
import type { ReporterOptions } from './types.js';

/** Borders drawn around and between `columns` columns: one each side and one between each pair. */
function borders(columns: number): number {
  return columns + 1;
}

export function renderTable(result: ScanResult, options: ReporterOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<FindingSeverity, (s: string) => string> = {
    critical: (s) => chalk.bold.red(s), high: (s) => chalk.red(s), medium: (s) => chalk.yellow(s),
    low: (s) => chalk.cyan(s), info: (s) => chalk.gray(s),
  };
  const width = Math.max(MIN_WIDTH, Math.min(options.width ?? 120, MAX_WIDTH));
  const layout = chooseLayout(result.findings, width);
  const out: string[] = [];
  for (const severity of SEVERITY_ORDER) {
    const group = result.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(paint[severity](`${severity.toUpperCase()} (${group.length})`));
    const head = layout.colWidths.length === 2 ? ['Finding', 'Where'] : ['Finding (where)'];
    const rows = group.map((finding) => {
      const where: Span = { text: locationText(finding), paint: (t) => t, kind: 'location' };
      const content = layout.colWidths[0] - CELL_PADDING;
      if (layout.colWidths.length === 2) return [cellText(describe(finding, chalk), content), cellText([[where]], layout.colWidths[1] - CELL_PADDING)];
      return [cellText([...describe(finding, chalk), [where]], content)];
    });
    out.push(drawTable(head, rows, layout.colWidths), '');
  }
  if (result.comparison) out.push(...comparisonText(result, options, chalk, width), '');
  out.push(boldLines(wrapPlain(summaryText(result, options), width), chalk));
  return `${out.join('\n')}\n`;
}

/** Below this a two-column frame has no room for text; above it lines are too long to read. */
const MIN_WIDTH = 40;
const MAX_WIDTH = 500;

function locationText(finding: Finding): string {
  return terminalText(`${finding.location.file}:${finding.location.line}`);
}

interface Layout {
  /** Column widths, padding included; they sum to the width less the borders. */
  colWidths: number[];
}

/** Two columns when every id and every location fit whole side by side; else one. */
function chooseLayout(findings: readonly Finding[], width: number): Layout {
  const longest = (texts: string[]) => texts.reduce((max, text) => Math.max(max, text.length), 0);
  const where = Math.max('Where'.length, longest(findings.map(locationText))) + CELL_PADDING;
  const id = Math.max(20, longest(findings.map((f) => terminalText(f.id)))) + CELL_PADDING;
  if (id + where + borders(2) <= width) return { colWidths: [width - borders(2) - where, where] };
  return { colWidths: [width - borders(1)] };
}

/** What a span holds decides where it may break. */
type SpanKind = 'text' | 'id' | 'location';

/** A run of plain (already sanitised) text and the colour to give it. */
interface Span {
  text: string;
  paint: (text: string) => string;
  kind?: SpanKind;
}

/** One cell line is a list of spans; a cell is a list of lines. */
type CellLines = Span[][];

/** One space of padding on each side of a cell. */
const CELL_PADDING = 2;

function plain(text: string): Span {
  return { text, paint: (t) => t };
}

function describe(finding: Finding, chalk: InstanceType<typeof Chalk>): CellLines {
  const first: Span[] = [];
  if (finding.new === true) first.push({ text: `[${finding.change ?? 'new'}]`, paint: (t) => chalk.magenta(t) }, plain(' '));
  if (finding.status === 'accepted') first.push({ text: '[accepted]', paint: (t) => chalk.green(t) }, plain(' '));
  first.push({ text: terminalText(finding.title), paint: (t) => chalk.bold(t) });
  const lines: CellLines = [first, [{ text: terminalText(finding.id), paint: (t) => chalk.dim(t), kind: 'id' }]];
  if (finding.status === 'accepted' && finding.acceptedBy) {
    lines.push([{ text: `accepted by ${terminalText(finding.acceptedBy.approved_by)} until ${finding.acceptedBy.expires}`, paint: (t) => chalk.green(t) }]);
  }
  if (finding.path) {
    const hops = finding.supplyHops ?? 0;
    const labels = finding.path.map(terminalText);
    lines.push([plain(`path: ${witnessArrows(labels, hops)}`)]);
    if (hops > 0) lines.push([plain(`supply: ${supplyHopsText(labels, hops)}`)]);
  }
  if (finding.impact_count !== undefined) lines.push([plain(`impact: ${plural(finding.impact_count, 'system')}`)]);
  return lines;
}

/** A word (no spaces), or one space between words, with the span it came from. */
interface Token {
  text: string;
  span: Span;
  space: boolean;
}

function tokens(spans: readonly Span[]): Token[] {
  const out: Token[] = [];
  for (const span of spans) {
    // Ids and locations are one token each; text splits at spaces.
    const parts = span.kind === 'id' || span.kind === 'location' ? [span.text] : span.text.split(/( )/);
    for (const part of parts) if (part !== '') out.push({ text: part, span, space: part === ' ' });
  }
  return out;
}

/**
 * Where a token longer than a whole line may break, in order of preference: just after one of these characters. An
 * id breaks between its parts (`:`) before it breaks inside one (`-`, `.`); a location only between directories.
 */
function breakPoints(kind: SpanKind | undefined): RegExp[] {
  return kind === 'location' ? [/\//] : [/:/, /[-./]/];
}

/** The longest prefix of `text`, at most `width` long, that ends at an allowed break; 0 when there is none. */
function lastBreak(text: string, width: number, kind: SpanKind | undefined): number {
  for (const allowed of breakPoints(kind)) {
    for (let i = Math.min(width, text.length - 1); i > 0; i--) if (allowed.test(text[i - 1])) return i;
  }
  return 0;
}

/** Splits a token longer than `width` into pieces of at most `width`, each ending at an allowed break if it can. */
function splitLong(token: Token, width: number): string[] {
  let text = token.text;
  const pieces: string[] = [];
  while (text.length > width) {
    let cut = lastBreak(text, width, token.span.kind);
    if (cut === 0) {
      cut = width;
      // Never split a surrogate pair.
      if (/[\ud800-\udbff]/.test(text[cut - 1])) cut -= 1;
    }
    pieces.push(text.slice(0, cut));
    text = text.slice(cut);
  }
  pieces.push(text);
  return pieces;
}

/** Word-wraps each line at `width` columns (see the top of the file), then colours every piece of every span on its
 * own line, so no colour sequence spans a line break. */
function cellText(lines: CellLines, width: number): string {
  const out: string[] = [];
  for (const spans of lines) {
    let current: { text: string; span: Span }[] = [];
    let used = 0;
    let pendingSpace: Token | undefined;
    const flush = () => {
      // Consecutive pieces of one span are painted together: one colour sequence per span per line.
      const runs: { text: string; span: Span }[] = [];
      for (const piece of current) {
        const last = runs.at(-1);
        if (last !== undefined && last.span === piece.span) last.text += piece.text;
        else runs.push({ ...piece });
      }
      out.push(runs.map((run) => run.span.paint(run.text)).join(''));
      current = [];
      used = 0;
      pendingSpace = undefined;
    };
    for (const token of tokens(spans)) {
      if (token.space) {
        if (used > 0) pendingSpace = token;
        continue;
      }
      const gap = pendingSpace === undefined ? 0 : 1;
      if (used + gap + token.text.length <= width) {
        if (pendingSpace !== undefined) current.push({ text: ' ', span: pendingSpace.span });
        current.push({ text: token.text, span: token.span });
        used += gap + token.text.length;
        pendingSpace = undefined;
        continue;
      }
      if (used > 0) flush();
      const pieces = token.text.length <= width ? [token.text] : splitLong(token, width);
      for (const [i, piece] of pieces.entries()) {
        if (i > 0) flush();
        current.push({ text: piece, span: token.span });
        used = piece.length;
      }
      pendingSpace = undefined;
    }
    flush();
  }
  return out.join('\n');
}

/** Word-wraps one paragraph of plain text to `width`. */
function wrapPlain(text: string, width: number): string {
  return cellText([[plain(text)]], width);
}

function boldLines(text: string, chalk: InstanceType<typeof Chalk>): string {
  return text.split('\n').map((line) => chalk.bold(line)).join('\n');
}

/** The comparison, one block per category (SPEC §4.1), each item on its own lines, wrapped to the terminal's width. */
function comparisonText(result: ScanResult, options: ReporterOptions, chalk: InstanceType<typeof Chalk>, width: number): string[] {
  const comparison = result.comparison as NonNullable<ScanResult['comparison']>;
  const out = [boldLines(wrapPlain(terminalText(comparisonHeadline(comparison)), width), chalk)];
  const indent = '    ';
  for (const section of changeSections(result, options.failOn, (loc) => `${loc.file}:${loc.line}`)) {
    const counting = section.counts ? ' (counts against the change)' : '';
    out.push('', boldLines(wrapPlain(`${section.title.toUpperCase()} (${section.items.length})${section.items.length > 0 ? counting : ''}`, width), chalk));
    for (const item of section.items) {
      const severity = item.severity === undefined ? '' : `${item.severity} `;
      const [first, ...rest] = wrapPlain(`${severity}${terminalText(item.text)}`, width - indent.length).split('\n');
      out.push(`  ${item.fails ? chalk.red('✗') : ' '} ${first}`, ...rest.map((line) => `${indent}${line}`));
    }
  }
  if (comparison.cannotTell !== undefined) out.push('', wrapPlain(terminalText(`Not told: ${comparison.cannotTell}.`), width));
  return out;
}

function summaryText(result: ScanResult, options: ReporterOptions): string {
  const s = result.summary;
  const parts = SEVERITY_ORDER.filter((sev) => s[sev] > 0).map((sev) => `${s[sev]} ${sev}`);
  const open = SEVERITY_ORDER.reduce((n, sev) => n + s[sev], 0);
  const text = `${open === 0 ? 'no open findings' : `${open} open (${parts.join(', ')})`}, ${s.accepted} accepted`
    + `${s.new !== undefined ? `, ${s.new} counting against the change` : ''}; failing on ${options.failOn} and above`
    + `${result.remediations.length > 0 ? `; minimum cut: ${result.remediations.map((r) => `${terminalText(r.rule)} ${plural(r.cut.length, 'link')}${r.exact ? '' : ' (not exact)'}`).join(', ')}` : ''}`;
  return text;
}
