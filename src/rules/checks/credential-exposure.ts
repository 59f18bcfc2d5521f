// credential-exposure (SPEC §3.1): secrets for a system held somewhere less trusted, such as a chat channel.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Rule } from '../types.js';
import { nodeData, nodeTrust, nodeZone } from '../node-facts.js';
import { NIS2 } from '../controls.js';

export const credentialExposure: Rule = {
  meta: {
    id: 'credential-exposure',
    family: 'link',
    title: 'Credentials held in a less trusted place',
    defaultSeverity: 'high',
    severityText: 'critical if the target holds restricted data, else high',
    description: 'A `credential` link (its source holds secrets that open its target) whose source sits in a lower-trust zone than '
      + 'its target, or whose source is a messaging platform or a SaaS service. Credentials cross any network segmentation.',
    fix: 'Move the secret into a vault with access logging, rotate it, and purge it from the messaging channel or SaaS tool.',
    iso27001: ['A.5.17 Authentication information', 'A.5.18 Access rights', 'A.5.23 Information security for use of cloud services'],
    nis2: [NIS2.accessControl, NIS2.multiFactor],
  },
  check({ register }) {
    const findings: RawFinding[] = [];
    for (const link of register.links) {
      if (link.kind !== 'credential') continue;
      const source = register.systems.get(link.from);
      const sourceKind = source?.kind;
      const heldInChat = sourceKind === 'messaging' || sourceKind === 'saas';
      const lowerTrust = nodeTrust(register, link.from) < nodeTrust(register, link.to);
      if (!heldInChat && !lowerTrust) continue;
      const where = heldInChat
        ? `in ${sourceKind === 'messaging' ? 'the messaging platform' : 'the SaaS service'} ${link.from}`
        : `in ${link.from} (zone ${nodeZone(register, link.from)}, trust ${nodeTrust(register, link.from)})`;
      findings.push({
        id: findingId('credential-exposure', [link.id]),
        rule: 'credential-exposure',
        severity: nodeData(register, link.to) === 'restricted' ? 'critical' : 'high',
        title: `Credentials for ${link.to} are held ${where}`,
        message: `Credential link ${link.id}: whoever controls ${link.from} holds secrets that open ${link.to} `
          + `(zone ${nodeZone(register, link.to)}, trust ${nodeTrust(register, link.to)}, ${nodeData(register, link.to)} data), `
          + 'bypassing every network control. Vault and rotate the secret.',
        subjects: [link.id],
        location: link.loc,
      });
    }
    return findings;
  },
};
