// The shape of a rule module, in the style of ESLint rules: metadata that drives docs, `sidedoor rules`, SARIF and
// the report's control mapping, plus a pure check over the analysis context.

import type { RawFinding } from '../findings/types.js';
import type { FindingSeverity } from '../register/types.js';
import type { AnalysisContext } from './context.js';

export type RuleFamily = 'segmentation' | 'link' | 'system' | 'availability' | 'hygiene' | 'acceptance';

export interface RuleMeta {
  id: string;
  family: RuleFamily;
  /** Short title, for tables and SARIF shortDescription. */
  title: string;
  /** The severity named in SPEC §3.1 (rules whose severity depends on the case describe it in `severityText`). */
  defaultSeverity: FindingSeverity;
  severityText: string;
  /** What it checks, one or two sentences. */
  description: string;
  /** How to fix it. */
  fix: string;
  /** ISO/IEC 27001:2022 Annex A controls, e.g. `A.8.22 Segregation of networks`. */
  iso27001: string[];
  /** NIS2 Art. 21(2) points, e.g. `Art. 21(2)(d) supply chain security`. */
  nis2: string[];
}

export interface Rule {
  meta: RuleMeta;
  check(context: AnalysisContext): RawFinding[];
}
