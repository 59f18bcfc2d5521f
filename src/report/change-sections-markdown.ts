// The comparison's categories (change-sections.ts) as markdown: the headline, then one `###` section per category
// with its items, and what a baseline cannot tell. Shared by `--format markdown` and the GitHub job summary, which
// caps each section's list (the summary is limited to 1 MiB) and points to the full report for the rest.

import type { ScanResult } from '../findings/scan-result.js';
import { changeSections, comparisonHeadline } from './change-sections.js';
import { escapeMarkdownInline as md } from './markdown-escape.js';
import { repoRelativePath } from './repo-path.js';
import type { ReporterOptions } from './types.js';

export function changeSectionsMarkdown(result: ScanResult, options: ReporterOptions, limit = Number.POSITIVE_INFINITY): string[] {
  const comparison = result.comparison;
  if (comparison === undefined) return [];
  const lines = [md(comparisonHeadline(comparison))];
  for (const section of changeSections(result, options.failOn, (loc) => `${repoRelativePath(options.uriBase, loc.file)}:${loc.line}`)) {
    const counting = section.counts ? ' (counts against the change)' : '';
    lines.push('', `### ${md(section.title)}: ${section.items.length}${counting}`, '');
    if (section.items.length === 0) lines.push('None.');
    for (const item of section.items.slice(0, limit)) {
      const severity = item.severity === undefined ? '' : `${item.fails ? `**${item.severity}**` : item.severity} `;
      lines.push(`- ${severity}${md(item.text)}`);
    }
    if (section.items.length > limit) lines.push(`- …and ${section.items.length - limit} more; see the full report.`);
  }
  if (comparison.cannotTell !== undefined) lines.push('', `Not told: ${md(comparison.cannotTell)}.`);
  return lines;
}
