// Report section 4: every finding, grouped by severity, with its message, witness path, impact, acceptance and
// file:line. Shared with `scan --format markdown`, which has no register at hand and names nodes by id: the caller
// says how to name a node and how to write a location.

import { supplyHopsText, witnessArrows } from '../finding-evidence.js';
import type { Finding } from '../../findings/types.js';
import { SEVERITY_ORDER } from '../../findings/types.js';
import { escapeMarkdownInline as md } from '../markdown-escape.js';
import type { ScanResult } from '../../findings/scan-result.js';
import type { Register } from '../../register/types.js';
import { nodeName } from './display-names.js';
import { capitalize, formatCount, plural } from './text.js';

export interface FindingLabels {
  /** Raw (unescaped) text naming a node. */
  node(id: string): string;
  /** Raw `file:line` of a finding. */
  location(finding: Finding): string;
}

/** How many impacted systems an entry names before "and N more". */
const IMPACT_NAMES_SHOWN = 10;

function findingItem(finding: Finding, labels: FindingLabels): string[] {
  const status = finding.status === 'accepted' ? 'accepted' : 'open';
  const lines = [
    `- **${md(finding.title)}**`,
    `  - ${md(finding.id)} · ${status}${finding.new === true ? ' · new' : ''} · ${md(labels.location(finding))}`,
    `  - ${md(finding.message)}`,
  ];
  const supplyHops = finding.supplyHops ?? 0;
  if (finding.path !== undefined && finding.path.length > 0) {
    const names = finding.path.map((id) => md(labels.node(id)));
    lines.push(`  - Path (${plural(finding.path.length - 1 - supplyHops, 'hop')}${supplyHops > 0 ? ` after ${plural(supplyHops, 'supply hop')}` : ''}): `
      + witnessArrows(names, supplyHops));
    if (supplyHops > 0) lines.push(`  - Held through the supply chain: ${supplyHopsText(names, supplyHops)}`);
  }
  if (finding.links !== undefined && finding.links.length > supplyHops) {
    lines.push(`  - Links: ${finding.links.slice(supplyHops).map(md).join(', ')}`);
  }
  if (finding.impact !== undefined) {
    const count = finding.impact_count ?? finding.impact.length;
    const shown = finding.impact.slice(0, IMPACT_NAMES_SHOWN).map((id) => md(labels.node(id)));
    const more = count > shown.length ? `, and ${formatCount(count - shown.length)} more` : '';
    lines.push(`  - Impact: ${plural(count, 'system')} stop${count === 1 ? 's' : ''} running: ${shown.join(', ')}${more}`);
  }
  const acceptance = finding.acceptedBy;
  if (finding.status === 'accepted' && acceptance !== undefined) {
    lines.push(`  - Accepted by ${md(acceptance.approved_by)} until ${md(acceptance.expires)}: ${md(acceptance.reason)}`
      + (acceptance.ticket === undefined ? '' : ` (ticket ${md(acceptance.ticket)})`));
  }
  return lines;
}

/** `### Critical (19: 18 open, 1 accepted)` blocks, in severity order; findings keep their (severity, id) order. */
export function findingsBySeverity(findings: readonly Finding[], labels: FindingLabels, headingLevel = 3): string[] {
  const hashes = '#'.repeat(headingLevel);
  const lines: string[] = [];
  for (const severity of SEVERITY_ORDER) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    const accepted = group.filter((f) => f.status === 'accepted').length;
    lines.push(`${hashes} ${capitalize(severity)} (${formatCount(group.length - accepted)} open, ${formatCount(accepted)} accepted)`, '');
    for (const finding of group) lines.push(...findingItem(finding, labels));
    lines.push('');
  }
  if (lines.length === 0) return ['No finding.'];
  lines.pop();
  return lines;
}

export function findingsSection({ register, result }: { register: Register; result: ScanResult }): string[] {
  return [
    '## Findings',
    '',
    'Every finding, most severe first, then by id. Locations are relative to the register root; for a path, they point at '
      + 'the first link of the witness.',
    '',
    ...findingsBySeverity(result.findings, {
      node: (id) => nodeName(register, id),
      location: (f) => `${f.location.file}:${f.location.line}`,
    }),
  ];
}
