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
    const seen = new Set<string>();
    for (const acceptance of context.register.acceptances) {
      if (!isExpired(acceptance, context.today)) continue;
      const id = findingId('acceptance-expired', [acceptance.finding]);
      if (seen.has(id)) continue;
      seen.add(id);
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
    const seen = new Set<string>();
    const used = usedAcceptances(context);
    for (const acceptance of context.register.acceptances) {
      if (isExpired(acceptance, context.today) || used.has(acceptance)) continue;
      const id = findingId('acceptance-unused', [acceptance.finding]);
      if (seen.has(id)) continue;
      seen.add(id);
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
