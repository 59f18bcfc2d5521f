// A register whose every free-text value is hostile: pipes, HTML, backticks, line breaks, brackets, quotes, markdown
// block markers. Ids stay valid (the schema restricts them); everything a person types is attacker-controlled.

import type { Register } from '../../../src/register/types.js';
import { makeRegister } from '../../helpers/make-register.js';

export const HOSTILE = 'A|B <script>alert(1)</script> `tick` ]"\n# not a heading\n| --- | x |\r\n- item [link](javascript:x) ~~s~~ *e* $m$ {b}';

export function hostileRegister(text: string = HOSTILE, today = '2026-12-06'): Register {
  const past = '2020-01-01';
  return makeRegister({
    config: { organization: text } as never,
    zones: [
      { id: 'parking', name: `${text} parking`, trust: 1 },
      { id: 'office', name: `${text} office`, trust: 2 },
      { id: 'admin', name: `${text} admin`, trust: 4 },
    ],
    vendors: [
      {
        id: 'evil', name: text, tier: 'critical', owner: text, subprocessors: ['evil-sub'],
        contract: { ref: text, end: past }, assessments: [{ date: past, kind: 'questionnaire', result: 'fail', evidence: text }],
        contacts: [{ name: text, email: 'x@example.test', role: 'account' }], substitutability: 'none',
      },
      { id: 'evil-sub', name: `${text} sub`, tier: 'high', owner: text },
    ],
    systems: [
      { id: 'app', name: `${text} app`, zone: 'parking', vendor: 'evil', criticality: 'high', owner: text },
      { id: 'fs', name: `${text} fs`, zone: 'office', criticality: 'critical', depends_on: ['dc'], owner: text },
      { id: 'fw', name: `${text} fw`, zone: 'office', kind: 'firewall' },
      { id: 'dc', name: `${text} dc`, zone: 'admin', criticality: 'critical', records: 123456, data: 'restricted', owner: text,
        end_of_support: past, description: text },
      { id: 'web', name: `${text} web`, zone: 'office', criticality: 'high', depends_on: ['fs'], internet_facing: true, owner: text },
    ],
    links: [
      { from: 'evil', to: 'app', kind: 'remote-access', protocol: text, port: 3389, auth: 'password', purpose: text },
      { from: 'app', to: 'fs', protocol: 'smb', port: 445, auth: 'password' },
      { from: 'fs', to: 'dc', protocol: 'ldap', port: 389 },
      { from: 'web', to: 'fw', protocol: 'https', port: 443 },
      { from: 'fw', to: 'dc', protocol: 'ldaps', port: 636 },
      { id: 'app-creds', from: 'app', to: 'dc', kind: 'credential', description: text },
    ],
    segmentation: [{ id: 'parking-never-admin', description: text, from: { zones: ['parking'] }, to: { zones: ['admin'] }, allow_via: ['fw'] }],
    acceptances: [
      { finding: 'weak-authentication:*', reason: text, approved_by: text, expires: today, ticket: text,
        loc: { file: 'acc.yaml', line: 1, column: 1 }, fieldLocs: new Map() },
      { finding: 'contract-expired:evil', reason: text, approved_by: text, expires: past,
        loc: { file: 'acc.yaml', line: 5, column: 1 }, fieldLocs: new Map() },
    ],
  });
}
