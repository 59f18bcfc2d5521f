// vendor-remote-access (SPEC §3.1): a third party's remote access that is always on, or that lacks MFA.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Rule } from '../types.js';
import { nodeTrust } from '../node-facts.js';
import { NIS2 } from '../controls.js';

export const vendorRemoteAccess: Rule = {
  meta: {
    id: 'vendor-remote-access',
    family: 'link',
    title: 'Vendor remote access without MFA or always on',
    defaultSeverity: 'high',
    severityText: 'critical into a zone of trust 3 or more, else high',
    description: 'A `remote-access` link from a vendor (either end, when bidirectional) lacks `auth: mfa`, or is not `on_demand` '
      + '(enabled only on request and for a limited time).',
    fix: 'Require MFA for vendor sessions and switch the access to on-demand (enabled per ticket, for a limited time), ideally through a bastion.',
    iso27001: ['A.5.19 Information security in supplier relationships', 'A.8.5 Secure authentication', 'A.5.15 Access control'],
    nis2: [NIS2.supplyChain, NIS2.multiFactor],
  },
  check({ register }) {
    const findings: RawFinding[] = [];
    for (const link of register.links) {
      if (link.kind !== 'remote-access') continue;
      const ends = link.bidirectional ? [[link.from, link.to], [link.to, link.from]] : [[link.from, link.to]];
      const fromVendor = ends.find(([source]) => register.vendors.has(source));
      if (!fromVendor) continue;
      const problems = [link.auth !== 'mfa' ? `authenticates with '${link.auth}', not MFA` : '', !link.on_demand ? 'is always on' : '']
        .filter((p) => p !== '');
      if (problems.length === 0) continue;
      const [vendor, target] = fromVendor;
      findings.push({
        id: findingId('vendor-remote-access', [link.id]),
        rule: 'vendor-remote-access',
        severity: nodeTrust(register, target) >= 3 ? 'critical' : 'high',
        title: `Vendor ${vendor} has remote access to ${target} that ${problems.join(' and ')}`,
        message: `Remote-access link ${link.id} lets vendor ${vendor} into ${target} (trust ${nodeTrust(register, target)}); it `
          + `${problems.join(' and ')}. Require MFA and enable the access only on request.`,
        subjects: [link.id],
        location: link.loc,
      });
    }
    return findings;
  },
};
