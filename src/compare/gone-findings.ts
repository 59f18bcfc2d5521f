// Fixed findings: matched between two scans by finding id alone (SPEC §3.2): ids never carry line numbers, so
// reformatting, reordering or moving entities between files changes nothing. Hash-set lookups: O(n + m).

import { compareIds } from '../graph/attack-graph.js';
import type { FixedFinding } from '../findings/scan-result.js';
import type { Finding } from '../findings/types.js';

/** The earlier findings whose ids are gone now, sorted by id, each listed once. */
export function goneFindings(earlier: readonly FixedFinding[], current: readonly Finding[]): FixedFinding[] {
  const present = new Set(current.map((f) => f.id));
  const seen = new Set<string>();
  const gone: FixedFinding[] = [];
  for (const finding of earlier) {
    if (present.has(finding.id) || seen.has(finding.id)) continue;
    seen.add(finding.id);
    gone.push({ id: finding.id, rule: finding.rule, title: finding.title });
  }
  return gone.sort((a, b) => compareIds(a.id, b.id));
}
