// weak-authentication (SPEC §3.1): password or no authentication on the way into sensitive systems.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Rule } from '../types.js';
import { linkTargets, nodeTrust } from '../node-facts.js';
import { DATA_RANK, INTERNET_NODE } from '../../register/types.js';
import { NIS2 } from '../controls.js';

export const weakAuthentication: Rule = {
  meta: {
    id: 'weak-authentication',
    family: 'link',
    title: 'Weak authentication into a sensitive system',
    defaultSeverity: 'high',
    severityText: 'high if a target holds restricted data, sits in a trust-4 zone, or is reached from internet, else medium',
    description: 'A link into a system holding confidential or restricted data, or into any node in a zone of trust 3 or more, '
      + 'uses no authentication or a password alone. For a bidirectional link either end counts as the target. '
      + 'The implicit internet edge of an internet-facing system counts too: its authentication is `mfa` when the system\'s '
      + '`controls.mfa` is true, else `password`.',
    fix: 'Require MFA, a key or a certificate on this link, or route it through a gateway that enforces strong authentication. '
      + 'For an internet-facing system, enforce a second factor on every interactive login and set `controls.mfa: true`.',
    iso27001: ['A.5.17 Authentication information', 'A.8.5 Secure authentication'],
    nis2: [NIS2.multiFactor],
  },
  check({ register }) {
    const findings: RawFinding[] = [];
    for (const link of register.links) {
      if (link.auth !== 'none' && link.auth !== 'password') continue;
      const sensitive = linkTargets(link).filter((id) => {
        const system = register.systems.get(id);
        return (system !== undefined && DATA_RANK[system.data] >= DATA_RANK.confidential) || nodeTrust(register, id) >= 3;
      });
      if (sensitive.length === 0) continue;
      const fromInternet = link.from === INTERNET_NODE || (link.bidirectional && link.to === INTERNET_NODE);
      const severe = fromInternet
        || sensitive.some((id) => register.systems.get(id)?.data === 'restricted' || nodeTrust(register, id) === 4);
      const target = sensitive[0];
      const system = register.systems.get(target);
      const what = system ? `${system.data} data, trust ${nodeTrust(register, target)}` : `trust ${nodeTrust(register, target)}`;
      findings.push({
        id: findingId('weak-authentication', [link.id]),
        rule: 'weak-authentication',
        severity: severe ? 'high' : 'medium',
        title: `${link.id} reaches ${target} (${what}) with ${link.auth === 'none' ? 'no authentication' : 'a password only'}`,
        message: link.implicit
          ? `${target} faces the internet and its logins do not require a second factor (controls.mfa is not true), so a `
            + 'stolen or guessed password opens it from anywhere. Enforce MFA on every interactive login, then set controls.mfa: true.'
          : `Link ${link.id} (${link.from} → ${link.to}${link.protocol ? `, ${link.protocol}` : ''}) authenticates with `
            + `'${link.auth}' into ${target}. Require MFA, a key or a certificate, or gate it.`,
        subjects: [link.id],
        location: link.loc,
      });
    }
    return findings;
  },
};
