// Report section 6: what to change. The minimum cut of each policy rule (exact, from the max-flow of the scan) with
// the place where each link is written, then the single points of failure ranked by how many systems they stop.

import { compareIds } from '../../graph/attack-graph.js';
import type { Finding } from '../../findings/types.js';
import { severityRank } from '../../findings/types.js';
import { linkLabel } from '../../export/labels.js';
import { availabilityAnalysis } from '../../rules/availability-analysis.js';
import { escapeMarkdownInline as md, escapeMarkdownTableCell as cell } from '../markdown-escape.js';
import { nodeName, nodeType } from './display-names.js';
import { formatCount, plural, table } from './text.js';
import type { AuditReportInput } from './types.js';

/** SPOF rows beyond this are summarised in one sentence. */
export const MAX_SPOF_ROWS = 100;
const IMPACT_NAMES_SHOWN = 5;

function cutLines(input: AuditReportInput): string[] {
  const { register, context, result } = input;
  if (result.remediations.length === 0) return ['No policy rule has a violation, so there is nothing to cut.'];
  const lines = [
    'For each policy rule with violations, the smallest set of links whose removal, or whose routing through an allowed '
      + 'gateway (list it in the link\'s `via`), closes every violation of the rule. The minimum is exact (max-flow) where no '
      + 'path start is also a target; where one is (a supplier\'s own system inside a sensitive zone, or a rule whose `from` '
      + 'and `to` overlap), the cut closes every violation but may not be the smallest, and says so. A bidirectional link '
      + 'counts once. A supply edge is never cut: no change to the network removes a supplier\'s hold on its own product.',
  ];
  for (const remediation of result.remediations) {
    const rule = register.config.segmentation.find((r) => r.id === remediation.rule);
    lines.push('', `#### Policy ${md(remediation.rule)}`, '');
    if (rule?.description !== undefined) lines.push(`${md(rule.description)}.`, '');
    lines.push(`Cutting ${plural(remediation.cut.length, 'link')} closes ${remediation.closes === 1 ? 'its only violation' : `all ${plural(remediation.closes, 'violation')}`}`
      + `${remediation.exact ? ' (exact minimum)' : ' (not exact: a path start is also a target, so a smaller set may exist)'}:`, '');
    for (const id of remediation.cut) {
      const l = context.graph.linkIndex.get(id);
      const link = l === undefined ? undefined : context.graph.links[l];
      if (link === undefined) {
        lines.push(`- ${md(id)}`);
        continue;
      }
      const what = [link.kind, linkLabel(link)].filter((t) => t !== '' && t !== 'network').join(', ');
      lines.push(`- ${md(id)}: ${md(nodeName(register, link.from))} ${link.bidirectional ? '↔' : '→'} ${md(nodeName(register, link.to))}`
        + `${what === '' ? '' : ` (${md(what)})`}, written at ${md(`${link.loc.file}:${link.loc.line}`)}`);
    }
  }
  return lines;
}

function spofRows(input: AuditReportInput, spofs: readonly Finding[]): string[][] {
  const { register, context } = input;
  const { model, counts } = availabilityAnalysis(context);
  return spofs.slice(0, MAX_SPOF_ROWS).map((finding, i) => {
    const id = finding.subjects[0];
    const v = model.nodeIndex.get(id);
    const highOrCritical = v === undefined ? '—' : formatCount(counts.highOrCriticalOthers[v]);
    const count = finding.impact_count ?? finding.impact?.length ?? 0;
    // A system is part of its own impact; the column names the others.
    const self = nodeType(register, id) === 'system' ? 1 : 0;
    const named = (finding.impact ?? []).filter((s) => s !== id).slice(0, IMPACT_NAMES_SHOWN);
    const rest = count - self - named.length;
    return [
      formatCount(i + 1),
      cell(nodeName(register, id)),
      nodeType(register, id),
      formatCount(count),
      highOrCritical,
      `${named.map((s) => cell(nodeName(register, s))).join(', ')}${rest > 0 ? `, and ${formatCount(rest)} more` : ''}`,
      finding.severity,
      finding.status,
    ];
  });
}

function spofLines(input: AuditReportInput): string[] {
  const spofs = input.result.findings
    .filter((f) => f.rule === 'single-point-of-failure')
    .sort((a, b) => (b.impact_count ?? 0) - (a.impact_count ?? 0) || severityRank(a.severity) - severityRank(b.severity)
      || compareIds(a.id, b.id));
  if (spofs.length === 0) return ['No single point of failure: no lone outage stops a high or critical system.'];
  const lines = [
    'Nodes whose outage alone stops at least one high or critical system, ranked by how many systems stop running in all '
      + '(the node itself included when it is a system). Make them redundant, or give their dependants an `any_of` alternative.',
    '',
    ...table(['#', 'Node', 'Type', 'Systems down', 'High or critical', 'Stops, among others', 'Severity', 'Status'], 'rllrrlll',
      spofRows(input, spofs)),
  ];
  if (spofs.length > MAX_SPOF_ROWS) lines.push('', `…and ${formatCount(spofs.length - MAX_SPOF_ROWS)} more, listed under [findings](#findings).`);
  return lines;
}

export function remediationSection(input: AuditReportInput): string[] {
  return ['## Remediation', '', '### Minimum cuts', '', ...cutLines(input), '', '### Single points of failure', '', ...spofLines(input)];
}
