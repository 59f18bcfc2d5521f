// weak-authentication (SPEC §3.1): password or no authentication on the way into sensitive systems.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Rule } from '../types.js';
import { linkTargets, nodeTrust } from '../node-facts.js';
import { DATA_RANK } from '../../register/types.js';
import { NIS2 } from '../controls.js';

export const weakAuthentication: Rule = {
  meta: {
    id: 'weak-authentication',
    family: 'link',
    title: 'Weak authentication into a sensitive system',
    defaultSeverity: 'high',
    severityText: 'high if a target holds restricted data or sits in a trust-4 zone, else medium',
    description: 'A link into a system holding confidential or restricted data, or into any node in a zone of trust 3 or more, '
      + 'uses no authentication or a password alone. For a bidirectional link either end counts as the target. '
      + 'Implicit internet edges carry no authentication data and are not checked.',
    fix: 'Require MFA, a key or a certificate on this link, or route it through a gateway that enforces strong authentication.',
    iso27001: ['A.5.17 Authentication information', 'A.8.5 Secure authentication'],
    nis2: [NIS2.multiFactor],
  },
  check({ register }) {
    const findings: RawFinding[] = [];
    for (const link of register.links) {
      if (link.implicit || (link.auth !== 'none' && link.auth !== 'password')) continue;
      const sensitive = linkTargets(link).filter((id) => {
        const system = register.systems.get(id);
        return (system !== undefined && DATA_RANK[system.data] >= DATA_RANK.confidential) || nodeTrust(register, id) >= 3;
      });
      if (sensitive.length === 0) continue;
      const severe = sensitive.some((id) => register.systems.get(id)?.data === 'restricted' || nodeTrust(register, id) === 4);
      const target = sensitive[0];
      const system = register.systems.get(target);
      const what = system ? `${system.data} data, trust ${nodeTrust(register, target)}` : `trust ${nodeTrust(register, target)}`;
      findings.push({
        id: findingId('weak-authentication', [link.id]),
        rule: 'weak-authentication',
        severity: severe ? 'high' : 'medium',
        title: `${link.id} reaches ${target} (${what}) with ${link.auth === 'none' ? 'no authentication' : 'a password only'}`,
        message: `Link ${link.id} (${link.from} → ${link.to}${link.protocol ? `, ${link.protocol}` : ''}) authenticates with `
          + `'${link.auth}' into ${target}. Require MFA, a key or a certificate, or gate it.`,
        subjects: [link.id],
        location: link.loc,
      });
    }
    return findings;
  },
};
