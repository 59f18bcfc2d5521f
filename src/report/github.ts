// `--format github`: GitHub Actions workflow commands, one annotation line per open finding, plus the markdown job
// summary the CLI appends to $GITHUB_STEP_SUMMARY. Escaping follows the runner (actions/toolkit `command.ts`):
// in the data `%`, CR and LF are percent-encoded; in property values `:` and `,` as well. So a register value can
// neither end the annotation line nor forge another property or another command. Other control characters (ESC,
// BEL, C1, bidi controls) are shown as visible `\u{…}` escapes, as on the terminal: the Actions log viewer renders
// ANSI sequences, and a local run prints these lines to a terminal.
//
// Level: `error` exactly for the findings that fail the build (open, at or above --fail-on, and new when the scan
// compares with a base), otherwise `warning` for medium and above, `notice` for low and info.

import type { ScanResult } from '../findings/scan-result.js';
import { SEVERITY_ORDER, type Finding } from '../findings/types.js';
import { failsBuild, isAtOrAbove } from './ci-gate.js';
import { messageWithEvidence } from './finding-evidence.js';
import { escapeMarkdownInline as md, escapeMarkdownTableCell as cell } from './markdown-escape.js';
import { repoRelativePath } from './repo-path.js';
import { terminalText } from './terminal-text.js';
import type { ReporterOptions } from './types.js';
import { plural, verb } from '../util/plural.js';

/** Rows beyond this are summarised in one sentence: the step summary is limited to 1 MiB. */
const SUMMARY_TABLE_LIMIT = 100;

export function escapeGithubData(text: string): string {
  const visible = text.split(/([\r\n])/).map((part) => (part === '\r' || part === '\n' ? part : terminalText(part))).join('');
  return visible.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotationLevel(finding: Finding, options: ReporterOptions): 'error' | 'warning' | 'notice' {
  if (failsBuild(finding, options.failOn)) return 'error';
  return isAtOrAbove(finding.severity, 'medium') ? 'warning' : 'notice';
}

function annotationMessage(finding: Finding): string {
  const novelty = finding.new === true ? ', new' : '';
  return `${messageWithEvidence(finding)}\nFinding: ${finding.id} (${finding.severity}${novelty})`;
}

function annotation(finding: Finding, options: ReporterOptions): string {
  const properties = [
    `file=${escapeGithubProperty(repoRelativePath(options.uriBase, finding.location.file))}`,
    `line=${finding.location.line}`,
    `col=${finding.location.column}`,
    `title=${escapeGithubProperty(finding.title)}`,
  ].join(',');
  return `::${annotationLevel(finding, options)} ${properties}::${escapeGithubData(annotationMessage(finding))}`;
}

export function renderGithub(result: ScanResult, options: ReporterOptions): string {
  let out = '';
  for (const finding of result.findings) {
    if (finding.status === 'open') out += `${annotation(finding, options)}\n`;
  }
  return out;
}

function findingsTable(findings: readonly Finding[], options: ReporterOptions): string[] {
  const lines = ['| Severity | Finding | Id | Location |', '|---|---|---|---|'];
  for (const finding of findings.slice(0, SUMMARY_TABLE_LIMIT)) {
    const severity = failsBuild(finding, options.failOn) ? `**${finding.severity}**` : finding.severity;
    const location = `${repoRelativePath(options.uriBase, finding.location.file)}:${finding.location.line}`;
    lines.push(`| ${severity} | ${cell(finding.title)} | ${cell(finding.id)} | ${cell(location)} |`);
  }
  if (findings.length > SUMMARY_TABLE_LIMIT) {
    lines.push('', `…and ${findings.length - SUMMARY_TABLE_LIMIT} more; see the full report.`);
  }
  return lines;
}

function severityCounts(result: ScanResult, comparing: boolean): string[] {
  const header = comparing ? '| Severity | Open | New | Accepted |' : '| Severity | Open | Accepted |';
  const lines = [header, comparing ? '|---|---:|---:|---:|' : '|---|---:|---:|'];
  for (const severity of SEVERITY_ORDER) {
    let open = 0;
    let fresh = 0;
    let accepted = 0;
    for (const finding of result.findings) {
      if (finding.severity !== severity) continue;
      if (finding.status === 'accepted') accepted += 1;
      else open += 1;
      if (finding.status === 'open' && finding.new === true) fresh += 1;
    }
    lines.push(comparing ? `| ${severity} | ${open} | ${fresh} | ${accepted} |` : `| ${severity} | ${open} | ${accepted} |`);
  }
  return lines;
}

function comparisonSections(result: ScanResult): string[] {
  const comparison = result.comparison;
  if (comparison === undefined) return [];
  const lines = ['', `### Fixed since ${md(comparison.ref)}`, ''];
  if (comparison.fixed.length === 0) lines.push('No finding was fixed.');
  else {
    lines.push('| Finding | Id |', '|---|---|');
    for (const fixed of comparison.fixed.slice(0, SUMMARY_TABLE_LIMIT)) lines.push(`| ${cell(fixed.title)} | ${cell(fixed.id)} |`);
    if (comparison.fixed.length > SUMMARY_TABLE_LIMIT) {
      lines.push('', `…and ${comparison.fixed.length - SUMMARY_TABLE_LIMIT} more.`);
    }
  }
  if (comparison.newRiskyLinks.length > 0) {
    lines.push('', '### New risky links', '');
    for (const link of comparison.newRiskyLinks.slice(0, SUMMARY_TABLE_LIMIT)) lines.push(`- ${md(link)}`);
    if (comparison.newRiskyLinks.length > SUMMARY_TABLE_LIMIT) {
      lines.push(`- …and ${comparison.newRiskyLinks.length - SUMMARY_TABLE_LIMIT} more`);
    }
  }
  return lines;
}

/** The markdown job summary: counts by severity, the new (or open) findings, and what was fixed since the base. */
export function githubStepSummary(result: ScanResult, options: ReporterOptions): string {
  const comparison = result.comparison;
  const comparing = comparison !== undefined;
  const failing = result.findings.filter((finding) => failsBuild(finding, options.failOn)).length;
  const verdict = failing === 0
    ? `no finding fails the build (--fail-on ${options.failOn})`
    : `${plural(failing, 'finding')} ${verb(failing, 'fails', 'fail')} the build (--fail-on ${options.failOn})`;
  const against = comparison === undefined ? ''
    : ` compared with ${comparison.kind} ${md(comparison.ref)}${comparison.commit === undefined ? '' : ` (${md(comparison.commit)})`}`;
  const listed = result.findings.filter((finding) => finding.status === 'open' && (!comparing || finding.new === true));
  const lines = [
    `## sidedoor: ${verdict}`,
    '',
    `Scan of ${md(result.today)}${against}.`,
    '',
    ...severityCounts(result, comparing),
    '',
    comparing ? '### New open findings' : '### Open findings',
    '',
    ...(listed.length === 0 ? ['None.'] : findingsTable(listed, options)),
    ...comparisonSections(result),
  ];
  return `${lines.join('\n')}\n`;
}
