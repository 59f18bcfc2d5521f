// The default terminal format: findings grouped by severity, each with its witness path or impact, then a one-line
// summary. Every register value goes through terminalText, so names cannot smuggle escape sequences; colour comes
// only from this file, and only when the CLI asks for it.
//
// Cells are wrapped here, on plain text, and coloured line by line afterwards: cli-table3's own hard wrap measures
// the raw string, colour codes included, so it could cut a colour sequence in two and print a stray ESC.

import { supplyHopsText, witnessArrows } from './finding-evidence.js';
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { ScanResult } from '../findings/scan-result.js';
import type { Finding } from '../findings/types.js';
import { SEVERITY_ORDER } from '../findings/types.js';
import type { FindingSeverity } from '../register/types.js';
import { terminalText } from './terminal-text.js';
import type { ReporterOptions } from './types.js';

export function renderTable(result: ScanResult, options: ReporterOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<FindingSeverity, (s: string) => string> = {
    critical: (s) => chalk.bold.red(s), high: (s) => chalk.red(s), medium: (s) => chalk.yellow(s),
    low: (s) => chalk.cyan(s), info: (s) => chalk.gray(s),
  };
  const width = Math.max(60, Math.min(options.width ?? 120, 200));
  const out: string[] = [];
  for (const severity of SEVERITY_ORDER) {
    const group = result.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(paint[severity](`${severity.toUpperCase()} (${group.length})`));
    const colWidths = [width - 32, 30];
    const table = new Table({
      head: ['Finding', 'Where'],
      colWidths,
      wordWrap: false,
      style: { head: [], border: [], compact: false },
    });
    for (const finding of group) {
      table.push([
        cellText(describe(finding, chalk), colWidths[0] - CELL_PADDING),
        cellText([[plain(terminalText(`${finding.location.file}:${finding.location.line}`))]], colWidths[1] - CELL_PADDING),
      ]);
    }
    out.push(table.toString(), '');
  }
  if (result.comparison) {
    const { fixed, newRiskyLinks, kind, ref } = result.comparison;
    out.push(`Compared with ${kind === 'base' ? `git ref ${terminalText(ref)}` : `baseline ${terminalText(ref)}`}: `
      + `${fixed.length} fixed${fixed.length > 0 ? ` (${fixed.map((f) => terminalText(f.id)).join(', ')})` : ''}`
      + `${newRiskyLinks.length > 0 ? `; new risky links: ${newRiskyLinks.map(terminalText).join(', ')}` : ''}`);
  }
  out.push(summaryLine(result, options, chalk));
  return `${out.join('\n')}\n`;
}

/** A run of plain (already sanitised) text and the colour to give it. */
interface Span {
  text: string;
  paint: (text: string) => string;
}

/** One cell line is a list of spans; a cell is a list of lines. */
type CellLines = Span[][];

/** cli-table3's default padding: one space on each side of a cell. */
const CELL_PADDING = 2;

function plain(text: string): Span {
  return { text, paint: (t) => t };
}

function describe(finding: Finding, chalk: InstanceType<typeof Chalk>): CellLines {
  const first: Span[] = [];
  if (finding.new) first.push({ text: '[new]', paint: (t) => chalk.magenta(t) }, plain(' '));
  if (finding.status === 'accepted') first.push({ text: '[accepted]', paint: (t) => chalk.green(t) }, plain(' '));
  first.push({ text: terminalText(finding.title), paint: (t) => chalk.bold(t) });
  const lines: CellLines = [first, [{ text: terminalText(finding.id), paint: (t) => chalk.dim(t) }]];
  if (finding.status === 'accepted' && finding.acceptedBy) {
    lines.push([{ text: `accepted by ${terminalText(finding.acceptedBy.approved_by)} until ${finding.acceptedBy.expires}`, paint: (t) => chalk.green(t) }]);
  }
  if (finding.path) {
    const hops = finding.supplyHops ?? 0;
    const labels = finding.path.map(terminalText);
    lines.push([plain(`path: ${witnessArrows(labels, hops)}`)]);
    if (hops > 0) lines.push([plain(`supply: ${supplyHopsText(labels, hops)}`)]);
  }
  if (finding.impact_count !== undefined) lines.push([plain(`impact: ${finding.impact_count} system${finding.impact_count === 1 ? '' : 's'}`)]);
  return lines;
}

/** Hard-wraps each line at `width` columns, counting UTF-16 units as cli-table3 did (so an emoji counts two) but
 * never splitting a character; a continuation line does not start with the space it broke at. Then colours every
 * piece of every span on its own line, so no colour sequence spans a line break. */
function cellText(lines: CellLines, width: number): string {
  const out: string[] = [];
  for (const spans of lines) {
    let current = '';
    let used = 0;
    for (const span of spans) {
      let piece = '';
      for (const char of span.text) {
        if (used + char.length > width && used > 0) {
          if (piece !== '') current += span.paint(piece);
          out.push(current);
          current = '';
          piece = '';
          used = 0;
          if (char.trim() === '') continue;
        }
        piece += char;
        used += char.length;
      }
      if (piece !== '') current += span.paint(piece);
    }
    out.push(current);
  }
  return out.join('\n');
}

function summaryLine(result: ScanResult, options: ReporterOptions, chalk: InstanceType<typeof Chalk>): string {
  const s = result.summary;
  const parts = SEVERITY_ORDER.filter((sev) => s[sev] > 0).map((sev) => `${s[sev]} ${sev}`);
  const open = SEVERITY_ORDER.reduce((n, sev) => n + s[sev], 0);
  const text = `${open === 0 ? 'no open findings' : `${open} open (${parts.join(', ')})`}, ${s.accepted} accepted`
    + `${s.new !== undefined ? `, ${s.new} new` : ''}; failing on ${options.failOn} and above`
    + `${result.remediations.length > 0 ? `; minimum cut: ${result.remediations.map((r) => `${terminalText(r.rule)} ${r.cut.length} link${r.cut.length === 1 ? '' : 's'}${r.exact ? '' : ' (not exact)'}`).join(', ')}` : ''}`;
  return chalk.bold(text);
}
