// Which findings fail a CI build, mirroring the exit-code rule of SPEC §4: an open finding at or above `--fail-on`;
// when the scan compares with a base or a baseline, only what counts against the change (SPEC §4.1): new, worsened
// and hidden findings (their `new` is true), and new risky links. Reporters use it so that an annotation or a JUnit
// failure appears exactly for what makes the build fail.

import type { RiskyLink, ScanResult } from '../findings/scan-result.js';
import { severityRank, type Finding } from '../findings/types.js';
import type { FindingSeverity } from '../register/types.js';

export function isAtOrAbove(severity: FindingSeverity, threshold: FindingSeverity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}

export function failsBuild(finding: Finding, failOn: FindingSeverity): boolean {
  return finding.status === 'open' && finding.new !== false && isAtOrAbove(finding.severity, failOn);
}

export function riskyLinkFails(link: RiskyLink, failOn: FindingSeverity): boolean {
  return isAtOrAbove(link.severity, failOn);
}

/** The exit-code decision: 1 when any finding or new risky link fails the build. */
export function buildFails(result: ScanResult, failOn: FindingSeverity): boolean {
  return result.findings.some((f) => failsBuild(f, failOn))
    || (result.comparison?.newRiskyLinks ?? []).some((link) => riskyLinkFails(link, failOn));
}
