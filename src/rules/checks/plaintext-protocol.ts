// plaintext-protocol (SPEC §3.1): cleartext traffic that crosses a zone boundary or carries a password.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Rule } from '../types.js';
import { linkTargets, nodeTrust, nodeZone } from '../node-facts.js';
import { NIS2 } from '../controls.js';

export const plaintextProtocol: Rule = {
  meta: {
    id: 'plaintext-protocol',
    family: 'link',
    title: 'Plaintext protocol across zones or with a password',
    defaultSeverity: 'medium',
    severityText: 'high into a zone of trust 3 or more, else medium',
    description: 'The link is unencrypted (explicitly, or by default for http, ftp, telnet, ldap, snmp, smb1 and vnc) and either '
      + 'crosses zones or authenticates with a password, which then travels in clear. Implicit internet edges are not checked.',
    fix: 'Switch to the encrypted variant (https, sftp, ssh, ldaps, snmpv3, smb3) or tunnel the flow, and set `encrypted: true`.',
    iso27001: ['A.8.20 Networks security', 'A.8.21 Security of network services', 'A.8.24 Use of cryptography'],
    nis2: [NIS2.cryptography],
  },
  check({ register }) {
    const findings: RawFinding[] = [];
    for (const link of register.links) {
      if (link.implicit || link.encrypted) continue;
      const crossesZones = nodeZone(register, link.from) !== nodeZone(register, link.to);
      if (!crossesZones && link.auth !== 'password') continue;
      const targetTrust = Math.max(...linkTargets(link).map((id) => nodeTrust(register, id)));
      const why = crossesZones
        ? `crosses from zone ${nodeZone(register, link.from)} to zone ${nodeZone(register, link.to)}`
        : 'carries a password';
      findings.push({
        id: findingId('plaintext-protocol', [link.id]),
        rule: 'plaintext-protocol',
        severity: targetTrust >= 3 ? 'high' : 'medium',
        title: `${link.id} uses plaintext ${link.protocol ?? 'traffic'} and ${why}`,
        message: `Link ${link.id} (${link.from} → ${link.to}) is unencrypted${link.protocol ? ` (${link.protocol})` : ''} and ${why}`
          + `${crossesZones && link.auth === 'password' ? ', with a password in clear' : ''}. Use the encrypted variant of the protocol.`,
        subjects: [link.id],
        location: link.fieldLocs.get('protocol') ?? link.loc,
      });
    }
    return findings;
  },
};
