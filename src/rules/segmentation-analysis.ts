// The segmentation search of every policy rule, computed once per scan and shared by the unsegmented-path findings
// and the remediation list (SPEC §2.2).

import type { Remediation } from '../findings/types.js';
import { findUnsegmentedPaths } from '../graph/unsegmented-paths.js';
import type { UnsegmentedPaths } from '../graph/unsegmented-paths.js';
import type { SegmentationRule } from '../register/types.js';
import type { AnalysisContext } from './context.js';
import { compareIds } from '../graph/attack-graph.js';

export interface PolicyOutcome {
  rule: SegmentationRule;
  result: UnsegmentedPaths;
}

export function segmentationAnalysis(context: AnalysisContext): PolicyOutcome[] {
  return context.shared('segmentation', () => context.register.config.segmentation.map((rule) => ({
    rule,
    result: findUnsegmentedPaths(context.register, context.graph, rule),
  })));
}

/** One remediation per policy rule with violations: its minimum cut, as link ids. */
export function segmentationRemediations(context: AnalysisContext): Remediation[] {
  return segmentationAnalysis(context)
    .filter(({ result }) => result.violations.length > 0)
    .map(({ rule, result }) => ({
      rule: rule.id,
      cut: result.cut.map((l) => context.graph.links[l].id).sort(compareIds),
      closes: result.violations.length,
      exact: result.exact,
    }));
}
