// `--format github`: GitHub Actions workflow commands, one annotation line per open finding, plus the markdown job
// summary the CLI appends to $GITHUB_STEP_SUMMARY. Escaping follows the runner (actions/toolkit `command.ts`):
// in the data `%`, CR and LF are percent-encoded; in property values `:` and `,` as well. So a register value can
// neither end the annotation line nor forge another property or another command. Other control characters (ESC,
// BEL, C1, bidi controls) are shown as visible `\u{…}` escapes, as on the terminal: the Actions log viewer renders
// ANSI sequences, and a local run prints these lines to a terminal.
//
// Level: `error` exactly for what fails the build (open, at or above --fail-on, and, when the scan compares with a
// base, counting against the change), otherwise `warning` for medium and above, `notice` for low and info.
//
// GitHub turns only the first 10 commands of each level in a step into annotations; the rest stay in the log. So
// annotations come in order of importance — what counts against the change first (new, worsened and hidden findings,
// then new risky links), then by severity — and when a level overflows, one notice, printed first so that it is itself
// shown, says how many are not annotated and that the job summary lists every open finding.

import type { RiskyLink, ScanResult } from '../findings/scan-result.js';
import { SEVERITY_ORDER, severityRank, type Finding } from '../findings/types.js';
import { failingText } from './change-sections.js';
import { changeSectionsMarkdown } from './change-sections-markdown.js';
import { failsBuild, isAtOrAbove, riskyLinkFails } from './ci-gate.js';
import { messageWithEvidence } from './finding-evidence.js';
import { escapeMarkdownInline as md, escapeMarkdownTableCell as cell } from './markdown-escape.js';
import { repoRelativePath } from './repo-path.js';
import { terminalText } from './terminal-text.js';
import type { ReporterOptions } from './types.js';
import { plural } from '../util/plural.js';

/** Rows beyond this are summarised in one sentence: the step summary is limited to 1 MiB. */
const SUMMARY_TABLE_LIMIT = 100;
/** GitHub shows at most this many annotations of each level per step. */
export const ANNOTATIONS_SHOWN_PER_LEVEL = 10;

type AnnotationLevel = 'error' | 'warning' | 'notice';

export function escapeGithubData(text: string): string {
  const visible = text.split(/([\r\n])/).map((part) => (part === '\r' || part === '\n' ? part : terminalText(part))).join('');
  return visible.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Whether a finding counts against the change under review: today, a finding new since the base or baseline. The
 * one place that says so for annotation order, so that a richer gate (worsened, hidden) only has to change this.
 */
export function countsAgainstChange(finding: Finding): boolean {
  return finding.new === true;
}

/** What counts against the change first, then by severity; findings keep their (id) order otherwise. */
export function annotationOrder(a: Finding, b: Finding): number {
  const against = Number(countsAgainstChange(b)) - Number(countsAgainstChange(a));
  return against !== 0 ? against : severityRank(a.severity) - severityRank(b.severity);
}

function annotationLevel(finding: Finding, options: ReporterOptions): AnnotationLevel {
  if (failsBuild(finding, options.failOn)) return 'error';
  return isAtOrAbove(finding.severity, 'medium') ? 'warning' : 'notice';
}

function annotationMessage(finding: Finding, result: ScanResult): string {
  const change = finding.new === true ? `, ${finding.change ?? 'new'}` : '';
  const lines = [messageWithEvidence(finding)];
  const hidden = finding.change === 'hidden' ? result.comparison?.hidden.find((h) => h.id === finding.id) : undefined;
  if (hidden !== undefined) lines.push(`Hidden by: ${hidden.claims.join('; ')}`);
  const worsened = finding.change === 'worsened' ? result.comparison?.worsened.find((w) => w.id === finding.id) : undefined;
  if (worsened !== undefined) {
    lines.push(`Worsened: ${worsened.before} → ${worsened.severity}${worsened.links.length > 0 ? `; witness through added or changed ${worsened.links.join(', ')}` : ''}`);
  }
  lines.push(`Finding: ${finding.id} (${finding.severity}${change})`);
  return lines.join('\n');
}

function annotationLine(level: string, location: { file: string; line: number; column: number }, title: string, message: string, options: ReporterOptions): string {
  const properties = [
    `file=${escapeGithubProperty(repoRelativePath(options.uriBase, location.file))}`,
    `line=${location.line}`,
    `col=${location.column}`,
    `title=${escapeGithubProperty(title)}`,
  ].join(',');
  return `::${level} ${properties}::${escapeGithubData(message)}`;
}

function annotation(finding: Finding, result: ScanResult, options: ReporterOptions): string {
  return annotationLine(annotationLevel(finding, options), finding.location, finding.title, annotationMessage(finding, result), options);
}

function riskyLinkLevel(link: RiskyLink, options: ReporterOptions): AnnotationLevel {
  if (riskyLinkFails(link, options.failOn)) return 'error';
  return isAtOrAbove(link.severity, 'medium') ? 'warning' : 'notice';
}

function riskyLinkAnnotation(link: RiskyLink, ref: string, options: ReporterOptions): string {
  return annotationLine(riskyLinkLevel(link, options), link.location, `New risky link ${link.id}`,
    `The link ${link.id} was added or changed since ${ref} and lies on a path that ${link.rules.join(', ')} forbids `
    + `(a source reaches it and it reaches a target, with no allowed gateway).\nNew risky link: ${link.id} (${link.severity})`, options);
}

/** The notice for the annotations GitHub will not show, or undefined when every one is shown. */
function overflowNotice(counts: Map<AnnotationLevel, number>): string | undefined {
  const limit = ANNOTATIONS_SHOWN_PER_LEVEL;
  const hiddenAbove = (level: AnnotationLevel) => Math.max(0, (counts.get(level) ?? 0) - limit);
  if (hiddenAbove('error') === 0 && hiddenAbove('warning') === 0 && hiddenAbove('notice') === 0) return undefined;
  // This notice takes one of the notice level's places.
  const hidden: [AnnotationLevel, number][] = [
    ['error', hiddenAbove('error')], ['warning', hiddenAbove('warning')],
    ['notice', Math.max(0, (counts.get('notice') ?? 0) + 1 - limit)],
  ];
  const parts = hidden.filter(([, count]) => count > 0).map(([level, count]) => plural(count, level));
  const total = hidden.reduce((sum, [, count]) => sum + count, 0);
  const message = `${plural(total, 'more finding')} not annotated (${parts.join(', ')}): GitHub shows at most ${limit} `
    + 'annotations of each level per step, and these come after the ones that count against the change and the more '
    + 'severe ones. They are in this log, and the job summary lists every open finding.';
  return `::notice title=${escapeGithubProperty(`sidedoor: ${plural(total, 'more finding')}`)}::${escapeGithubData(message)}`;
}

export function renderGithub(result: ScanResult, options: ReporterOptions): string {
  const open = result.findings.filter((finding) => finding.status === 'open').sort(annotationOrder);
  const counting = open.filter(countsAgainstChange);
  const rest = open.filter((finding) => !countsAgainstChange(finding));
  const annotations: { level: AnnotationLevel; line: string }[] = [
    ...counting.map((finding) => ({ level: annotationLevel(finding, options), line: annotation(finding, result, options) })),
    ...(result.comparison?.newRiskyLinks ?? []).map((link) => ({
      level: riskyLinkLevel(link, options), line: riskyLinkAnnotation(link, result.comparison?.ref ?? '', options),
    })),
    ...rest.map((finding) => ({ level: annotationLevel(finding, options), line: annotation(finding, result, options) })),
  ];
  const counts = new Map<AnnotationLevel, number>();
  for (const { level } of annotations) counts.set(level, (counts.get(level) ?? 0) + 1);
  const lines = annotations.map(({ line }) => line);
  const notice = overflowNotice(counts);
  if (notice !== undefined) lines.unshift(notice);
  return lines.map((line) => `${line}\n`).join('');
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
  const header = comparing ? '| Severity | Open | Open, counting against the change | Accepted |' : '| Severity | Open | Accepted |';
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

/** The markdown job summary: counts by severity, the new (or open) findings, and what was fixed since the base. */
export function githubStepSummary(result: ScanResult, options: ReporterOptions): string {
  const comparison = result.comparison;
  const comparing = comparison !== undefined;
  const verdict = `${failingText(result, options.failOn)} the build (--fail-on ${options.failOn})`;
  const against = comparison === undefined ? ''
    : ` compared with ${comparison.kind} ${md(comparison.ref)}${comparison.commit === undefined ? '' : ` (${md(comparison.commit)})`}`;
  const open = result.findings.filter((finding) => finding.status === 'open');
  const others = comparing ? open.filter((finding) => !countsAgainstChange(finding)) : [];
  const lines = [
    `## sidedoor: ${verdict}`,
    '',
    `Scan of ${md(result.today)}${against}.`,
    '',
    ...severityCounts(result, comparing),
    ...(comparing ? [] : ['', '### Open findings', '', ...(open.length === 0 ? ['None.'] : findingsTable(open, options))]),
    ...(comparing ? ['', ...changeSectionsMarkdown(result, options, SUMMARY_TABLE_LIMIT)] : []),
    // Every open finding is listed somewhere: annotations past GitHub's limit point here.
    ...(others.length === 0 ? [] : ['', '### Other open findings', '', ...findingsTable(others, options)]),
  ];
  return `${lines.join('\n')}\n`;
}
