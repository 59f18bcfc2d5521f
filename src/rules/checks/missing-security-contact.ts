// missing-security-contact (SPEC §3.1): a tier critical/high vendor has nobody to call about a security incident.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Vendor } from '../../register/types.js';
import type { Rule } from '../types.js';
import { NIS2 } from '../controls.js';
import { entityLabel } from '../node-facts.js';

export function hasSecurityContact(vendor: Vendor): boolean {
  return vendor.contacts.some((contact) => contact.role === 'security');
}

export const missingSecurityContact: Rule = {
  meta: {
    id: 'missing-security-contact',
    family: 'hygiene',
    title: 'No security contact for a critical vendor',
    defaultSeverity: 'medium',
    severityText: 'medium',
    description: 'A vendor of tier critical or high lists no contact with role `security`, so nobody is known to call '
      + 'when an incident involves it. Contacts of other roles (account, dpo, support) do not count.',
    fix: 'Ask the vendor for its security or incident-response contact and add it under `contacts` with `role: security`.',
    iso27001: [
      'A.5.20 Addressing information security within supplier agreements',
      'A.5.24 Information security incident management planning and preparation',
    ],
    nis2: [NIS2.supplyChain, NIS2.incidentHandling],
  },
  check({ register }) {
    const findings: RawFinding[] = [];
    for (const vendor of register.vendors.values()) {
      if ((vendor.tier !== 'critical' && vendor.tier !== 'high') || hasSecurityContact(vendor)) continue;
      const label = entityLabel(vendor);
      const others = vendor.contacts.length === 0 ? 'no contacts at all'
        : `only ${[...new Set(vendor.contacts.map((c) => c.role))].sort().join('/')} contacts`;
      findings.push({
        id: findingId('missing-security-contact', [vendor.id]),
        rule: 'missing-security-contact',
        severity: 'medium',
        title: `Vendor ${label} has no security contact (tier ${vendor.tier})`,
        message: `Vendor ${label} is tier ${vendor.tier} and lists ${others}: nobody is known to call about a security `
          + 'incident. Add its security or incident-response contact under `contacts` with `role: security`.',
        subjects: [vendor.id],
        location: vendor.fieldLocs.get('contacts') ?? vendor.loc,
      });
    }
    return findings;
  },
};
