// contract-expiring (SPEC §3.1): the vendor's contract ends within `review.contract_warning_days` from today.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Rule } from '../types.js';
import { daysBetween, plural, entityLabel } from '../node-facts.js';
import { NIS2 } from '../controls.js';

export const contractExpiring: Rule = {
  meta: {
    id: 'contract-expiring',
    family: 'hygiene',
    title: 'Vendor contract expiring soon',
    defaultSeverity: 'low',
    severityText: 'low',
    description: 'The vendor\'s `contract.end` is today or later, and at most `review.contract_warning_days` days away '
      + '(both bounds included: a contract ending today is expiring, not expired). A contract that has already ended '
      + 'raises contract-expired instead, never both. When the contract\'s `notice_days` is set, the message says how '
      + 'many days remain to give notice, or how long ago that deadline passed.',
    fix: 'Start the renewal (or the exit) now: review the security clauses, reassess the vendor, and record the new '
      + '`contract.end`.',
    iso27001: [
      'A.5.20 Addressing information security within supplier agreements',
      'A.5.22 Monitoring, review and change management of supplier services',
    ],
    nis2: [NIS2.supplyChain],
  },
  check({ register, today }) {
    const findings: RawFinding[] = [];
    const warningDays = register.config.review.contract_warning_days;
    for (const vendor of register.vendors.values()) {
      const contract = vendor.contract;
      if (contract?.end === undefined || contract.end < today) continue;
      const left = daysBetween(today, contract.end);
      if (left > warningDays) continue;
      const label = entityLabel(vendor);
      const when = left === 0 ? 'today' : `in ${plural(left, 'day')}`;
      findings.push({
        id: findingId('contract-expiring', [vendor.id]),
        rule: 'contract-expiring',
        severity: 'low',
        title: `${label}: contract${contract.ref ? ` ${contract.ref}` : ''} ends ${when} (${contract.end})`,
        message: `The contract with vendor ${label}${contract.ref ? ` (ref ${contract.ref})` : ''} ends on ${contract.end}, `
          + `${when}.${noticeText(left, contract.notice_days)} Decide on renewal or exit, review its security clauses and `
          + 'record the new `contract.end`.',
        subjects: [vendor.id],
        location: vendor.fieldLocs.get('contract.end') ?? vendor.loc,
      });
    }
    return findings;
  },
};

/** Where the renewal stands against the contract's notice period, when it has one. */
function noticeText(daysLeft: number, noticeDays: number | undefined): string {
  if (noticeDays === undefined) return '';
  const slack = daysLeft - noticeDays;
  if (slack < 0) return ` Its ${noticeDays}-day notice deadline passed ${plural(-slack, 'day')} ago.`;
  if (slack === 0) return ` Its ${noticeDays}-day notice must be given today.`;
  return ` ${plural(slack, 'day')} ${slack === 1 ? 'remains' : 'remain'} to give its ${noticeDays}-day notice.`;
}

