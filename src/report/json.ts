// `--format json`: the machine contract of SPEC §3.3. The document is a fresh projection of the scan result, built
// key by key in the order of the SPEC example, so the bytes never depend on how the input objects were assembled.
//
// Extensions beyond the SPEC example, both additive:
// - an accepted finding carries `acceptance: {finding, approved_by, expires, reason, ticket?}` after `location`
//   (the acceptance that covers it; its source location is left out, as only the finding's location is contract);
// - a scan with `--base` or `--baseline` ends with `comparison` after `summary` (SPEC §4.1):
//   {kind, ref, commit?, judged_by?, worsened: [{id, rule, title, severity, before, links}],
//    hidden: [{id, rule, title, severity, shown?, claims}], new_risky_links: [{id, rules, severity, location}],
//    fixed: [{id, rule, title}], policy_changes: [{kind, subject, description, weakens, location}], cannot_tell?}.
//   `judged_by` (base or head) is present with --base; `cannot_tell` says what a baseline cannot tell.
// Findings keep the order of the scan result, which sorts them by severity, then id.

import type { Comparison, ScanResult, SeveritySummary } from '../findings/scan-result.js';
import type { AcceptanceRef, Finding } from '../findings/types.js';
import type { SourceLocation } from '../register/types.js';
import { jsonDocumentChunks, lazilyMapped } from '../util/json-document.js';
import type { JsonMember } from '../util/json-document.js';
import type { ReporterOptions } from './types.js';

type JsonValue = string | number | boolean | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

function jsonAcceptance(acceptance: AcceptanceRef): JsonObject {
  const out: JsonObject = {
    finding: acceptance.finding,
    approved_by: acceptance.approved_by,
    expires: acceptance.expires,
    reason: acceptance.reason,
  };
  if (acceptance.ticket !== undefined) out.ticket = acceptance.ticket;
  return out;
}

function jsonFinding(finding: Finding): JsonObject {
  const out: JsonObject = {
    id: finding.id,
    rule: finding.rule,
    severity: finding.severity,
    status: finding.status,
  };
  if (finding.new !== undefined) out.new = finding.new;
  if (finding.change !== undefined) out.change = finding.change;
  out.title = finding.title;
  out.message = finding.message;
  // Lists of ids are written as they are (JSON.stringify writes only an array's elements): copying them cost a
  // quarter of the rendering of a large register, whose impact lists run to thousands of ids.
  out.subjects = finding.subjects;
  if (finding.path !== undefined) out.path = finding.path;
  if (finding.links !== undefined) out.links = finding.links;
  if (finding.supplyHops !== undefined && finding.supplyHops > 0) out.supply_hops = finding.supplyHops;
  if (finding.impact !== undefined) out.impact = finding.impact;
  if (finding.impact_count !== undefined) out.impact_count = finding.impact_count;
  out.location = jsonLocation(finding.location);
  if (finding.status === 'accepted' && finding.acceptedBy !== undefined) {
    out.acceptance = jsonAcceptance(finding.acceptedBy);
  }
  return out;
}

function jsonSummary(summary: SeveritySummary): JsonObject {
  const out: JsonObject = {
    critical: summary.critical,
    high: summary.high,
    medium: summary.medium,
    low: summary.low,
    info: summary.info,
    accepted: summary.accepted,
  };
  if (summary.new !== undefined) out.new = summary.new;
  return out;
}

function jsonLocation(location: SourceLocation): JsonObject {
  return { file: location.file, line: location.line, column: location.column };
}

function jsonComparison(comparison: Comparison): JsonObject {
  const out: JsonObject = { kind: comparison.kind, ref: comparison.ref };
  if (comparison.commit !== undefined) out.commit = comparison.commit;
  if (comparison.judgedBy !== undefined) out.judged_by = comparison.judgedBy;
  out.worsened = comparison.worsened.map((w) => ({
    id: w.id, rule: w.rule, title: w.title, severity: w.severity, before: w.before, links: [...w.links],
  }));
  out.hidden = comparison.hidden.map((h) => {
    const entry: JsonObject = { id: h.id, rule: h.rule, title: h.title, severity: h.severity };
    if (h.shown !== undefined) entry.shown = h.shown;
    entry.claims = [...h.claims];
    return entry;
  });
  out.new_risky_links = comparison.newRiskyLinks.map((link) => ({
    id: link.id, rules: [...link.rules], severity: link.severity, location: jsonLocation(link.location),
  }));
  out.fixed = comparison.fixed.map((fixed) => ({ id: fixed.id, rule: fixed.rule, title: fixed.title }));
  out.policy_changes = comparison.policyChanges.map((c) => ({
    kind: c.kind, subject: c.subject, description: c.description, weakens: c.weakens, location: jsonLocation(c.location),
  }));
  if (comparison.cannotTell !== undefined) out.cannot_tell = comparison.cannotTell;
  return out;
}

export function renderJson(result: ScanResult, options: ReporterOptions): string {
  return [...renderJsonChunks(result, options)].join('');
}

/** The same document in pieces, one finding at a time, so that `scan --format json` can write an L register's
 * findings without holding their projections and the whole text at once (rendered whole, it was the run's peak). */
export function renderJsonChunks(result: ScanResult, _options: ReporterOptions): Generator<string> {
  const register = result.register;
  const members: [string, JsonMember][] = [
    ['tool', { value: { name: result.tool.name, version: result.tool.version } }],
    ['today', { value: result.today }],
    ['register', { value: {
      root: register.root,
      files: register.files,
      zones: register.zones,
      vendors: register.vendors,
      systems: register.systems,
      links: register.links,
    } }],
    ['findings', { items: lazilyMapped(result.findings, jsonFinding) }],
    ['remediations', { items: lazilyMapped(result.remediations, (r) => ({ rule: r.rule, cut: [...r.cut], closes: r.closes, exact: r.exact })) }],
    ['summary', { value: jsonSummary(result.summary) }],
  ];
  if (result.comparison !== undefined) members.push(['comparison', { value: jsonComparison(result.comparison) }]);
  return jsonDocumentChunks(members);
}
