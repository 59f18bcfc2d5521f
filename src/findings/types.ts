// The Finding shape of SPEC §3.3, shared by rules, classification (baseline, --base, acceptances) and reporters.

import type { FindingSeverity, SourceLocation } from '../register/types.js';

export type FindingStatus = 'open' | 'accepted';

/** How a finding relates to the base it is compared with (SPEC §4.1); the first three count against the change. */
export type FindingChange = 'new' | 'worsened' | 'hidden' | 'unchanged';

export interface Finding {
  /** `<rule>:<subject ids joined by ':'>`; never derived from line numbers (SPEC §3.2). */
  id: string;
  rule: string;
  severity: FindingSeverity;
  status: FindingStatus;
  /** Present only when the scan compares against a base or a baseline. */
  new?: boolean;
  /** Present only when the scan compares against a base or a baseline; `new` is true for new, worsened and hidden. */
  change?: FindingChange;
  title: string;
  message: string;
  subjects: string[];
  /** Path findings: the witness, as node ids and link ids (supply edge ids first, for its supply hops). */
  path?: string[];
  links?: string[];
  /**
   * Path findings: how many leading steps of the witness are supply hops (SPEC §2.2: shown, not counted). JSON
   * writes it as `supply_hops` when there are any.
   */
  supplyHops?: number;
  /** Availability findings: ids of the systems that go down, sorted, at most 100. */
  impact?: string[];
  impact_count?: number;
  location: SourceLocation;
  /** Set on accepted findings: the acceptance that covers it. Not part of the JSON contract. */
  acceptedBy?: AcceptanceRef;
}

export interface AcceptanceRef {
  finding: string;
  reason: string;
  approved_by: string;
  expires: string;
  ticket?: string;
  location: SourceLocation;
}

/** A finding as a rule emits it, before status, overrides and sorting. */
export type RawFinding = Omit<Finding, 'status' | 'new' | 'change' | 'acceptedBy'>;

export interface Remediation {
  /** The policy (segmentation) rule id. */
  rule: string;
  /** Link ids of the cut, sorted; never a supply edge. */
  cut: string[];
  /** How many violations of that rule the cut closes. */
  closes: number;
  /**
   * True when the cut is a minimum (no path start is also a target); false when it comes from the split-node
   * max-flow, which closes every violation but may not be the smallest (SPEC §2.2).
   */
  exact: boolean;
}

export const SEVERITY_ORDER: readonly FindingSeverity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function severityRank(severity: FindingSeverity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

export function findingId(rule: string, subjects: readonly string[]): string {
  // Concatenation rather than [rule, ...subjects].join(':'): rules build thousands of ids, and this allocates no array.
  let id = rule;
  for (const subject of subjects) id += `:${subject}`;
  return id;
}
