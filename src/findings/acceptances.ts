// The risk-acceptance register (SPEC §1.7). A pattern is a finding id in which `*` stands for exactly one
// `:`-separated segment. Exact patterns are looked up in a Map; wildcard patterns are bucketed by segment count and
// rule, so 10,000 acceptances against 10,000 findings stay far from a full cross product.

import type { Acceptance } from '../register/types.js';
import type { AcceptanceRef, Finding } from './types.js';

export function patternMatches(pattern: string, id: string): boolean {
  return segmentsMatch(pattern.split(':'), id.split(':'));
}

/** An acceptance holds through its `expires` date and has expired from the day after. */
export function isExpired(acceptance: Acceptance, today: string): boolean {
  return acceptance.expires < today;
}

interface WildcardPattern {
  acceptance: Acceptance;
  segments: string[];
}

export class AcceptanceIndex {
  private readonly exact = new Map<string, Acceptance[]>();
  private readonly wildcard = new Map<string, WildcardPattern[]>();

  constructor(acceptances: readonly Acceptance[]) {
    for (const acceptance of acceptances) {
      const segments = acceptance.finding.split(':');
      if (!segments.includes('*')) push(this.exact, acceptance.finding, acceptance);
      else push(this.wildcard, bucketKey(segments), { acceptance, segments });
    }
  }

  /** Acceptances whose pattern matches the id, in register order. Patterns are split once, and duplicates are
   * tracked in a Set: 10,000 acceptances of one wildcard pattern cost O(findings × acceptances), not a cube. */
  matching(id: string): Acceptance[] {
    const found = [...(this.exact.get(id) ?? [])];
    if (this.wildcard.size === 0) return found;
    const segments = id.split(':');
    const keys = [bucketKey(segments), bucketKey(['*', ...segments.slice(1)])];
    if (!this.wildcard.has(keys[0]) && !this.wildcard.has(keys[1])) return found;
    const seen = new Set(found);
    for (const key of keys[0] === keys[1] ? [keys[0]] : keys) {
      for (const { acceptance, segments: want } of this.wildcard.get(key) ?? []) {
        if (!seen.has(acceptance) && segmentsMatch(want, segments)) {
          seen.add(acceptance);
          found.push(acceptance);
        }
      }
    }
    return found;
  }
}

function segmentsMatch(want: readonly string[], have: readonly string[]): boolean {
  if (want.length !== have.length) return false;
  for (let i = 0; i < want.length; i++) if (want[i] !== '*' && want[i] !== have[i]) return false;
  return true;
}

function bucketKey(segments: string[]): string {
  return `${segments.length}:${segments[0]}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface AcceptanceOutcome {
  findings: Finding[];
  /** Acceptances that matched at least one finding (expired ones included). */
  used: Set<Acceptance>;
}

/**
 * Marks findings covered by a current acceptance as `accepted`. An expired acceptance leaves the finding open but still
 * counts as used (it is reported as expired instead of unused).
 */
export function applyAcceptances(findings: Finding[], acceptances: readonly Acceptance[], today: string): AcceptanceOutcome {
  const index = new AcceptanceIndex(acceptances);
  const used = new Set<Acceptance>();
  const classified = findings.map((finding) => {
    const matches = index.matching(finding.id);
    for (const acceptance of matches) used.add(acceptance);
    const current = matches.find((acceptance) => !isExpired(acceptance, today));
    return current ? { ...finding, status: 'accepted' as const, acceptedBy: toRef(current) } : finding;
  });
  return { findings: classified, used };
}

function toRef(acceptance: Acceptance): AcceptanceRef {
  return {
    finding: acceptance.finding, reason: acceptance.reason, approved_by: acceptance.approved_by,
    expires: acceptance.expires, ticket: acceptance.ticket, location: acceptance.loc,
  };
}
