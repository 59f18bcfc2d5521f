// Which findings fail a CI build, mirroring the exit-code rule of SPEC §4: an open finding at or above `--fail-on`;
// when the scan compares with a base or a baseline (`new` is set), only new ones count. Reporters use it so that an
// annotation or a JUnit failure appears exactly for the findings that make the build fail.

import { severityRank, type Finding } from '../findings/types.js';
import type { FindingSeverity } from '../register/types.js';

export function isAtOrAbove(severity: FindingSeverity, threshold: FindingSeverity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}

export function failsBuild(finding: Finding, failOn: FindingSeverity): boolean {
  return finding.status === 'open' && finding.new !== false && isAtOrAbove(finding.severity, failOn);
}
