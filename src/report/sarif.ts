// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF consumers, valid against the OASIS schema.
// One run; the driver lists every known rule (sorted by id, so `ruleIndex` is stable) with `security-severity`
// from its default severity, since GitHub reads severity from rules, not results. Each result is anchored at the
// finding's location (repo-relative, under `%SRCROOT%`) and fingerprinted by the finding id, which survives
// reformatting. Witness paths and impacts are written into the message text rather than as codeFlows or
// relatedLocations: only the first link's location is known, and GitHub rejects locations without a physical one.
// Accepted findings carry an external, accepted suppression justified by the acceptance.

import { compareIds } from '../graph/attack-graph.js';
import type { FixedFinding, RiskyLink, ScanResult } from '../findings/scan-result.js';
import type { Finding, FindingChange } from '../findings/types.js';
import type { FindingSeverity, SourceLocation } from '../register/types.js';
import type { RuleMeta } from '../rules/types.js';
import { messageWithEvidence } from './finding-evidence.js';
import { repoRelativeUri } from './repo-path.js';
import { jsonDocument } from './terminal-text.js';
import type { ReporterOptions } from './types.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The package page: the only address the project is known to have. */
export const SIDEDOOR_INFORMATION_URI = 'https://www.npmjs.com/package/sidedoor';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL = new Map<FindingSeverity, SarifLevel>([
  ['critical', 'error'], ['high', 'error'], ['medium', 'warning'], ['low', 'note'], ['info', 'note'],
]);
const SECURITY_SEVERITY = new Map<FindingSeverity, string>([
  ['critical', '9.5'], ['high', '7.5'], ['medium', '5.0'], ['low', '2.5'], ['info', '0.0'],
]);

export function sarifLevel(severity: FindingSeverity): SarifLevel {
  return LEVEL.get(severity) ?? 'note';
}

export function securitySeverity(severity: FindingSeverity): string {
  return SECURITY_SEVERITY.get(severity) ?? '0.0';
}

/** `unsegmented-path` → `UnsegmentedPath`, the identifier style SARIF recommends for `name`. */
function pascalCase(id: string): string {
  return id.split(/[^a-zA-Z0-9]+/).filter((part) => part !== '')
    .map((part) => part[0].toUpperCase() + part.slice(1)).join('');
}

/** `A.8.22 Segregation of networks` → `ISO27001:A.8.22`; `Art. 21(2)(d) supply chain` → `NIS2:Art.21(2)(d)`. */
function controlTags(meta: RuleMeta): string[] {
  const tags: string[] = [];
  for (const control of meta.iso27001) {
    const match = /^A\.\d+(?:\.\d+)*/.exec(control.trim());
    tags.push(`ISO27001:${match === null ? control.trim() : match[0]}`);
  }
  for (const point of meta.nis2) {
    const match = /^Art\.\s*21\s*\(2\)\s*\([a-z]\)/.exec(point.trim());
    tags.push(`NIS2:${match === null ? point.trim() : match[0].replace(/\s+/g, '')}`);
  }
  return tags;
}

function helpText(meta: RuleMeta): string {
  const lines = [meta.description, '', `How to fix: ${meta.fix}`, '', `Severity: ${meta.severityText}`];
  if (meta.iso27001.length > 0) lines.push(`ISO/IEC 27001:2022: ${meta.iso27001.join('; ')}`);
  if (meta.nis2.length > 0) lines.push(`NIS2: ${meta.nis2.join('; ')}`);
  return lines.join('\n');
}

// Rule metadata is the project's own text, written in markdown on purpose, so it is not escaped.
function helpMarkdown(meta: RuleMeta): string {
  const lines = [`**${meta.title}**`, '', meta.description, '', `**How to fix.** ${meta.fix}`, '',
    `**Severity.** ${meta.severityText}`];
  if (meta.iso27001.length > 0 || meta.nis2.length > 0) {
    lines.push('', '**Controls.**', '');
    for (const control of meta.iso27001) lines.push(`- ISO/IEC 27001:2022 ${control}`);
    for (const point of meta.nis2) lines.push(`- NIS2 ${point}`);
  }
  return lines.join('\n');
}

function sarifRule(meta: RuleMeta) {
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: { text: helpText(meta), markdown: helpMarkdown(meta) },
    defaultConfiguration: { level: sarifLevel(meta.defaultSeverity) },
    properties: {
      'security-severity': securitySeverity(meta.defaultSeverity),
      tags: [...new Set(['security', ...controlTags(meta)])],
    },
  };
}

/** A finding of a rule missing from the registry still needs a rule entry for `ruleIndex`. */
function fallbackMeta(finding: Finding): RuleMeta {
  return {
    id: finding.rule, family: 'hygiene', title: finding.rule, defaultSeverity: finding.severity,
    severityText: finding.severity, description: `Findings of the rule ${finding.rule}.`,
    fix: 'See the finding message.', iso27001: [], nis2: [],
  };
}

function collectRules(result: ScanResult, known: readonly RuleMeta[]): RuleMeta[] {
  const byId = new Map<string, RuleMeta>();
  for (const meta of known) if (!byId.has(meta.id)) byId.set(meta.id, meta);
  for (const finding of result.findings) {
    if (!byId.has(finding.rule)) byId.set(finding.rule, fallbackMeta(finding));
  }
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

function physicalLocation(location: SourceLocation, uriBase: string) {
  return {
    artifactLocation: { uri: repoRelativeUri(uriBase, location.file), uriBaseId: SRCROOT },
    region: { startLine: Math.max(1, location.line), startColumn: Math.max(1, location.column) },
  };
}

/** SPEC §4.1: worsened and hidden findings were known, and are now worse than the base showed them. */
const BASELINE_STATE: Record<FindingChange, string> = { new: 'new', worsened: 'updated', hidden: 'updated', unchanged: 'unchanged' };

/** A finding of the base that is gone: `absent`, with no location (it is no longer anywhere in the head). */
function fixedResult(fixed: FixedFinding, ruleIndex: number) {
  return {
    ruleId: fixed.rule, ruleIndex, level: 'none', kind: 'pass',
    message: { text: `Fixed since the base: ${fixed.title}` },
    partialFingerprints: { 'sidedoorFindingId/v1': fixed.id },
    baselineState: 'absent',
    properties: { change: 'fixed' },
  };
}

/** An edge added or changed since the base on a forbidden path: reported under unsegmented-path, as new. */
function riskyLinkResult(link: RiskyLink, ruleIndex: number, uriBase: string) {
  return {
    ruleId: 'unsegmented-path', ruleIndex, level: sarifLevel(link.severity),
    message: { text: `New risky link ${link.id}\nThe link ${link.id} was added or changed since the base and lies on a path that ${link.rules.join(', ')} forbids.` },
    locations: [{ physicalLocation: physicalLocation(link.location, uriBase) }],
    partialFingerprints: { 'sidedoorFindingId/v1': `new-risky-link:${link.id}` },
    baselineState: 'new',
    properties: { severity: link.severity, change: 'new-risky-link', rules: [...link.rules] },
  };
}

function sarifResult(finding: Finding, ruleIndex: number, uriBase: string) {
  const properties: { severity: FindingSeverity; status: string; new?: boolean; change?: string } = {
    severity: finding.severity,
    status: finding.status,
  };
  if (finding.new !== undefined) properties.new = finding.new;
  if (finding.change !== undefined) properties.change = finding.change;
  const result: Record<string, unknown> = {
    ruleId: finding.rule,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: `${finding.title}\n${messageWithEvidence(finding)}` },
    locations: [{ physicalLocation: physicalLocation(finding.location, uriBase) }],
    partialFingerprints: { 'sidedoorFindingId/v1': finding.id },
  };
  if (finding.change !== undefined) result.baselineState = BASELINE_STATE[finding.change];
  const acceptance = finding.acceptedBy;
  if (finding.status === 'accepted' && acceptance !== undefined) {
    const ticket = acceptance.ticket === undefined ? '' : `, ticket ${acceptance.ticket}`;
    result.suppressions = [{
      kind: 'external',
      status: 'accepted',
      justification: `${acceptance.reason} (approved by ${acceptance.approved_by}, expires ${acceptance.expires}${ticket})`,
      location: { physicalLocation: physicalLocation(acceptance.location, uriBase) },
    }];
  }
  result.properties = properties;
  return result;
}

export function renderSarif(result: ScanResult, options: ReporterOptions): string {
  const rules = collectRules(result, options.rules);
  const ruleIndex = new Map<string, number>();
  rules.forEach((meta, index) => ruleIndex.set(meta.id, index));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'sidedoor',
          version: result.tool.version,
          semanticVersion: result.tool.version,
          informationUri: SIDEDOOR_INFORMATION_URI,
          rules: rules.map(sarifRule),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the repository that holds the register.' } } },
      results: [
        ...result.findings.map((finding) => sarifResult(finding, ruleIndex.get(finding.rule) ?? 0, options.uriBase)),
        ...(result.comparison?.newRiskyLinks ?? []).map((link) => riskyLinkResult(link, ruleIndex.get('unsegmented-path') ?? 0, options.uriBase)),
        ...(result.comparison?.fixed ?? []).filter((fixed) => ruleIndex.has(fixed.rule))
          .map((fixed) => fixedResult(fixed, ruleIndex.get(fixed.rule) ?? 0)),
      ],
      columnKind: 'utf16CodeUnits',
    }],
  };
  return jsonDocument(log);
}
