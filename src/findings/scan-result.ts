// The result of a scan, as every reporter receives it. The JSON reporter prints it in the exact shape of SPEC §3.3.

import type { Finding, Remediation } from './types.js';
import type { FindingSeverity, SourceLocation } from '../register/types.js';

export interface RegisterSummary {
  /** The register root, relative to the working directory (`.` when they are the same). */
  root: string;
  files: number;
  zones: number;
  vendors: number;
  systems: number;
  links: number;
}

export type SeveritySummary = Record<FindingSeverity, number> & { accepted: number; new?: number };

/** A finding present at the base (or in the baseline) that is gone now. */
export interface FixedFinding {
  id: string;
  rule: string;
  title: string;
}

/** A finding known before whose severity rose, or whose witness now uses an edge added or changed since the base. */
export interface WorsenedFinding extends FixedFinding {
  severity: FindingSeverity;
  /** Its severity at the base (or in the baseline). */
  before: FindingSeverity;
  /** The witness's edges added or changed since the base, sorted; empty when only the severity rose. */
  links: string[];
}

/** A finding that the register as the base trusted it shows, and that this change's trust claims hide or lower. */
export interface HiddenFinding extends FixedFinding {
  severity: FindingSeverity;
  /** Its severity as the change claims it (absent: the change hides it entirely). */
  shown?: FindingSeverity;
  /** The trust claims on its path or subject that hide it, in words, sorted. */
  claims: string[];
}

/** An edge added or changed since the base that lies on a violating walk of one or more segmentation rules. */
export interface RiskyLink {
  id: string;
  /** The segmentation rules it violates, sorted. */
  rules: string[];
  /** The highest of those rules' severities. */
  severity: FindingSeverity;
  location: SourceLocation;
}

export type PolicyChangeKind = 'builtin' | 'segmentation' | 'rule' | 'review' | 'acceptance';

/** A difference between the base's policy (policy, rules, review, acceptances) and the head's. */
export interface PolicyChange {
  kind: PolicyChangeKind;
  /** What changed: a rule id, a review setting, an acceptance pattern. */
  subject: string;
  /** In words: what the change does. */
  description: string;
  /** True when it can hide a finding. */
  weakens: boolean;
  /** The head's location of the change (the base's for a removal). */
  location: SourceLocation;
}

export interface Comparison {
  kind: 'base' | 'baseline';
  /** The git ref as given, or the baseline file path. */
  ref: string;
  /** The commit the ref resolved to (kind `base`). */
  commit?: string;
  /** Which side's policy and acceptances decided (kind `base`; a baseline has no policy of its own). */
  judgedBy?: 'base' | 'head';
  fixed: FixedFinding[];
  worsened: WorsenedFinding[];
  hidden: HiddenFinding[];
  /** Edges added or changed since the base on a violating walk, sorted by id. */
  newRiskyLinks: RiskyLink[];
  policyChanges: PolicyChange[];
  /** What this comparison cannot tell (a baseline knows ids and severities, not the register). */
  cannotTell?: string;
}

export interface ScanResult {
  tool: { name: 'sidedoor'; version: string };
  today: string;
  organization?: string;
  register: RegisterSummary;
  findings: Finding[];
  remediations: Remediation[];
  summary: SeveritySummary;
  comparison?: Comparison;
}
