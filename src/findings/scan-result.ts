// The result of a scan, as every reporter receives it. The JSON reporter prints it in the exact shape of SPEC §3.3.

import type { Finding, Remediation } from './types.js';
import type { FindingSeverity } from '../register/types.js';

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

export interface Comparison {
  kind: 'base' | 'baseline';
  /** The git ref as given, or the baseline file path. */
  ref: string;
  /** The commit the ref resolved to (kind `base`). */
  commit?: string;
  fixed: FixedFinding[];
  /** Link ids on new findings that were added or changed since the base, sorted. */
  newRiskyLinks: string[];
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
