// acceptance-too-long (SPEC §1.7, §3.1): an acceptance whose `expires` lies more than `review.acceptance_max_days`
// (default 365) after today. A ten-year acceptance is a finding switched off, not a decision that gets reviewed. The
// acceptance still applies (refusing it would turn a paperwork problem into a red build); the finding says how long
// it runs and the latest date the policy allows.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import { addDays } from '../../util/calendar.js';
import type { Rule } from '../types.js';
import { daysBetween, plural } from '../node-facts.js';
import { ACCEPTANCE_CONTROLS, onePerPattern } from './acceptance-rules.js';
import type { Acceptance } from '../../register/types.js';

export const acceptanceTooLong: Rule = {
  meta: {
    id: 'acceptance-too-long',
    family: 'acceptance',
    title: 'Risk acceptance runs longer than the review period allows',
    defaultSeverity: 'medium',
    severityText: 'medium',
    description: 'An acceptance whose `expires` lies more than `review.acceptance_max_days` (default 365) days after today. '
      + 'It still applies, but a risk accepted for that long is no longer reviewed; the finding says how long it runs.',
    fix: 'Shorten the acceptance to the review period and renew it when it expires, or fix the underlying finding.',
    ...ACCEPTANCE_CONTROLS,
  },
  check(context) {
    const findings: RawFinding[] = [];
    const maxDays = context.register.config.review.acceptance_max_days;
    const tooLong = (a: Acceptance) => daysBetween(context.today, a.expires) > maxDays;
    for (const acceptance of onePerPattern(context.register.acceptances, tooLong)) {
      const days = daysBetween(context.today, acceptance.expires);
      const id = findingId('acceptance-too-long', [acceptance.finding]);
      findings.push({
        id, rule: 'acceptance-too-long', severity: 'medium',
        title: `Acceptance of ${acceptance.finding} runs ${plural(days, 'day')}, past the ${maxDays}-day limit`,
        message: `The acceptance of ${acceptance.finding} approved by ${acceptance.approved_by} runs until ${acceptance.expires}, `
          + `${plural(days, 'day')} from today, more than the ${maxDays} days that review.acceptance_max_days allows. `
          + `It still applies until then. Shorten it to ${addDays(context.today, maxDays)} at the latest and renew it when it expires.`,
        subjects: [acceptance.finding],
        location: acceptance.fieldLocs.get('expires') ?? acceptance.loc,
      });
    }
    return findings;
  },
};
