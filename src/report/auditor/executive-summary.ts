// Report section 2: the executive summary, in plain words with numbers: open findings by severity, the three worst
// exposures as sentences, the records third parties can reach, and what changed since the comparison base.

import type { Finding } from '../../findings/types.js';
import { SEVERITY_ORDER } from '../../findings/types.js';
import type { Register } from '../../register/types.js';
import { INTERNET_NODE } from '../../register/types.js';
import { witnessArrows } from '../finding-evidence.js';
import { escapeMarkdownInline as md } from '../markdown-escape.js';
import { nodeType, plainNodeName, zoneName, zoneTrust } from './display-names.js';
import { recordsReachableFromVendors } from './records-exposure.js';
import { formatCount, plural, table } from './text.js';
import { verb } from '../../util/plural.js';
import type { AuditReportInput } from './types.js';
import { worstExposures } from './worst-exposures.js';
import type { Exposure } from './worst-exposures.js';

function severityTable(findings: readonly Finding[], comparing: boolean): string[] {
  const rows: string[][] = [];
  for (const severity of SEVERITY_ORDER) {
    let open = 0;
    let accepted = 0;
    let fresh = 0;
    for (const finding of findings) {
      if (finding.severity !== severity) continue;
      if (finding.status === 'accepted') accepted += 1;
      else {
        open += 1;
        if (finding.new === true) fresh += 1;
      }
    }
    if (open + accepted === 0 && severity === 'info') continue;
    rows.push(comparing
      ? [severity, formatCount(open), formatCount(fresh), formatCount(accepted)]
      : [severity, formatCount(open), formatCount(accepted)]);
  }
  return comparing
    ? table(['Severity', 'Open', 'New and open', 'Accepted'], 'lrrr', rows)
    : table(['Severity', 'Open', 'Accepted'], 'lrr', rows);
}

function openSentence(input: AuditReportInput): string {
  const { summary } = input.result;
  const open = SEVERITY_ORDER.reduce((sum, s) => sum + summary[s], 0);
  const parts = SEVERITY_ORDER.filter((s) => summary[s] > 0).map((s) => `${formatCount(summary[s])} ${s}`);
  if (open === 0) return `There is no open finding; ${plural(summary.accepted, 'finding')} ${summary.accepted === 1 ? 'is' : 'are'} accepted.`;
  return `There ${open === 1 ? 'is' : 'are'} ${plural(open, 'open finding')} (${parts.join(', ')}), `
    + `and ${plural(summary.accepted, 'accepted finding')}.`;
}

/** "A compromise of ParkCo SAS reaches Administration (tier 0) (trust 4) in 3 hops, with no gateway on the way." */
export function exposureSentence(register: Register, exposure: Exposure): string {
  const { source, zone, hops, policy } = exposure;
  const who = nodeType(register, source) === 'node'
    ? (source === INTERNET_NODE ? 'An attacker on the internet' : `A compromise of ${md(plainNodeName(register, source))}`)
    : `A compromise of ${nodeType(register, source) === 'vendor' ? 'the vendor ' : ''}**${md(plainNodeName(register, source))}**`;
  const rule = register.config.segmentation.find((r) => r.id === policy);
  const gateways = (exposure.finding.path ?? [])
    .filter((id) => register.systems.get(id)?.enforcement === true)
    .map((id) => md(plainNodeName(register, id)));
  const how = gateways.length > 0
    ? `passing only ${gateways.join(', ')}, which policy ${md(policy)} does not accept as a gateway`
    : rule !== undefined && !rule.builtin && rule.allow_via.length > 0 ? 'without an allowed gateway' : 'with no gateway on the way';
  const supplyHops = exposure.finding.supplyHops ?? 0;
  const names = (exposure.finding.path ?? []).map((id) => md(plainNodeName(register, id)));
  const path = witnessArrows(names, supplyHops);
  // The path below draws the supply hops (⇒); the sentence only names what the supplier holds.
  const held = supplyHops === 0 ? '' : `, which holds ${names[supplyHops]} through its supply chain,`;
  return `${who}${held} reaches **${md(zoneName(register, zone))}** (trust ${zoneTrust(register, zone)}) `
    + `in ${plural(hops, 'hop')}, ${how}: ${path}. ${exposure.finding.severity === 'critical' ? 'Critical' : `Severity ${exposure.finding.severity}`}; `
    + `policy ${md(policy)}.`;
}

function exposureLines(input: AuditReportInput): string[] {
  const worst = worstExposures(input.register, input.result.findings);
  if (worst.length === 0) {
    return ['No open unsegmented path: no policy rule finds a source that reaches a protected zone without an allowed gateway.'];
  }
  return [
    `The ${worst.length === 1 ? 'worst exposure' : `${worst.length} worst exposures`}:`,
    '',
    ...worst.map((exposure, i) => `${i + 1}. ${exposureSentence(input.register, exposure)}`),
  ];
}

function recordsLines(input: AuditReportInput): string[] {
  const exposure = recordsReachableFromVendors(input.register, input.context.graph);
  if (exposure.vendors === 0) return ['The register lists no vendor, so no record is reachable from a third party.'];
  if (exposure.systems === 0) return [`No system can be reached from any of the ${plural(exposure.vendors, 'vendor')}.`];
  const held = exposure.heldSystems === 0 ? ''
    : ` ${plural(exposure.heldSystems, 'system')} (${formatCount(exposure.heldRecords)} records) ${exposure.heldSystems === 1 ? 'is' : 'are'} held `
      + 'through a supply chain alone: a vendor that hosts, operates or supports a system holds it with no link at all.';
  return [
    `**${formatCount(exposure.records)} people's records** can be reached from third parties: `
      + `${plural(exposure.systems, 'system')} ${exposure.systems === 1 ? 'is' : 'are'} held or reached by at least one of the `
      + `${plural(exposure.vendors, 'vendor')} (from what it supplies, over one or more links), and together they hold that many `
      + `records (\`records\`, summed over the systems: one person may be counted once per system). At least `
      + `${formatCount(exposure.largestRecords)} people's records are exposed: the largest single system.${held} Of these, `
      + `${formatCount(exposure.ungatedRecords)} records in ${plural(exposure.ungatedSystems, 'system')} are reachable without `
      + 'passing any gateway.',
  ];
}

function comparisonLines(input: AuditReportInput): string[] {
  const comparison = input.result.comparison;
  if (comparison === undefined) return [];
  const counting = input.result.findings.filter((f) => f.status === 'open' && f.new === true);
  const newCount = counting.filter((f) => f.change === undefined || f.change === 'new').length;
  const lines = [
    '',
    `Since ${comparison.kind === 'base' ? 'git ref' : 'baseline'} ${md(comparison.ref)}: ${plural(counting.length, 'open finding')} `
      + `${verb(counting.length, 'counts', 'count')} against the change (${newCount} new, ${comparison.worsened.length} worsened, `
      + `${comparison.hidden.length} hidden by a trust claim), ${plural(comparison.fixed.length, 'fixed finding')}, `
      + `${plural(comparison.newRiskyLinks.length, 'new risky link')}, ${plural(comparison.policyChanges.length, 'policy change')}.`,
  ];
  if (comparison.fixed.length > 0) {
    lines.push('', 'Fixed:', '', ...comparison.fixed.map((f) => `- ${md(f.title)} (${md(f.id)})`));
  }
  if (comparison.newRiskyLinks.length > 0) {
    lines.push('', 'New risky links (added or changed since the base, on a path that a segmentation rule forbids):', '',
      ...comparison.newRiskyLinks.map((link) => `- ${md(link.id)} (${link.severity}; ${link.rules.map(md).join(', ')})`));
  }
  return lines;
}

export function executiveSummarySection(input: AuditReportInput): string[] {
  return [
    '## Executive summary',
    '',
    openSentence(input),
    '',
    ...severityTable(input.result.findings, input.result.comparison !== undefined),
    '',
    ...exposureLines(input),
    '',
    ...recordsLines(input),
    ...comparisonLines(input),
  ];
}
