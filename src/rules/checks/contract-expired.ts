// contract-expired (SPEC §3.1): the vendor's contract ended before today, or a tier critical/high vendor has no
// contract on record at all.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Rule } from '../types.js';
import { daysBetween, plural, entityLabel } from '../node-facts.js';
import { NIS2 } from '../controls.js';

export const contractExpired: Rule = {
  meta: {
    id: 'contract-expired',
    family: 'hygiene',
    title: 'Vendor contract expired or missing',
    defaultSeverity: 'high',
    severityText: 'high',
    description: 'The vendor\'s `contract.end` is before today (a contract is in force through its end date), or the vendor '
      + 'is tier critical or high and has no `contract` at all. A contract recorded without an `end` is taken as '
      + 'open-ended and never counts as expired.',
    fix: 'Renew the contract and record the new `contract.end`, with security clauses (audit rights, breach notification); '
      + 'or end the relationship and remove the vendor\'s access.',
    iso27001: [
      'A.5.20 Addressing information security within supplier agreements',
      'A.5.19 Information security in supplier relationships',
    ],
    nis2: [NIS2.supplyChain],
  },
  check({ register, today }) {
    const findings: RawFinding[] = [];
    for (const vendor of register.vendors.values()) {
      const label = entityLabel(vendor);
      const base = { id: findingId('contract-expired', [vendor.id]), rule: 'contract-expired', severity: 'high' as const };
      const { contract } = vendor;
      if (contract === undefined) {
        if (vendor.tier !== 'critical' && vendor.tier !== 'high') continue;
        findings.push({
          ...base,
          title: `Vendor ${label} has no contract on record (tier ${vendor.tier})`,
          message: `Vendor ${label} is tier ${vendor.tier} but has no \`contract\`: there is no record of agreed security `
            + 'clauses, audit rights or breach notification. Record the contract, with its end date, or sign one.',
          subjects: [vendor.id],
          location: vendor.loc,
        });
        continue;
      }
      if (contract.end === undefined || contract.end >= today) continue;
      const ago = daysBetween(contract.end, today);
      findings.push({
        ...base,
        title: `${label}: contract${contract.ref ? ` ${contract.ref}` : ''} expired on ${contract.end}, ${plural(ago, 'day')} ago`,
        message: `The contract with vendor ${label}${contract.ref ? ` (ref ${contract.ref})` : ''} ended on ${contract.end}, `
          + `${plural(ago, 'day')} ago, so its security clauses may no longer bind the vendor. Renew it and update \`contract.end\`, `
          + 'or end the relationship and remove the vendor\'s access.',
        subjects: [vendor.id],
        location: vendor.fieldLocs.get('contract.end') ?? vendor.fieldLocs.get('contract') ?? vendor.loc,
      });
    }
    return findings;
  },
};

