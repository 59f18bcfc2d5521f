// The auditor's report (`sidedoor report`, SPEC §5): the sections assembled in order into one GitHub-flavoured markdown
// document. Pure: the same input gives the same bytes; no clock, no file system, no environment.

import { acceptedRisksSection } from './accepted-risks.js';
import { controlMappingSection } from './control-mapping.js';
import { diagramsSection } from './diagrams.js';
import { executiveSummarySection } from './executive-summary.js';
import { findingsSection } from './findings.js';
import { headerSection } from './header.js';
import { methodSection } from './method.js';
import { remediationSection } from './remediation.js';
import type { AuditReportInput } from './types.js';
import { vendorInventorySection } from './vendor-inventory.js';

export type { AuditReportInput, ReportGitState } from './types.js';

const SECTIONS: readonly ((input: AuditReportInput) => string[])[] = [
  headerSection,
  executiveSummarySection,
  vendorInventorySection,
  findingsSection,
  diagramsSection,
  remediationSection,
  acceptedRisksSection,
  controlMappingSection,
  methodSection,
];

export function renderAuditReport(input: AuditReportInput): string {
  return `${SECTIONS.map((section) => section(input).join('\n')).join('\n\n')}\n`;
}
