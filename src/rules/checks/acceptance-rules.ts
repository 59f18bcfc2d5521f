// acceptance-expired and acceptance-unused (SPEC §1.7, §3.1). They judge the acceptance register against the findings
// of every other rule, which the scan engine computes first and hands over through `ACCEPTANCE_USAGE`.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import { isExpired } from '../../findings/acceptances.js';
import type { Acceptance } from '../../register/types.js';
import type { AnalysisContext } from '../context.js';
import type { Rule } from '../types.js';
import { daysBetween, plural } from '../node-facts.js';
import { NIS2 } from '../controls.js';

/** Key under which the scan engine shares the set of acceptances that matched some finding. */
export const ACCEPTANCE_USAGE = 'acceptance-usage';

function usedAcceptances(context: AnalysisContext): Set<Acceptance> {
  return context.shared(ACCEPTANCE_USAGE, () => new Set<Acceptance>());
}

export const ACCEPTANCE_CONTROLS = {
  iso27001: ['A.5.22 Monitoring, review and change management of supplier services'],
  nis2: [NIS2.effectiveness],
};

/**
 * One acceptance per `finding` pattern among those that `keep` selects, since the finding id names the pattern alone.
 * Which one speaks for the pattern must not depend on file order (SPEC §1.1): the one that runs latest, then by
 * approver, reason and ticket, and only for identical text by its place.
 */
export function onePerPattern(acceptances: readonly Acceptance[], keep: (acceptance: Acceptance) => boolean): Acceptance[] {
  const chosen = new Map<string, Acceptance>();
  for (const acceptance of acceptances) {
    if (!keep(acceptance)) continue;
    const current = chosen.get(acceptance.finding);
    if (current === undefined || speaksBefore(acceptance, current)) chosen.set(acceptance.finding, acceptance);
  }
  return [...chosen.values()];
}

function speaksBefore(a: Acceptance, b: Acceptance): boolean {
  const keys = (x: Acceptance): (string | number)[] => [
    x.expires, x.approved_by, x.reason, x.ticket ?? '', x.loc.file, -x.loc.line, -x.loc.column,
  ];
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] === kb[i]) continue;
    // Later expiry first; then the smaller text; then the earlier place (lines negated above, so larger is earlier).
    if (i === 0) return ka[i] > kb[i];
    return typeof ka[i] === 'number' ? ka[i] > kb[i] : ka[i] < kb[i];
  }
  return false;
}

export const acceptanceExpired: Rule = {
  meta: {
    id: 'acceptance-expired',
    family: 'acceptance',
    title: 'Risk acceptance has expired',
    defaultSeverity: 'medium',
    severityText: 'medium',
    description: 'An acceptance holds through its `expires` date; from the day after, the findings it covered are open again and the '
      + 'acceptance itself is reported, so that it is renewed deliberately or removed.',
    fix: 'Fix the underlying finding, or renew the acceptance with a new approver decision and expiry date.',
    ...ACCEPTANCE_CONTROLS,
  },
  check(context) {
    const findings: RawFinding[] = [];
    for (const acceptance of onePerPattern(context.register.acceptances, (a) => isExpired(a, context.today))) {
      const id = findingId('acceptance-expired', [acceptance.finding]);
      const days = daysBetween(acceptance.expires, context.today);
      findings.push({
        id, rule: 'acceptance-expired', severity: 'medium',
        title: `Acceptance of ${acceptance.finding} expired on ${acceptance.expires}`,
        message: `The acceptance of ${acceptance.finding} approved by ${acceptance.approved_by} expired ${plural(days, 'day')} ago `
          + `(${acceptance.expires})${usedAcceptances(context).has(acceptance) ? '; the findings it covered are open again' : ' and matches no current finding'}. Renew it or remove it.`,
        subjects: [acceptance.finding],
        location: acceptance.fieldLocs.get('expires') ?? acceptance.loc,
      });
    }
    return findings;
  },
};

export const acceptanceUnused: Rule = {
  meta: {
    id: 'acceptance-unused',
    family: 'acceptance',
    title: 'Risk acceptance matches no finding',
    defaultSeverity: 'low',
    severityText: 'low',
    description: 'A current acceptance whose pattern matches no finding: the risk was fixed, renamed, or the pattern has a typo. '
      + 'Stale acceptances hide future findings that happen to match them.',
    fix: 'Remove the acceptance, or correct its `finding` pattern.',
    ...ACCEPTANCE_CONTROLS,
  },
  check(context) {
    const findings: RawFinding[] = [];
    const used = usedAcceptances(context);
    const unused = (a: Acceptance) => !isExpired(a, context.today) && !used.has(a);
    for (const acceptance of onePerPattern(context.register.acceptances, unused)) {
      const id = findingId('acceptance-unused', [acceptance.finding]);
      findings.push({
        id, rule: 'acceptance-unused', severity: 'low',
        title: `Acceptance of ${acceptance.finding} matches no finding`,
        message: `No current finding matches the accepted pattern ${acceptance.finding} (approved by ${acceptance.approved_by}). `
          + 'Remove it or fix the pattern.',
        subjects: [acceptance.finding],
        location: acceptance.fieldLocs.get('finding') ?? acceptance.loc,
      });
    }
    return findings;
  },
};
