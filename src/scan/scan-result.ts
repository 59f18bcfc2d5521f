// Wraps a scan outcome into the ScanResult that reporters print (SPEC §3.3).

import type { Comparison, ScanResult, SeveritySummary } from '../findings/scan-result.js';
import type { Finding, Remediation } from '../findings/types.js';
import type { FindingSeverity, Register } from '../register/types.js';
import { TOOL_VERSION } from '../version.js';

export function buildScanResult(
  register: Register, findings: Finding[], remediations: Remediation[],
  options: { today: string; rootLabel: string; comparison?: Comparison },
): ScanResult {
  return {
    tool: { name: 'sidedoor', version: TOOL_VERSION },
    today: options.today,
    organization: register.config.organization,
    register: {
      root: options.rootLabel,
      files: register.files.length,
      zones: register.zones.size,
      vendors: register.vendors.size,
      systems: register.systems.size,
      links: register.links.length,
    },
    findings,
    remediations,
    summary: summarize(findings, options.comparison !== undefined),
    ...(options.comparison ? { comparison: options.comparison } : {}),
  };
}

/** Open findings by severity, plus how many are accepted and (when comparing) how many are new. */
export function summarize(findings: Finding[], comparing: boolean): SeveritySummary {
  const counts: Record<FindingSeverity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  let accepted = 0;
  let fresh = 0;
  for (const finding of findings) {
    if (finding.status === 'accepted') accepted++;
    else counts[finding.severity]++;
    if (finding.new) fresh++;
  }
  return { ...counts, accepted, ...(comparing ? { new: fresh } : {}) };
}
