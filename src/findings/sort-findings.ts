// SPEC §3.3: findings sorted by severity (critical first), then by id, in plain code-unit order.

import type { Finding } from './types.js';
import { severityRank } from './types.js';

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) =>
    severityRank(a.severity) - severityRank(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
