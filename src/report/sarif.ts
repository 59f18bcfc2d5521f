// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF consumers, valid against the OASIS schema
// and the SARIF multitool's GitHub rules.
// One run. GitHub reads a result's severity only from its rule's `security-severity`, never from the result, and a
// rule's findings vary in severity (an unsegmented path is critical or high by its policy rule, an overdue review
// escalates), so the driver has one reporting descriptor per (rule, severity) actually used, with the id
// `<rule>/<severity>` (e.g. `weak-authentication/high`) and its own `security-severity`; they are sorted by rule id
// then severity, so `ruleIndex` is stable. Each descriptor's `helpUri` is the rule's section of docs/rules.md in the
// published package of this very version. Each result is anchored at the
// finding's location (repo-relative, under `%SRCROOT%`) and fingerprinted by the finding id, which survives
// reformatting. Witness paths and impacts are written into the message text rather than as codeFlows or
// relatedLocations: only the first link's location is known, and GitHub rejects locations without a physical one.
// Accepted findings carry an external, accepted suppression justified by the acceptance.

import { compareIds } from '../graph/attack-graph.js';
import type { FixedFinding, RiskyLink, ScanResult } from '../findings/scan-result.js';
import { severityRank, type Finding, type FindingChange } from '../findings/types.js';
import type { FindingSeverity, SourceLocation } from '../register/types.js';
import type { RuleMeta } from '../rules/types.js';
import { messageWithEvidence } from './finding-evidence.js';
import { repoRelativeUri } from './repo-path.js';
import { jsonDocument } from './terminal-text.js';
import type { ReporterOptions } from './types.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The package page: the only address the project is known to have. */
export const SIDEDOOR_INFORMATION_URI = 'https://www.npmjs.com/package/sidedoor-cli';

/** The rule catalogue as shipped in the package of `version` (docs/rules.md has one section per rule id). */
export function ruleHelpUri(ruleId: string, version: string): string {
  return `https://unpkg.com/sidedoor-cli@${encodeURIComponent(version)}/docs/rules.md#${encodeURIComponent(ruleId)}`;
}
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

/** One (rule, severity) pair that some finding uses: a reporting descriptor of its own. */
interface Descriptor {
  meta: RuleMeta;
  severity: FindingSeverity;
}

export function descriptorId(rule: string, severity: FindingSeverity): string {
  return `${rule}/${severity}`;
}

function sarifRule({ meta, severity }: Descriptor, version: string) {
  return {
    id: descriptorId(meta.id, severity),
    name: pascalCase(`${meta.id}-${severity}`),
    shortDescription: { text: `${meta.title} (${severity})` },
    fullDescription: { text: meta.description },
    helpUri: ruleHelpUri(meta.id, version),
    help: { text: helpText(meta), markdown: helpMarkdown(meta) },
    defaultConfiguration: { level: sarifLevel(severity) },
    properties: {
      'security-severity': securitySeverity(severity),
      severity,
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

/** The (rule, severity) pairs that the results use, sorted by rule id, then from the most severe. A fixed finding (no
 * longer present, so of no severity now) uses its rule's default severity; a new risky link is an unsegmented path at
 * its policy rule's severity. */
function collectDescriptors(result: ScanResult, known: readonly RuleMeta[]): Descriptor[] {
  const metaById = new Map<string, RuleMeta>();
  for (const meta of known) if (!metaById.has(meta.id)) metaById.set(meta.id, meta);
  const used = new Map<string, Descriptor>();
  const use = (rule: string, severity: FindingSeverity, meta: RuleMeta | undefined): void => {
    const id = descriptorId(rule, severity);
    if (meta !== undefined && !used.has(id)) used.set(id, { meta, severity });
  };
  for (const finding of result.findings) use(finding.rule, finding.severity, metaById.get(finding.rule) ?? fallbackMeta(finding));
  for (const link of result.comparison?.newRiskyLinks ?? []) use(RISKY_LINK_RULE, link.severity, metaById.get(RISKY_LINK_RULE));
  for (const fixed of result.comparison?.fixed ?? []) {
    const meta = metaById.get(fixed.rule);
    if (meta !== undefined) use(fixed.rule, meta.defaultSeverity, meta);
  }
  return [...used.values()].sort((a, b) => compareIds(a.meta.id, b.meta.id) || severityRank(a.severity) - severityRank(b.severity));
}

function physicalLocation(location: SourceLocation, uriBase: string) {
  return {
    artifactLocation: { uri: repoRelativeUri(uriBase, location.file), uriBaseId: SRCROOT },
    region: { startLine: Math.max(1, location.line), startColumn: Math.max(1, location.column) },
  };
}

/** New risky links are reported under the rule whose violations they extend. */
const RISKY_LINK_RULE = 'unsegmented-path';

/** SPEC §4.1: worsened and hidden findings were known, and are now worse than the base showed them. */
const BASELINE_STATE: Record<FindingChange, string> = { new: 'new', worsened: 'updated', hidden: 'updated', unchanged: 'unchanged' };

/** A finding of the base that is gone: `absent`, with no location (it is no longer anywhere in the head). */
function fixedResult(fixed: FixedFinding, ruleId: string, ruleIndex: number) {
  return {
    ruleId, ruleIndex, level: 'none', kind: 'pass',
    message: { text: `Fixed since the base: ${fixed.title}` },
    partialFingerprints: { 'sidedoorFindingId/v1': fixed.id },
    baselineState: 'absent',
    properties: { change: 'fixed' },
  };
}

/** An edge added or changed since the base on a forbidden path: reported under unsegmented-path, as new. */
function riskyLinkResult(link: RiskyLink, ruleIndex: number, uriBase: string) {
  return {
    ruleId: descriptorId(RISKY_LINK_RULE, link.severity), ruleIndex, level: sarifLevel(link.severity),
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
    ruleId: descriptorId(finding.rule, finding.severity),
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

/** Fixed findings of a known rule, under their rule's default-severity descriptor. */
function fixedResults(result: ScanResult, descriptors: readonly Descriptor[], ruleIndex: ReadonlyMap<string, number>) {
  const defaultSeverity = new Map(descriptors.map(({ meta }) => [meta.id, meta.defaultSeverity]));
  return (result.comparison?.fixed ?? []).flatMap((fixed) => {
    const severity = defaultSeverity.get(fixed.rule);
    if (severity === undefined) return [];
    const id = descriptorId(fixed.rule, severity);
    return [fixedResult(fixed, id, ruleIndex.get(id) ?? 0)];
  });
}

export function renderSarif(result: ScanResult, options: ReporterOptions): string {
  const descriptors = collectDescriptors(result, options.rules);
  const ruleIndex = new Map<string, number>();
  descriptors.forEach(({ meta, severity }, index) => ruleIndex.set(descriptorId(meta.id, severity), index));
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
          rules: descriptors.map((descriptor) => sarifRule(descriptor, result.tool.version)),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the repository that holds the register.' } } },
      results: [
        ...result.findings.map((finding) =>
          sarifResult(finding, ruleIndex.get(descriptorId(finding.rule, finding.severity)) ?? 0, options.uriBase)),
        ...(result.comparison?.newRiskyLinks ?? []).map((link) =>
          riskyLinkResult(link, ruleIndex.get(descriptorId(RISKY_LINK_RULE, link.severity)) ?? 0, options.uriBase)),
        ...fixedResults(result, descriptors, ruleIndex),
      ],
      columnKind: 'utf16CodeUnits',
    }],
  };
  return jsonDocument(log);
}
