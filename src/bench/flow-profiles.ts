// What a flow into a system looks like: the protocol, port and authentication a team would record for it, by the
// role of the target. Flows into sensitive targets (confidential data or a zone of trust 3+) are mostly strongly
// authenticated; a few percent are not, which is what weak-authentication and plaintext-protocol findings look like
// in a real register.

import type { AuthKind, DataClass, Trust } from '../register/types.js';
import type { SeededRandom } from './seeded-random.js';
import type { RoleName } from './system-roles.js';

export interface FlowProfile {
  protocol: string;
  port: number;
  auth: AuthKind;
  /** Only when the protocol's default (SPEC §1.6) would be wrong, as for Modbus or MQTT without TLS. */
  encrypted?: boolean;
}

export interface FlowTarget {
  role: RoleName;
  data: DataClass;
  trust: Trust;
}

const AUTH: Record<'userSensitive' | 'serviceSensitive' | 'user' | 'service', Partial<Record<AuthKind, number>>> = {
  userSensitive: { mfa: 77.5, key: 19, password: 3, none: 0.5 },
  serviceSensitive: { certificate: 46, key: 50.5, password: 3, none: 0.5 },
  user: { mfa: 35, password: 50, key: 10, none: 5 },
  service: { key: 35, certificate: 20, password: 30, none: 15 },
};

export function isSensitiveTarget(target: FlowTarget): boolean {
  return target.data === 'confidential' || target.data === 'restricted' || target.trust >= 3;
}

export function authFor(target: FlowTarget, user: boolean, rng: SeededRandom): AuthKind {
  const sensitive = isSensitiveTarget(target);
  return rng.weightedKey(AUTH[sensitive ? (user ? 'userSensitive' : 'serviceSensitive') : user ? 'user' : 'service']);
}

/** A flow initiated by a person (`user`) or a machine into `target`. */
export function flowInto(target: FlowTarget, user: boolean, rng: SeededRandom): FlowProfile {
  const auth = () => authFor(target, user, rng);
  const r = rng.next();
  switch (target.role) {
    case 'db': return { protocol: 'sql', port: rng.pick([5432, 3306, 1433, 1521]), auth: authFor(target, false, rng) };
    case 'dc':
      if (r < 0.55) return { protocol: 'ldaps', port: 636, auth: authFor(target, false, rng) };
      if (r < 0.97) return { protocol: 'kerberos', port: 88, auth: 'key' };
      return { protocol: 'ldap', port: 389, auth: rng.chance(0.3) ? 'password' : 'key' };
    case 'sso': return { protocol: 'https', port: 443, auth: authFor(target, false, rng) };
    case 'dns': return { protocol: 'dns', port: 53, auth: 'none' };
    case 'fs': return { protocol: r < 0.01 ? 'smb1' : 'smb', port: 445, auth: auth() };
    case 'chat': return { protocol: 'https', port: 443, auth: auth() };
    case 'mail': return r < 0.5 ? { protocol: 'smtp', port: 587, auth: auth() } : { protocol: 'imaps', port: 993, auth: auth() };
    case 'san': return { protocol: 'iscsi', port: 3260, auth: authFor(target, false, rng) };
    case 'mon': return { protocol: 'https', port: 443, auth: 'key' };
    case 'backup': return { protocol: 'https', port: 8443, auth: 'key' };
    case 'srv':
      if (r < 0.5) return { protocol: 'ssh', port: 22, auth: 'key' };
      if (r < 0.8) return { protocol: 'https', port: 443, auth: auth() };
      return { protocol: 'rdp', port: 3389, auth: authFor(target, true, rng) };
    case 'app': case 'portal': case 'api': case 'erp':
      if (r < 0.9) return { protocol: 'https', port: 443, auth: auth() };
      if (r < 0.97) return { protocol: 'https', port: 8443, auth: auth() };
      return { protocol: 'http', port: r < 0.99 ? 80 : 8080, auth: auth() };
    case 'fw': case 'sw': case 'ap': case 'proxy': case 'waf': case 'vpn':
      if (r < 0.01) return { protocol: 'telnet', port: 23, auth: 'password' };
      return r < 0.65 ? { protocol: 'ssh', port: 22, auth: 'key' } : { protocol: 'https', port: 443, auth: authFor(target, true, rng) };
    case 'bastion': return r < 0.6 ? { protocol: 'rdp', port: 3389, auth: 'mfa' } : { protocol: 'ssh', port: 22, auth: 'key' };
    case 'printer': return r < 0.7 ? { protocol: 'ipp', port: 631, auth: 'none' } : { protocol: 'jetdirect', port: 9100, auth: 'none', encrypted: false };
    case 'plc': return r < 0.8 ? { protocol: 'modbus', port: 502, auth: 'none', encrypted: false } : { protocol: 'opcua', port: 4840, auth: 'certificate' };
    case 'cam': return r < 0.4 ? { protocol: 'rtsp', port: 554, auth: 'password', encrypted: false } : { protocol: 'https', port: 443, auth: 'password' };
    case 'sensor': return r < 0.6 ? { protocol: 'mqtt', port: 1883, auth: 'none', encrypted: false } : { protocol: 'mqtts', port: 8883, auth: 'certificate' };
    case 'kiosk': return r < 0.85 ? { protocol: 'https', port: 443, auth: 'key' } : { protocol: 'vnc', port: 5900, auth: 'password' };
    case 'ws': case 'paw': case 'terminal': return { protocol: 'rdp', port: 3389, auth: authFor(target, true, rng) };
    case 'saas': return { protocol: 'https', port: 443, auth: user ? 'mfa' : 'key' };
  }
}

/** Ports tried, in order, when every drawn flow already exists: an application on a non-standard port. */
export const FALLBACK_PORTS: readonly number[] = [8443, 9443, 8000, 9000, 10443, 7443, 6443, 5443, 4443, 8081, 8082, 8888];
