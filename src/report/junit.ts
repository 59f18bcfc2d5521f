// `--format junit`: JUnit XML for CI test dashboards. One <testsuite> per rule that has findings (sorted by rule id),
// one <testcase> per finding (classname = rule, name = finding id), in the scan's order within a suite.
// - <failure> for the findings that fail the build (open, at or above --fail-on, and new when comparing), with the
//   title as message and the message, witness path and impact as body;
// - <skipped> for accepted findings, with the acceptance as message;
// - other open findings pass, their message kept in <system-out> so the dashboard still shows them.
// When the scan compares with a base, a finding that counts against the change has its category in brackets before
// its title (`[new]`, `[worsened]`, `[hidden]`), and new risky links form a suite of their own (`new-risky-link`).
// Every value is XML-escaped, and characters XML 1.0 cannot carry (controls other than tab, LF and CR, lone
// surrogates, U+FFFE/U+FFFF) are dropped. No timestamps or durations: the output must be byte-identical.

import { compareIds } from '../graph/attack-graph.js';
import type { RiskyLink, ScanResult } from '../findings/scan-result.js';
import type { Finding } from '../findings/types.js';
import { failsBuild, riskyLinkFails } from './ci-gate.js';
import { messageWithEvidence } from './finding-evidence.js';
import type { ReporterOptions } from './types.js';
import { INVISIBLE_CONTROLS, NOT_XML } from '../util/unsafe-characters.js';

/** Drops the characters XML 1.0 forbids, a lone surrogate among them. */
function stripInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Markup escaped, and the invisible controls, legal XML that acts on a terminal or reorders what a reader sees,
 * written as character references, which parse to the same text. */
export function escapeXmlText(text: string): string {
  return stripInvalidXmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;').replace(INVISIBLE_CONTROLS, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Tab, LF and CR are written as references: a parser would normalise them to spaces in an attribute. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

interface SuiteCounts { tests: number; failures: number; skipped: number }

function testcase(finding: Finding, options: ReporterOptions, counts: SuiteCounts): string {
  const open = `    <testcase classname="${escapeXmlAttribute(finding.rule)}" name="${escapeXmlAttribute(finding.id)}">`;
  counts.tests += 1;
  const acceptance = finding.acceptedBy;
  if (finding.status === 'accepted') {
    counts.skipped += 1;
    const why = acceptance === undefined ? 'accepted risk'
      : `accepted by ${acceptance.approved_by} until ${acceptance.expires}: ${acceptance.reason}`;
    return `${open}\n      <skipped message="${escapeXmlAttribute(why)}"/>\n    </testcase>`;
  }
  const body = escapeXmlText(messageWithEvidence(finding));
  if (failsBuild(finding, options.failOn)) {
    counts.failures += 1;
    const mark = finding.new === true ? `[${finding.change ?? 'new'}] ` : '';
    const attributes = `message="${escapeXmlAttribute(`${mark}${finding.title}`)}" type="${escapeXmlAttribute(finding.severity)}"`;
    return `${open}\n      <failure ${attributes}>${body}</failure>\n    </testcase>`;
  }
  return `${open}\n      <system-out>${escapeXmlText(`${finding.severity}: ${finding.title}`)}\n${body}</system-out>\n    </testcase>`;
}

function riskyLinkCase(link: RiskyLink, options: ReporterOptions, counts: SuiteCounts): string {
  counts.tests += 1;
  const open = `    <testcase classname="new-risky-link" name="${escapeXmlAttribute(link.id)}">`;
  const body = escapeXmlText(`The link ${link.id} was added or changed since the base and lies on a path that ${link.rules.join(', ')} forbids.`);
  if (!riskyLinkFails(link, options.failOn)) return `${open}\n      <system-out>${body}</system-out>\n    </testcase>`;
  counts.failures += 1;
  return `${open}\n      <failure message="${escapeXmlAttribute(`[new risky link] ${link.id}`)}" type="${escapeXmlAttribute(link.severity)}">${body}</failure>\n    </testcase>`;
}

export function renderJunit(result: ScanResult, options: ReporterOptions): string {
  const byRule = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byRule.get(finding.rule);
    if (list === undefined) byRule.set(finding.rule, [finding]);
    else list.push(finding);
  }
  const total = { tests: 0, failures: 0 };
  const suites: string[] = [];
  for (const rule of [...byRule.keys()].sort(compareIds)) {
    const counts: SuiteCounts = { tests: 0, failures: 0, skipped: 0 };
    const cases = (byRule.get(rule) ?? []).map((finding) => testcase(finding, options, counts));
    total.tests += counts.tests;
    total.failures += counts.failures;
    suites.push(
      `  <testsuite name="${escapeXmlAttribute(rule)}" tests="${counts.tests}" failures="${counts.failures}" `
      + `errors="0" skipped="${counts.skipped}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const risky = result.comparison?.newRiskyLinks ?? [];
  if (risky.length > 0) {
    const counts: SuiteCounts = { tests: 0, failures: 0, skipped: 0 };
    const cases = risky.map((link) => riskyLinkCase(link, options, counts));
    total.tests += counts.tests;
    total.failures += counts.failures;
    suites.push(`  <testsuite name="new-risky-link" tests="${counts.tests}" failures="${counts.failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  // No `skipped` here: the Jenkins JUnit XSD allows it on <testsuite> only (name, time, tests, failures, disabled and
  // errors on <testsuites>); the suites carry the skipped counts.
  const header = `<testsuites name="sidedoor" tests="${total.tests}" failures="${total.failures}" errors="0">`;
  const inner = suites.length === 0 ? '' : `\n${suites.join('\n')}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${header}${inner}\n</testsuites>\n`;
}
