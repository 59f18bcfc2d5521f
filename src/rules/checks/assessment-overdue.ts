// assessment-overdue (SPEC §3.1): a vendor's newest security assessment is older than its tier allows, has passed its
// own `expires` date, or does not exist. Also exports the "newest assessment" and "overdue" lookups, so that
// assessment-failed and the auditor's vendor inventory judge a vendor exactly as this rule does.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Assessment, FindingSeverity, Level, ReviewSettings, SourceLocation, Vendor } from '../../register/types.js';
import type { Rule } from '../types.js';
import { daysBetween, plural, entityLabel } from '../node-facts.js';
import { NIS2 } from '../controls.js';
import { addDays } from '../../util/calendar.js';

const RESULT_RANK: Record<Assessment['result'], number> = { pass: 0, conditional: 1, fail: 2 };

export interface NewestAssessment {
  assessment: Assessment;
  /** Position in the vendor's `assessments` list, for `fieldLocs` keys such as `assessments.2.date`. */
  index: number;
}

/**
 * The assessment with the latest `date`. Several on that date resolve to the worst result (fail, then conditional,
 * then pass), then to the one that stays valid longest (no `expires` beats any date), then to the first listed: so
 * the result and the overdue verdict never depend on the order of the list, only the reported location may.
 */
export function newestAssessment(vendor: Vendor): NewestAssessment | undefined {
  let best: NewestAssessment | undefined;
  vendor.assessments.forEach((assessment, index) => {
    if (best === undefined || supersedes(assessment, best.assessment)) best = { assessment, index };
  });
  return best;
}

function supersedes(a: Assessment, b: Assessment): boolean {
  if (a.date !== b.date) return a.date > b.date;
  if (a.result !== b.result) return RESULT_RANK[a.result] > RESULT_RANK[b.result];
  if (a.expires === b.expires || b.expires === undefined) return false;
  return a.expires === undefined || a.expires > b.expires;
}

/** Why a vendor's assessment is overdue: there is none, or the newest is too old and/or past its `expires`. */
export type OverdueAssessment =
  | { kind: 'none'; maxAgeDays: number }
  | {
    kind: 'stale';
    newest: NewestAssessment;
    maxAgeDays: number;
    /** Age of the newest assessment in days. */
    ageDays: number;
    /** Days past the tier's maximum age (0 when only `expires` has passed). */
    daysOverdue: number;
    /** Days since the newest assessment's `expires` date, when that date is already past. */
    daysSinceExpiry?: number;
  };

/**
 * Whether the vendor's assessment is overdue on `today`, undefined when it is current. An assessment exactly
 * `maxAgeDays` old is still current; one day more is overdue. An `expires` date holds through that day (like an
 * acceptance's), so it counts from the day after. An assessment dated in the future counts as current.
 */
export function overdueAssessment(vendor: Vendor, review: ReviewSettings, today: string): OverdueAssessment | undefined {
  const maxAgeDays = review.assessment_max_age_days[vendor.tier];
  const newest = newestAssessment(vendor);
  if (newest === undefined) return { kind: 'none', maxAgeDays };
  const ageDays = daysBetween(newest.assessment.date, today);
  const expires = newest.assessment.expires;
  const daysSinceExpiry = expires !== undefined && expires < today ? daysBetween(expires, today) : undefined;
  if (ageDays <= maxAgeDays && daysSinceExpiry === undefined) return undefined;
  return { kind: 'stale', newest, maxAgeDays, ageDays, daysOverdue: Math.max(0, ageDays - maxAgeDays), daysSinceExpiry };
}

const TIER_SEVERITY: Record<Level, FindingSeverity> = { critical: 'high', high: 'high', medium: 'medium', low: 'low' };

function describe(vendor: Vendor, overdue: OverdueAssessment): { title: string; message: string; location: SourceLocation } {
  const label = entityLabel(vendor);
  const policy = `tier ${vendor.tier} requires one at least every ${plural(overdue.maxAgeDays, 'day')}`;
  if (overdue.kind === 'none') {
    return {
      title: `${label} has never been assessed`,
      message: `Vendor ${label} has no security assessment on record; ${policy}. `
        + 'Run an assessment (questionnaire, certification review, audit) and record it under `assessments`.',
      location: vendor.fieldLocs.get('assessments') ?? vendor.loc,
    };
  }
  const { assessment, index } = overdue.newest;
  const item = vendor.fieldLocs.get(`assessments.${index}`) ?? vendor.loc;
  const what = `${assessment.kind} assessment of ${assessment.date}`;
  const reasons: string[] = [];
  // The age is the primary reason when both apply: it is what the review policy measures.
  let title = '';
  let location = item;
  if (overdue.daysSinceExpiry !== undefined) {
    const ago = plural(overdue.daysSinceExpiry, 'day');
    title = `${label}: assessment expired ${ago} ago`;
    reasons.push(`expired on ${assessment.expires} (${ago} ago)`);
    location = vendor.fieldLocs.get(`assessments.${index}.expires`) ?? item;
  }
  if (overdue.daysOverdue > 0) {
    title = `${label}: assessment overdue by ${plural(overdue.daysOverdue, 'day')}`;
    reasons.unshift(`is ${plural(overdue.ageDays, 'day')} old (${policy}; it was due by `
      + `${addDays(assessment.date, overdue.maxAgeDays)}, ${plural(overdue.daysOverdue, 'day')} ago)`);
    location = vendor.fieldLocs.get(`assessments.${index}.date`) ?? item;
  }
  return {
    title,
    message: `The newest assessment of vendor ${label}, the ${what}, ${reasons.join(' and ')}. `
      + 'Reassess the vendor and record the new assessment.',
    location,
  };
}

export const assessmentOverdue: Rule = {
  meta: {
    id: 'assessment-overdue',
    family: 'hygiene',
    title: 'Vendor security assessment overdue',
    defaultSeverity: 'high',
    severityText: 'high for tier critical/high, medium for tier medium, low for tier low',
    description: 'The vendor has no security assessment, or its newest one (latest `date`) is older than '
      + '`review.assessment_max_age_days` for its tier, or has passed its own `expires` date. An assessment exactly the '
      + 'maximum age is still current; `expires` holds through that day. Only the newest assessment counts; several on '
      + 'the newest date resolve to the worst result, then to the longest-lived `expires`. An assessment dated in the future '
      + 'counts as current.',
    fix: 'Reassess the vendor (questionnaire, certification review, pentest or audit) and record it under `assessments`, '
      + 'or adjust `review.assessment_max_age_days` if the policy is wrong.',
    iso27001: [
      'A.5.22 Monitoring, review and change management of supplier services',
      'A.5.19 Information security in supplier relationships',
    ],
    nis2: [
      NIS2.supplyChain,
      NIS2.effectiveness,
    ],
  },
  check({ register, today }) {
    const findings: RawFinding[] = [];
    for (const vendor of register.vendors.values()) {
      const overdue = overdueAssessment(vendor, register.config.review, today);
      if (overdue === undefined) continue;
      findings.push({
        id: findingId('assessment-overdue', [vendor.id]),
        rule: 'assessment-overdue',
        severity: TIER_SEVERITY[vendor.tier],
        ...describe(vendor, overdue),
        subjects: [vendor.id],
      });
    }
    return findings;
  },
};
