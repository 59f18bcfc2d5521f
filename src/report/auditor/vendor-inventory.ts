// Report section 3: the vendor inventory, one row per vendor, most critical tier first. Overdue assessments and
// security contacts are judged by the very functions the hygiene rules use, so the table never contradicts a finding.

import { compareIds } from '../../graph/attack-graph.js';
import type { Level, Register, Vendor } from '../../register/types.js';
import { LEVEL_RANK } from '../../register/types.js';
import { newestAssessment, overdueAssessment } from '../../rules/checks/assessment-overdue.js';
import { hasSecurityContact } from '../../rules/checks/missing-security-contact.js';
import { escapeMarkdownTableCell as cell } from '../markdown-escape.js';
import { nodeName } from './display-names.js';
import { plural, table } from './text.js';
import type { AuditReportInput } from './types.js';

function byTierThenId(a: Vendor, b: Vendor): number {
  return LEVEL_RANK[b.tier as Level] - LEVEL_RANK[a.tier as Level] || compareIds(a.id, b.id);
}

function contractCell(vendor: Vendor, today: string): string {
  const end = vendor.contract?.end;
  if (vendor.contract === undefined) return 'no contract';
  if (end === undefined) return 'open-ended';
  return end < today ? `${cell(end)} (expired)` : cell(end);
}

function assessmentCells(vendor: Vendor, register: Register, today: string): [string, string, string] {
  const newest = newestAssessment(vendor);
  const overdue = overdueAssessment(vendor, register.config.review, today);
  let overdueText = 'no';
  if (overdue?.kind === 'none') overdueText = '**yes** (never assessed)';
  else if (overdue?.kind === 'stale') {
    const reasons: string[] = [];
    if (overdue.daysOverdue > 0) reasons.push(`${plural(overdue.daysOverdue, 'day')} late`);
    if (overdue.daysSinceExpiry !== undefined) reasons.push(`expired ${plural(overdue.daysSinceExpiry, 'day')} ago`);
    overdueText = `**yes** (${reasons.join(', ')})`;
  }
  if (newest === undefined) return ['none', '—', overdueText];
  const { assessment } = newest;
  const result = assessment.result === 'fail' ? '**fail**' : cell(assessment.result);
  return [`${cell(assessment.date)} (${cell(assessment.kind)})`, result, overdueText];
}

export function vendorInventorySection({ register, result }: AuditReportInput): string[] {
  const vendors = [...register.vendors.values()].sort(byTierThenId);
  if (vendors.length === 0) return ['## Vendor inventory', '', 'The register lists no vendor.'];
  const rows = vendors.map((vendor) => {
    const [last, outcome, overdue] = assessmentCells(vendor, register, result.today);
    const subprocessors = vendor.subprocessors.length === 0 ? '—'
      : [...vendor.subprocessors].sort(compareIds).map((id) => cell(nodeName(register, id))).join(', ');
    return [
      cell(nodeName(register, vendor.id)),
      cell(vendor.tier),
      vendor.owner === undefined ? '—' : cell(vendor.owner),
      contractCell(vendor, result.today),
      last,
      outcome,
      overdue,
      hasSecurityContact(vendor) ? 'yes' : 'no',
      subprocessors,
    ];
  });
  return [
    '## Vendor inventory',
    '',
    `${plural(vendors.length, 'vendor')}, most critical tier first. "Last assessment" is the newest by date; it is overdue when `
      + 'it is older than the tier allows (`review.assessment_max_age_days`) or past its own `expires` date.',
    '',
    ...table(
      ['Vendor', 'Tier', 'Owner', 'Contract end', 'Last assessment', 'Result', 'Overdue', 'Security contact', 'Subprocessors'],
      'lllllllll', rows,
    ),
  ];
}
