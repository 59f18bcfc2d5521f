// What the auditor's report is built from. Unlike the scan reporters, which see only the ScanResult, the report also
// reads the register (names, vendors, acceptances) and the scan's analysis context (graph, availability impacts), so
// that it speaks in names and judges exactly as the rules did. Every section is a pure function of this input.

import type { ScanResult } from '../../findings/scan-result.js';
import type { Register } from '../../register/types.js';
import type { AnalysisContext } from '../../rules/context.js';
import type { RuleMeta } from '../../rules/types.js';

export interface ReportGitState {
  commit: string;
  /** Uncommitted or untracked changes below the register directory. */
  dirty: boolean;
}

export interface AuditReportInput {
  register: Register;
  /** The scan of that register (its `today` is the report date). */
  result: ScanResult;
  /** The analysis context of the same scan: graph index, shared segmentation and availability results. */
  context: AnalysisContext;
  /** Metadata of every rule, in catalogue order (drives the control mapping and the method appendix). */
  rules: readonly RuleMeta[];
  /** Absent when the register is not in git. */
  git?: ReportGitState;
}
