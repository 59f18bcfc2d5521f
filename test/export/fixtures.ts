// Registers shared by the export tests: a small city with every node shape and link kind, and names written to
// break each output format (pipes, HTML, backticks, quotes, brackets, newlines, DOT/XML metacharacters).

import { buildAttackGraph, type AttackGraph } from '../../src/graph/attack-graph.js';
import type { Register } from '../../src/register/types.js';
import { makeRegister } from '../helpers/make-register.js';

export const HOSTILE = 'A|B <script>alert(1)</script> `x` "q" ] [ {c} #quot; & ; \\N\nline2\r\n\u0007\u202e';

export function hostileRegister(): Register {
  return makeRegister({
    config: { organization: `Ville ${HOSTILE}` },
    zones: [
      { id: 'admin', name: `Admin ${HOSTILE}`, trust: 4 },
      { id: 'office', name: 'Office "LAN"]', trust: 2 },
      { id: 'parking', name: 'Parking\nzone', trust: 1 },
      { id: 'dmz', name: 'DMZ', trust: 1 },
    ],
    vendors: [
      { id: 'parkco', name: HOSTILE, tier: 'high', subprocessors: ['constructor'], owner: 'Ops]"', contract: { end: '2027-01-01' } },
      { id: 'constructor', name: 'constructor', tier: 'low', notes: '<b>fourth party</b>' },
    ],
    systems: [
      { id: 'valueof', name: `Parking app ${HOSTILE}`, zone: 'parking', vendor: 'parkco', internet_facing: true, tags: ['iot', 'a,b'] },
      { id: 'fw-1', name: 'Firewall', zone: 'dmz', kind: 'firewall' },
      { id: 'ad-dc', name: 'AD "DC"', zone: 'admin', kind: 'identity', criticality: 'critical', data: 'restricted', records: 12000, controls: { mfa: false } },
      { id: 'hr-db', name: 'HR `db`', zone: 'office', kind: 'database', data: 'confidential', redundant: true, end_of_support: '2020-01-01' },
      { id: 'chat', name: 'Chat {saas}', zone: 'office', kind: 'messaging' },
      { id: 'proto', name: 'proto', zone: 'office', kind: 'other', enforcement: false },
    ],
    links: [
      { from: 'valueof', to: 'hr-db', protocol: 'smb', port: 445, description: HOSTILE, via: ['fw-1'] },
      { from: 'hr-db', to: 'ad-dc', protocol: 'ldap', port: 389, bidirectional: true },
      { from: 'parkco', to: 'valueof', kind: 'remote-access', protocol: 'rdp', auth: 'password' },
      { from: 'chat', to: 'ad-dc', kind: 'credential', purpose: 'passwords "pasted"' },
      { from: 'fw-1', to: 'ad-dc', protocol: `x${HOSTILE}`, port: 636, auth: 'mfa' },
      { id: 'hr-db-to-ad-dc-alt', from: 'hr-db', to: 'ad-dc', protocol: 'ldaps', port: 636 },
      { from: 'constructor', to: 'proto', kind: 'remote-access', bidirectional: true, on_demand: true, auth: 'mfa' },
    ],
  });
}

export function hostileGraph(): { register: Register; graph: AttackGraph } {
  const register = hostileRegister();
  return { register, graph: buildAttackGraph(register) };
}
