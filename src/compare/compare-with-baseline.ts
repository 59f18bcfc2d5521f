// `--baseline FILE`: classify findings against a baseline file. A finding is new when its id is not in the file;
// baseline entries whose finding is gone are stale and listed as fixed. A baseline records ids, not the register,
// so "added or changed" cannot be judged: every link implicated by a new finding is listed as a new risky link.

import type { Baseline } from './baseline-file.js';
import type { Compared, ScannedRegister } from './compare-with-base.js';
import { goneFindings, markNew } from './mark-new.js';
import { implicatedLinks, sortedLinks } from './risky-links.js';

export interface BaselineCompareOptions {
  /** With `--rule`, only these rules were reported, so only their baseline entries can be stale. */
  rules?: readonly string[];
}

export function compareWithBaseline(
  head: ScannedRegister, baseline: Baseline, file: string, options: BaselineCompareOptions = {},
): Compared {
  const findings = markNew(head.findings, new Set(baseline.findings.map((f) => f.id)));
  const reported = options.rules === undefined ? undefined : new Set(options.rules);
  const candidates = reported === undefined ? baseline.findings : baseline.findings.filter((f) => reported.has(f.rule));
  return {
    findings,
    comparison: {
      kind: 'baseline',
      ref: file,
      fixed: goneFindings(candidates, findings),
      newRiskyLinks: sortedLinks(implicatedLinks(findings.filter((f) => f.new === true), head.register)),
    },
  };
}
