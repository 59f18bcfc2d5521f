// What each synthetic system is: a role gives its SPEC kind, a display label, the short token used in its id, and how
// many network flows it typically initiates (monitoring and backup servers talk to many systems, printers to none).

import type { SystemKind } from '../register/types.js';

export type RoleName =
  | 'ws' | 'paw' | 'terminal' | 'app' | 'portal' | 'api' | 'erp' | 'db' | 'srv' | 'fs' | 'dc' | 'sso' | 'dns' | 'san'
  | 'mon' | 'backup' | 'chat' | 'mail' | 'fw' | 'bastion' | 'vpn' | 'waf' | 'proxy' | 'sw' | 'ap' | 'plc' | 'cam'
  | 'sensor' | 'kiosk' | 'printer' | 'saas';

export interface RoleInfo {
  kind: SystemKind;
  label: string;
  /** The role's segment in generated ids (at most 7 characters). */
  token: string;
  /** Relative number of network flows the system initiates. */
  flows: number;
}

export const ROLES: Readonly<Record<RoleName, RoleInfo>> = {
  ws: { kind: 'workstation', token: 'ws', label: 'workstation', flows: 3 },
  paw: { kind: 'workstation', token: 'paw', label: 'admin workstation', flows: 4 },
  terminal: { kind: 'workstation', token: 'term', label: 'public terminal', flows: 1 },
  app: { kind: 'application', token: 'app', label: 'application', flows: 6 },
  portal: { kind: 'application', token: 'portal', label: 'portal', flows: 5 },
  api: { kind: 'application', token: 'api', label: 'API', flows: 5 },
  erp: { kind: 'application', token: 'erp', label: 'ERP', flows: 8 },
  db: { kind: 'database', token: 'db', label: 'database', flows: 1.5 },
  srv: { kind: 'server', token: 'srv', label: 'server', flows: 5 },
  fs: { kind: 'server', token: 'fs', label: 'file server', flows: 2 },
  dc: { kind: 'identity', token: 'dc', label: 'domain controller', flows: 3 },
  sso: { kind: 'identity', token: 'sso', label: 'single sign-on', flows: 2 },
  dns: { kind: 'server', token: 'dns', label: 'DNS resolver', flows: 1 },
  san: { kind: 'server', token: 'san', label: 'storage array', flows: 1 },
  mon: { kind: 'server', token: 'mon', label: 'monitoring', flows: 40 },
  backup: { kind: 'server', token: 'backup', label: 'backup server', flows: 25 },
  chat: { kind: 'messaging', token: 'chat', label: 'team chat', flows: 3 },
  mail: { kind: 'messaging', token: 'mail', label: 'mail server', flows: 3 },
  fw: { kind: 'firewall', token: 'fw', label: 'firewall', flows: 1 },
  bastion: { kind: 'jump-host', token: 'bastion', label: 'bastion', flows: 8 },
  vpn: { kind: 'vpn-gateway', token: 'vpn', label: 'VPN gateway', flows: 6 },
  waf: { kind: 'waf', token: 'waf', label: 'web application firewall', flows: 5 },
  proxy: { kind: 'proxy', token: 'proxy', label: 'proxy', flows: 3 },
  sw: { kind: 'network-device', token: 'sw', label: 'switch', flows: 1 },
  ap: { kind: 'network-device', token: 'ap', label: 'Wi-Fi access point', flows: 1 },
  plc: { kind: 'ot-device', token: 'plc', label: 'PLC', flows: 1.5 },
  cam: { kind: 'ot-device', token: 'cam', label: 'camera', flows: 1 },
  sensor: { kind: 'ot-device', token: 'sensor', label: 'sensor', flows: 1 },
  kiosk: { kind: 'other', token: 'kiosk', label: 'kiosk', flows: 1.5 },
  printer: { kind: 'other', token: 'printer', label: 'printer', flows: 0.5 },
  saas: { kind: 'saas', token: 'saas', label: 'SaaS', flows: 1.5 },
};

export const WORKSTATION_ROLES: ReadonlySet<RoleName> = new Set(['ws', 'paw', 'terminal']);
export const SERVICE_ROLES: ReadonlySet<RoleName> = new Set(['app', 'portal', 'api', 'erp', 'srv']);
export const DEVICE_ROLES: ReadonlySet<RoleName> = new Set(['plc', 'cam', 'sensor', 'kiosk', 'printer', 'ap', 'sw']);
export const GATEWAY_ROLES: ReadonlySet<RoleName> = new Set(['fw', 'bastion', 'vpn', 'waf', 'proxy']);
