// The link and system rules of SPEC §3.1: each fires exactly on its case, at the specified severity, and not otherwise.

import { describe, expect, it } from 'vitest';
import { weakAuthentication } from '../../../src/rules/checks/weak-authentication.js';
import { plaintextProtocol } from '../../../src/rules/checks/plaintext-protocol.js';
import { vendorRemoteAccess } from '../../../src/rules/checks/vendor-remote-access.js';
import { credentialExposure } from '../../../src/rules/checks/credential-exposure.js';
import { legacyExposed } from '../../../src/rules/checks/legacy-exposed.js';
import { bulkDataUnprotected } from '../../../src/rules/checks/bulk-data-unprotected.js';
import type { RegisterInput } from '../../helpers/make-register.js';
import { runRule } from '../hygiene/run-rule.js';

const TODAY = '2026-12-06';
const zones: RegisterInput['zones'] = [
  { id: 'guest', trust: 1 }, { id: 'lan', trust: 2 }, { id: 'hr', trust: 3 }, { id: 'admin', trust: 4 },
];
const summary = (findings: { id: string; severity: string }[]) => findings.map((f) => `${f.id}=${f.severity}`);

describe('weak-authentication', () => {
  const systems: RegisterInput['systems'] = [
    { id: 'wks', zone: 'lan' }, { id: 'crm', zone: 'lan', data: 'confidential' }, { id: 'vault', zone: 'lan', data: 'restricted' },
    { id: 'hr-app', zone: 'hr' }, { id: 'dc', zone: 'admin' }, { id: 'wiki', zone: 'lan' },
  ];
  const check = (links: RegisterInput['links']) => summary(runRule(weakAuthentication, { zones, systems, links }, TODAY));

  it('fires on none/password into confidential data or trust ≥ 3, with the specified severity', () => {
    expect(check([
      { from: 'wks', to: 'crm', auth: 'password' },
      { from: 'wks', to: 'vault' },
      { from: 'wks', to: 'hr-app', auth: 'password' },
      { from: 'wks', to: 'dc', auth: 'none' },
    ])).toEqual(['weak-authentication:wks-to-crm=medium', 'weak-authentication:wks-to-dc=high', 'weak-authentication:wks-to-hr-app=medium', 'weak-authentication:wks-to-vault=high']);
  });

  it('does not fire on strong authentication or on an ordinary target', () => {
    expect(check([
      { from: 'wks', to: 'dc', auth: 'mfa' }, { from: 'wks', to: 'vault', auth: 'key' },
      { from: 'wks', to: 'crm', auth: 'certificate' }, { from: 'crm', to: 'wiki', auth: 'none' },
    ])).toEqual([]);
  });

  it('counts either end of a bidirectional link as a target', () => {
    expect(check([{ from: 'wiki', to: 'dc', auth: 'password', bidirectional: true }, { from: 'dc', to: 'wks', auth: 'password', bidirectional: true }])).toEqual(['weak-authentication:dc-to-wks=high', 'weak-authentication:wiki-to-dc=high']);
  });
}, 30_000);

describe('plaintext-protocol', () => {
  const systems: RegisterInput['systems'] = [{ id: 'a', zone: 'lan' }, { id: 'b', zone: 'lan' }, { id: 'c', zone: 'hr' }, { id: 'g', zone: 'guest' }];
  const check = (links: RegisterInput['links']) => summary(runRule(plaintextProtocol, { zones, systems, links }, TODAY));

  it('fires on an unencrypted link that crosses zones or carries a password', () => {
    expect(check([
      { from: 'a', to: 'c', protocol: 'ldap' },
      { from: 'a', to: 'b', protocol: 'telnet', auth: 'password' },
      { from: 'g', to: 'a', protocol: 'https', encrypted: false },
    ])).toEqual(['plaintext-protocol:a-to-b=medium', 'plaintext-protocol:a-to-c=high', 'plaintext-protocol:g-to-a=medium']);
  });

  it('does not fire on encrypted links, or plaintext inside one zone without a password', () => {
    expect(check([
      { from: 'a', to: 'c', protocol: 'ldaps' }, { from: 'a', to: 'b', protocol: 'http' },
      { from: 'a', to: 'c', protocol: 'http', encrypted: true, id: 'tunnelled' },
    ])).toEqual([]);
  });
});

describe('vendor-remote-access', () => {
  const input = (links: RegisterInput['links']): RegisterInput => ({
    zones, vendors: [{ id: 'acme' }], systems: [{ id: 'app', zone: 'lan' }, { id: 'dc', zone: 'admin' }, { id: 'w', zone: 'lan' }], links,
  });
  const check = (links: RegisterInput['links']) => summary(runRule(vendorRemoteAccess, input(links), TODAY));

  it('fires when a vendor\'s remote access lacks MFA or is always on; critical into trust ≥ 3', () => {
    expect(check([
      { from: 'acme', to: 'app', kind: 'remote-access', auth: 'mfa' },
      { from: 'acme', to: 'dc', kind: 'remote-access', auth: 'password', on_demand: true },
    ])).toEqual(['vendor-remote-access:acme-to-app=high', 'vendor-remote-access:acme-to-dc=critical']);
  });

  it('does not fire on MFA + on-demand access, on non-vendor sources, or on network links', () => {
    expect(check([
      { from: 'acme', to: 'dc', kind: 'remote-access', auth: 'mfa', on_demand: true },
      { from: 'w', to: 'dc', kind: 'remote-access', auth: 'password' },
      { from: 'acme', to: 'app', kind: 'network', auth: 'password' },
    ])).toEqual([]);
  });
});

describe('credential-exposure', () => {
  const systems: RegisterInput['systems'] = [
    { id: 'chat', zone: 'admin', kind: 'messaging' }, { id: 'crm-saas', zone: 'lan', kind: 'saas' }, { id: 'lan-app', zone: 'lan' },
    { id: 'db', zone: 'hr', data: 'restricted' }, { id: 'hr-app', zone: 'hr' }, { id: 'dc', zone: 'admin' },
  ];
  const check = (links: RegisterInput['links']) => summary(runRule(credentialExposure, { zones, systems, links }, TODAY));

  it('fires when the holder sits in a lower-trust zone, or is a messaging/SaaS system', () => {
    expect(check([
      { from: 'chat', to: 'db', kind: 'credential' },
      { from: 'crm-saas', to: 'lan-app', kind: 'credential' },
      { from: 'lan-app', to: 'hr-app', kind: 'credential' },
    ])).toEqual(['credential-exposure:chat-to-db=critical', 'credential-exposure:crm-saas-to-lan-app=high', 'credential-exposure:lan-app-to-hr-app=high']);
  });

  it('does not fire for a holder of equal or higher trust, or on network links', () => {
    expect(check([{ from: 'dc', to: 'hr-app', kind: 'credential' }, { from: 'hr-app', to: 'db', kind: 'credential' }, { from: 'chat', to: 'db' }])).toEqual([]);
  });
});

describe('legacy-exposed', () => {
  const base = (systems: RegisterInput['systems'], links: RegisterInput['links']) =>
    summary(runRule(legacyExposed, { zones, systems, links }, TODAY));

  it('fires on a system past end of support reachable from internet or another trust ≤ 1 node', () => {
    expect(base(
      [{ id: 'web', zone: 'lan', internet_facing: true, end_of_support: '2020-01-01' }, { id: 'g', zone: 'guest' },
        { id: 'mid', zone: 'lan' }, { id: 'old', zone: 'lan', end_of_support: TODAY }],
      [{ from: 'g', to: 'mid', kind: 'credential' }, { from: 'mid', to: 'old' }],
    )).toEqual(['legacy-exposed:web=high', 'legacy-exposed:old=medium']);
  });

  it('does not fire when support has not ended, when unreachable, or when only the node itself is low-trust', () => {
    expect(base(
      [{ id: 'new', zone: 'lan', internet_facing: true, end_of_support: '2026-12-07' }, { id: 'island', zone: 'lan', end_of_support: '2019-01-01' },
        { id: 'g-old', zone: 'guest', end_of_support: '2019-01-01' }, { id: 'w', zone: 'lan' }],
      [{ from: 'island', to: 'w' }, { from: 'g-old', to: 'w' }],
    )).toEqual([]);
  });
});

describe('bulk-data-unprotected', () => {
  const check = (systems: RegisterInput['systems']) => summary(runRule(bulkDataUnprotected, { zones, systems }, TODAY));

  it('fires on ≥ threshold records of confidential data lacking rate limiting or an audit log', () => {
    expect(check([
      { id: 'hr', zone: 'hr', records: 243000, data: 'confidential', controls: { audit_log: true } },
      { id: 'at-threshold', zone: 'hr', records: 10000, data: 'restricted', controls: { rate_limit: true } },
    ])).toEqual(['bulk-data-unprotected:hr=high', 'bulk-data-unprotected:at-threshold=high']);
  });

  it('does not fire below the threshold, on internal data, or with both controls', () => {
    expect(check([
      { id: 'small', zone: 'hr', records: 9999, data: 'restricted' },
      { id: 'internal', zone: 'hr', records: 500000, data: 'internal' },
      { id: 'guarded', zone: 'hr', records: 500000, data: 'restricted', controls: { rate_limit: true, audit_log: true } },
    ])).toEqual([]);
  });
});
