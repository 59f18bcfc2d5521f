// `sidedoor accept FINDING_ID`: which current findings the id or pattern covers, then reason, approver, expiry and
// ticket. The expiry defaults to 90 days ahead and may be at most one calendar year ahead (SPEC §4).

import type { Finding } from '../findings/types.js';
import { patternMatches } from '../findings/acceptances.js';
import type { AcceptanceInput } from '../register/schema.js';
import { dateCheck } from './answer-checks.js';
import { askOptionalText, askRequiredText, entity } from './flow-helpers.js';
import { addDays, addOneYear } from './dates.js';
import type { Prompter } from './prompter.js';
import { plural } from '../util/plural.js';

export const DEFAULT_ACCEPTANCE_DAYS = 90;
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

export function expiryCheck(today: string): (value: string) => true | string {
  const latest = addOneYear(today);
  const isDate = dateCheck(false);
  return (raw) => {
    const verdict = isDate(raw);
    if (verdict !== true) return verdict;
    const value = raw.trim();
    if (value < today) return `must be today (${today}) or later`;
    if (value > latest) return `must be at most one year ahead (${latest} at the latest)`;
    return true;
  };
}

export async function askAcceptance(
  prompter: Prompter, pattern: string, matches: readonly Finding[], today: string,
): Promise<AcceptanceInput> {
  prompter.say(describeMatches(pattern, matches));
  const reason = await askRequiredText(prompter, 'reason', 'Reason: why is this risk accepted?');
  const approvedBy = await askRequiredText(prompter, 'approved_by', 'Approved by (a person or a role)');
  const expires = (await prompter.input({
    name: 'expires',
    message: `Expires on (YYYY-MM-DD, at most ${addOneYear(today)})`,
    default: addDays(today, DEFAULT_ACCEPTANCE_DAYS),
    validate: expiryCheck(today),
  })).trim();
  const ticket = await askOptionalText(prompter, 'ticket', 'Ticket');
  return entity([['finding', pattern], ['reason', reason], ['approved_by', approvedBy], ['expires', expires], ['ticket', ticket]]) as AcceptanceInput;
}
