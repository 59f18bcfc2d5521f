// `--baseline FILE`: classify findings against a baseline file. A baseline records ids and (since version 2)
// severities, not the register, so it can tell two things only: a finding whose id is not in the file is new, and
// a listed finding whose severity rose has worsened. What it cannot tell (hidden findings, new risky links, a witness
// through a changed link, policy changes) is said in the output. Baseline entries whose finding is gone are stale
// and listed as fixed.

import type { Baseline } from './baseline-file.js';
import type { Compared, ScannedRegister } from './compare-with-base.js';
import { goneFindings } from './gone-findings.js';
import type { WorsenedFinding } from '../findings/scan-result.js';
import { severityRank } from '../findings/types.js';
import type { FindingSeverity } from '../register/types.js';

export interface BaselineCompareOptions {
  /** With `--rule`, only these rules were reported, so only their baseline entries can be stale. */
  rules?: readonly string[];
}

export const BASELINE_LIMITS = 'a baseline holds finding ids and severities, not the register: it tells new findings and '
  + 'findings whose severity rose, but not findings hidden by a trust claim, new risky links, a known finding now reached '
  + 'through a new link, or policy changes; compare with a git ref (--base) for those';

export function compareWithBaseline(
  head: ScannedRegister, baseline: Baseline, file: string, options: BaselineCompareOptions = {},
): Compared {
  const known = new Map<string, FindingSeverity | undefined>(baseline.findings.map((f) => [f.id, f.severity]));
  const worsened: WorsenedFinding[] = [];
  const findings = head.findings.map((finding) => {
    if (!known.has(finding.id)) return { ...finding, new: true, change: 'new' as const };
    const before = known.get(finding.id);
    if (before !== undefined && severityRank(finding.severity) < severityRank(before)) {
      worsened.push({ id: finding.id, rule: finding.rule, title: finding.title, severity: finding.severity, before, links: [] });
      return { ...finding, new: true, change: 'worsened' as const };
    }
    return { ...finding, new: false, change: 'unchanged' as const };
  });
  const reported = options.rules === undefined ? undefined : new Set(options.rules);
  const candidates = reported === undefined ? baseline.findings : baseline.findings.filter((f) => reported.has(f.rule));
  const noSeverities = baseline.findings.some((f) => f.severity === undefined);
  return {
    findings,
    comparison: {
      kind: 'baseline',
      ref: file,
      fixed: goneFindings(candidates, findings),
      worsened,
      hidden: [],
      newRiskyLinks: [],
      policyChanges: [],
      cannotTell: noSeverities
        ? `${BASELINE_LIMITS}; this file has entries without a severity (a version 1 baseline), so worsened findings cannot be told for them either: regenerate it with \`sidedoor baseline\``
        : BASELINE_LIMITS,
    },
  };
}
