// How critical a synthetic system is, what data it holds, and which traits it carries, by role and by the class of
// its zone. The rates are those of a mid-sized public body: most systems are medium, sensitive zones hold
// confidential data, a few percent are past end of support, a few bulk-data stores lack rate limiting.

import type { DataClass, Level } from '../register/types.js';
import { SystemTrait } from './plan-types.js';
import type { SeededRandom } from './seeded-random.js';
import type { RoleName } from './system-roles.js';
import { SERVICE_ROLES, WORKSTATION_ROLES } from './system-roles.js';
import type { ZoneClass } from './zone-templates.js';

type Weights<K extends string> = Partial<Record<K, number>>;

const FIXED_CRITICALITY: Partial<Record<RoleName, Level>> = {
  dc: 'critical', sso: 'critical', erp: 'critical', dns: 'high', san: 'high', fw: 'high', vpn: 'high', waf: 'high',
  bastion: 'high', backup: 'high', fs: 'high', mail: 'high', proxy: 'medium', mon: 'medium', chat: 'medium',
};

const SERVICE_CRITICALITY: Record<ZoneClass, Weights<Level>> = {
  sensitive: { low: 10, medium: 50, high: 35, critical: 5 },
  admin: { low: 10, medium: 40, high: 45, critical: 5 },
  internal: { low: 25, medium: 50, high: 23, critical: 2 },
  dmz: { low: 20, medium: 50, high: 28, critical: 2 },
  'third-party': { low: 20, medium: 50, high: 28, critical: 2 },
  field: { low: 30, medium: 55, high: 15 },
  internet: { low: 100 },
};

export function criticalityOf(role: RoleName, cls: ZoneClass, rng: SeededRandom): Level {
  const fixed = FIXED_CRITICALITY[role];
  if (fixed) return fixed;
  if (WORKSTATION_ROLES.has(role)) return rng.weightedKey<Level>({ low: 80, medium: 20 });
  if (role === 'db') {
    return rng.weightedKey<Level>(cls === 'sensitive' || cls === 'admin'
      ? { medium: 30, high: 60, critical: 10 } : { low: 10, medium: 60, high: 30 });
  }
  if (SERVICE_ROLES.has(role) || role === 'saas') return rng.weightedKey(SERVICE_CRITICALITY[cls]);
  if (role === 'plc') return rng.weightedKey<Level>({ low: 30, medium: 40, high: 30 });
  return rng.weightedKey<Level>({ low: 50, medium: 40, high: 10 });
}

const FIXED_DATA: Partial<Record<RoleName, DataClass>> = {
  dc: 'restricted', sso: 'restricted', backup: 'restricted', bastion: 'confidential', fs: 'confidential',
  mail: 'confidential', chat: 'confidential', san: 'confidential',
};

const SERVICE_DATA: Record<ZoneClass, Weights<DataClass>> = {
  sensitive: { internal: 10, confidential: 70, restricted: 20 },
  admin: { confidential: 50, restricted: 50 },
  internal: { public: 5, internal: 70, confidential: 25 },
  dmz: { public: 40, internal: 40, confidential: 20 },
  'third-party': { internal: 50, confidential: 45, restricted: 5 },
  field: { public: 20, internal: 80 },
  internet: { public: 100 },
};

export function dataOf(role: RoleName, cls: ZoneClass, rng: SeededRandom): DataClass {
  const fixed = FIXED_DATA[role];
  if (fixed) return fixed;
  if (role === 'db') {
    if (cls === 'sensitive') return rng.weightedKey<DataClass>({ confidential: 60, restricted: 40 });
    if (cls === 'admin') return 'restricted';
    if (cls === 'field') return 'internal';
    return rng.weightedKey<DataClass>({ internal: 50, confidential: 50 });
  }
  if (SERVICE_ROLES.has(role) || role === 'saas') return rng.weightedKey(SERVICE_DATA[cls]);
  if (WORKSTATION_ROLES.has(role) || role === 'dns' || role === 'mon') return 'internal';
  return rng.weightedKey<DataClass>({ public: 40, internal: 60 });
}

const LEGACY_ROLES: ReadonlySet<RoleName> = new Set(['app', 'portal', 'api', 'srv', 'db', 'ws', 'plc', 'kiosk', 'printer', 'cam']);
const BULK_ROLES: ReadonlySet<RoleName> = new Set(['app', 'portal', 'api', 'erp', 'db', 'saas']);

/** Traits drawn at random; planted ones are added by the caller. */
export function randomTraits(role: RoleName, cls: ZoneClass, zoneId: string, criticality: Level, data: DataClass, rng: SeededRandom): number {
  let traits = 0;
  if (internetFacingByRole(role, cls, zoneId, rng)) traits |= SystemTrait.internetFacing;
  if (LEGACY_ROLES.has(role) && rng.chance(0.02)) traits |= SystemTrait.legacy;
  if (redundantByRole(role, cls, rng)) traits |= SystemTrait.redundant;
  const important = criticality === 'high' || criticality === 'critical';
  if (rng.chance(important ? 0.04 : 0.3)) traits |= SystemTrait.noOwner;
  if (BULK_ROLES.has(role) && (data === 'confidential' || data === 'restricted') && rng.chance(0.04)) {
    traits |= SystemTrait.bulkUnprotected;
  }
  return traits;
}

function internetFacingByRole(role: RoleName, cls: ZoneClass, zoneId: string, rng: SeededRandom): boolean {
  if (cls === 'third-party') return true;
  if (cls === 'dmz') {
    if (role === 'waf' || role === 'vpn' || role === 'proxy') return true;
    if (role === 'portal') return rng.chance(0.15);
    if (role === 'api') return rng.chance(0.1);
    return false;
  }
  if (cls === 'field') return (role === 'ap' && zoneId.startsWith('hotspots')) || (role === 'kiosk' && rng.chance(0.08));
  return false;
}

function redundantByRole(role: RoleName, cls: ZoneClass, rng: SeededRandom): boolean {
  switch (role) {
    case 'san': case 'mail': return true;
    case 'db': return rng.chance(cls === 'sensitive' || cls === 'admin' ? 0.5 : 0.15);
    case 'erp': return rng.chance(0.4);
    case 'waf': case 'vpn': return rng.chance(0.5);
    case 'app': case 'portal': case 'api': return rng.chance(0.03);
    default: return false;
  }
}
