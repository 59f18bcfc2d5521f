// Report section 7: the risk-acceptance register as it stands on the report date: what each acceptance covers, why,
// who approved it, until when, and how many days are left. An acceptance holds through its `expires` date (0 days
// left on that day) and has expired from the day after. Matching uses the scan's own acceptance index.

import { compareIds } from '../../graph/attack-graph.js';
import { AcceptanceIndex, isExpired } from '../../findings/acceptances.js';
import type { Acceptance } from '../../register/types.js';
import { daysBetween } from '../../rules/node-facts.js';
import { escapeMarkdownTableCell as cell } from '../markdown-escape.js';
import { formatCount, plural, table } from './text.js';
import type { AuditReportInput } from './types.js';

function daysLeftCell(acceptance: Acceptance, today: string): string {
  const left = daysBetween(today, acceptance.expires);
  if (left >= 0) return formatCount(left);
  return `**expired ${plural(-left, 'day')} ago**`;
}

export function acceptedRisksSection({ register, result }: AuditReportInput): string[] {
  const head = ['## Accepted risks', ''];
  if (register.acceptances.length === 0) return [...head, 'The register holds no risk acceptance.'];
  const index = new AcceptanceIndex(register.acceptances);
  const covered = new Map<Acceptance, number>();
  for (const finding of result.findings) {
    for (const acceptance of index.matching(finding.id)) covered.set(acceptance, (covered.get(acceptance) ?? 0) + 1);
  }
  const acceptances = [...register.acceptances].sort((a, b) => compareIds(a.expires, b.expires)
    || compareIds(a.finding, b.finding) || compareIds(a.loc.file, b.loc.file) || a.loc.line - b.loc.line);
  const rows = acceptances.map((acceptance) => {
    const count = covered.get(acceptance) ?? 0;
    const state = isExpired(acceptance, result.today) ? '**expired**' : count === 0 ? 'unused' : 'in force';
    return [
      cell(acceptance.finding),
      state,
      formatCount(count),
      cell(acceptance.reason),
      cell(acceptance.approved_by),
      cell(acceptance.expires),
      daysLeftCell(acceptance, result.today),
      acceptance.ticket === undefined ? '—' : cell(acceptance.ticket),
    ];
  });
  const accepted = result.findings.filter((f) => f.status === 'accepted').length;
  return [
    ...head,
    `${plural(register.acceptances.length, 'acceptance')} on record; ${plural(accepted, 'finding')} ${accepted === 1 ? 'is' : 'are'} accepted `
      + `as of ${cell(result.today)}. An accepted finding is still reported but does not fail CI; an expired acceptance `
      + 'leaves its findings open again and is itself a finding (acceptance-expired), as is one that matches nothing (acceptance-unused). '
      + '"Days left" counts to the expiry date, which is the last day the acceptance holds.',
    '',
    ...table(['Finding (pattern)', 'State', 'Findings matched', 'Reason', 'Approved by', 'Expires', 'Days left', 'Ticket'],
      'llrlllrl', rows),
  ];
}
