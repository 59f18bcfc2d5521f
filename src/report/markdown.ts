// `scan --format markdown`: a findings-focused markdown document built from the ScanResult alone, like every other
// scan reporter (nodes are named by id, locations are repository-relative). The auditor's full document, which also
// needs the register and the analysis (names, vendor inventory, diagrams, availability), is `sidedoor report`.
// Decision: the Reporter signature stays (result, options) → string; nothing is added to ReporterOptions.

import type { ScanResult } from '../findings/scan-result.js';
import { SEVERITY_ORDER } from '../findings/types.js';
import { findingsBySeverity } from './auditor/findings.js';
import { formatCount, plural, table } from './auditor/text.js';
import { failingText } from './change-sections.js';
import { changeSectionsMarkdown } from './change-sections-markdown.js';
import { escapeMarkdownInline as md } from './markdown-escape.js';
import { repoRelativePath } from './repo-path.js';
import type { ReporterOptions } from './types.js';

function countsTable(result: ScanResult): string[] {
  const comparing = result.comparison !== undefined;
  const rows = SEVERITY_ORDER.map((severity) => {
    const group = result.findings.filter((f) => f.severity === severity);
    const open = group.filter((f) => f.status === 'open');
    const accepted = group.length - open.length;
    return comparing
      ? [severity, formatCount(open.length), formatCount(open.filter((f) => f.new === true).length), formatCount(accepted)]
      : [severity, formatCount(open.length), formatCount(accepted)];
  });
  return comparing ? table(['Severity', 'Open', 'Open, counting against the change', 'Accepted'], 'lrrr', rows) : table(['Severity', 'Open', 'Accepted'], 'lrr', rows);
}

function remediationLines(result: ScanResult): string[] {
  if (result.remediations.length === 0) return [];
  return [
    '', '## Minimum cuts', '',
    'Per policy rule, a smallest set of links whose removal (or routing through an allowed gateway) closes all its violations. '
      + 'Where a path start is also a target, the set closes every violation but may not be the smallest (not exact).', '',
    ...result.remediations.map((r) => `- ${md(r.rule)}: ${r.cut.map(md).join(', ')} (${plural(r.cut.length, 'link')}, `
      + `closes ${plural(r.closes, 'violation')}${r.exact ? '' : ', not exact'})`),
  ];
}

function comparisonLines(result: ScanResult, options: ReporterOptions): string[] {
  const comparison = result.comparison;
  if (comparison === undefined) return [];
  return ['', `## Since ${comparison.kind === 'base' ? 'git ref' : 'baseline'} ${md(comparison.ref)}`, '', ...changeSectionsMarkdown(result, options)];
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function renderMarkdown(result: ScanResult, options: ReporterOptions): string {
  const title = result.organization === undefined ? 'sidedoor scan' : `sidedoor scan: ${md(result.organization)}`;
  const lines = [
    `# ${title}`,
    '',
    `Scan of ${result.today}: ${plural(result.register.vendors, 'vendor')}, ${plural(result.register.systems, 'system')}, `
      + `${plural(result.register.links, 'link')}. ${capitalised(failingText(result, options.failOn))} `
      + `the build (--fail-on ${options.failOn}).`,
    '',
    ...countsTable(result),
    '',
    '## Findings',
    '',
    ...findingsBySeverity(result.findings, {
      node: (id) => id,
      location: (f) => `${repoRelativePath(options.uriBase, f.location.file)}:${f.location.line}`,
    }),
    ...remediationLines(result),
    ...comparisonLines(result, options),
  ];
  return `${lines.join('\n')}\n`;
}
