// `sidedoor accept FINDING_ID`: which current findings the id or pattern covers, then reason, approver, expiry and
// ticket. The expiry defaults to 90 days ahead and may be at most one calendar year ahead (SPEC §4), and never past
// `review.acceptance_max_days` (SPEC §1.7), so that a new acceptance never raises acceptance-too-long (one calendar year
// is 366 days when it spans 29 February).

import type { Finding } from '../findings/types.js';
import { patternMatches } from '../findings/acceptances.js';
import type { AcceptanceInput } from '../register/schema.js';
import { dateCheck } from './answer-checks.js';
import { askOptionalText, askRequiredText, entity } from './flow-helpers.js';
import { addDays, addOneYear } from './dates.js';
import type { Prompter } from './prompter.js';
import { plural } from '../util/plural.js';

export const DEFAULT_ACCEPTANCE_DAYS = 90;
/** review.acceptance_max_days when the register does not set it (the default of build-register.ts). */
const DEFAULT_ACCEPTANCE_MAX_DAYS = 365;
const SHOWN_FINDINGS = 20;

export function matchingFindings(pattern: string, findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => patternMatches(pattern, finding.id));
}

/** The lines that show what an acceptance will cover. Register text is sanitised by the prompter. */
export function describeMatches(pattern: string, matches: readonly Finding[]): string {
  const lines = [`${pattern} matches ${plural(matches.length, 'current finding')}:`];
  for (const finding of matches.slice(0, SHOWN_FINDINGS)) {
    const accepted = finding.acceptedBy ? `, already accepted until ${finding.acceptedBy.expires}` : '';
    lines.push(`  ${finding.severity.padEnd(8)} ${finding.id}${accepted}`);
    lines.push(`           ${finding.title}`);
  }
  if (matches.length > SHOWN_FINDINGS) lines.push(`  … and ${matches.length - SHOWN_FINDINGS} more`);
  return `${lines.join('\n')}\n`;
}

/** The latest expiry `accept` allows: one calendar year ahead, or `maxDays` when that is sooner. */
export function latestExpiry(today: string, maxDays: number): string {
  const year = addOneYear(today);
  const limit = addDays(today, maxDays);
  return limit < year ? limit : year;
}

export function expiryCheck(today: string, maxDays = DEFAULT_ACCEPTANCE_MAX_DAYS): (value: string) => true | string {
  const latest = latestExpiry(today, maxDays);
  const isDate = dateCheck(false);
  return (raw) => {
    const verdict = isDate(raw);
    if (verdict !== true) return verdict;
    const value = raw.trim();
    if (value < today) return `must be today (${today}) or later`;
    if (value > latest) {
      return latest === addOneYear(today)
        ? `must be at most one year ahead (${latest} at the latest)`
        : `must be at most ${maxDays} days ahead, as review.acceptance_max_days says (${latest} at the latest)`;
    }
    return true;
  };
}

export async function askAcceptance(
  prompter: Prompter, pattern: string, matches: readonly Finding[], today: string, maxDays = DEFAULT_ACCEPTANCE_MAX_DAYS,
): Promise<AcceptanceInput> {
  const latest = latestExpiry(today, maxDays);
  const suggested = addDays(today, DEFAULT_ACCEPTANCE_DAYS);
  prompter.say(describeMatches(pattern, matches));
  const reason = await askRequiredText(prompter, 'reason', 'Reason: why is this risk accepted?');
  const approvedBy = await askRequiredText(prompter, 'approved_by', 'Approved by (a person or a role)');
  const expires = (await prompter.input({
    name: 'expires',
    message: `Expires on (YYYY-MM-DD, at most ${latest})`,
    default: suggested < latest ? suggested : latest,
    validate: expiryCheck(today, maxDays),
  })).trim();
  const ticket = await askOptionalText(prompter, 'ticket', 'Ticket');
  return entity([['finding', pattern], ['reason', reason], ['approved_by', approvedBy], ['expires', expires], ['ticket', ticket]]) as AcceptanceInput;
}
