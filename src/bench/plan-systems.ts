// The systems of a synthetic register, zone by zone: first each zone's infrastructure (directory, DNS, SSO, storage,
// monitoring, gateways, the zone's databases), then its ordinary systems; field zones are cut into small islands, each
// a vendor's solution around one application. Ids are assigned later (they depend on which vendors get a file).

import type { Level } from '../register/types.js';
import { SystemTrait } from './plan-types.js';
import type { CoreSystems, IslandPlan, SystemPlan, VendorCategory, VendorPlan, ZonePlan } from './plan-types.js';
import { WeightedChoice } from './seeded-random.js';
import type { SeededRandom } from './seeded-random.js';
import { criticalityOf, dataOf, randomTraits } from './system-profiles.js';
import type { RoleName } from './system-roles.js';
import { CORE_ZONE_IDS, HOTSPOTS_ZONE_ID } from './zone-templates.js';
import { zoneIndexById } from './plan-zones.js';

export interface PlantedSystems {
  /** Island applications with an ungated flow to the hub file server. */
  leakApps: number[];
  /** Office applications published on the internet without a gateway. */
  exposedApps: number[];
  legacyPortal: number;
  bulkDatabase: number;
  /** A critical application that depends on the single SSO. */
  criticalApp: number;
  ownerless: number;
}

export interface SystemsPlan {
  systems: SystemPlan[];
  islands: IslandPlan[];
  core: CoreSystems;
  zoneFirewall: number[];
  zoneDatabases: number[][];
  planted: PlantedSystems;
}

interface Slot {
  role: RoleName;
  core?: Exclude<keyof CoreSystems, 'hub'>;
  traits?: number;
  criticality?: Level;
}

const LEAK_ISLAND_ROLES: RoleName[] = ['app', 'kiosk', 'cam'];

export function planSystems(total: number, zones: readonly ZonePlan[], vendors: readonly VendorPlan[], rng: SeededRandom): SystemsPlan {
  const scale = (per: number) => Math.max(1, Math.round(total / per));
  const leakIslands = scale(5000);
  const exposedApps = scale(10000);
  const coreFirewalls = Math.min(8, Math.max(2, Math.round(zones.length / 4)));
  const ids = {
    dmz: zoneIndexById(zones, CORE_ZONE_IDS.dmz), office: zoneIndexById(zones, CORE_ZONE_IDS.office),
    admin: zoneIndexById(zones, CORE_ZONE_IDS.admin), servers: zoneIndexById(zones, CORE_ZONE_IDS.servers),
    parking: zoneIndexById(zones, CORE_ZONE_IDS.parking),
    finance: zones.find((z) => z.cls === 'sensitive')?.index ?? -1,
  };

  const infrastructure: Slot[][] = zones.map(() => []);
  const add = (zone: number, count: number, slot: Slot) => { for (let i = 0; i < count; i++) infrastructure[zone].push(slot); };
  add(ids.admin, 2 + 2 * Math.floor(total / 40000), { role: 'dc', core: 'domainControllers' });
  add(ids.admin, scale(5000), { role: 'bastion', core: 'adminBastions' });
  add(ids.servers, 2, { role: 'dns', core: 'dns' });
  add(ids.servers, 1, { role: 'sso', core: 'sso' });
  add(ids.servers, 1 + Math.floor(total / 50000), { role: 'san', core: 'storage' });
  add(ids.servers, scale(5000), { role: 'mon', core: 'monitoring' });
  add(ids.servers, scale(10000), { role: 'backup', core: 'backup' });
  add(ids.servers, scale(1000), { role: 'fs', core: 'fileServers' });
  add(ids.servers, 1, { role: 'chat', core: 'chat' });
  add(ids.servers, scale(25000), { role: 'mail', core: 'mail' });
  add(ids.servers, 1, { role: 'proxy', core: 'outboundProxy' });
  add(ids.servers, coreFirewalls, { role: 'fw', core: 'coreFirewalls', traits: SystemTrait.redundant });
  add(ids.dmz, scale(2000), { role: 'waf', core: 'wafs' });
  add(ids.dmz, scale(3000), { role: 'vpn', core: 'vpns' });
  add(ids.dmz, 1 + Math.floor(total / 20000), { role: 'bastion', core: 'dmzBastions' });
  add(ids.dmz, 1, { role: 'proxy', core: 'reverseProxy' });
  add(ids.dmz, 1, { role: 'portal', traits: SystemTrait.legacy | SystemTrait.internetFacing, criticality: 'high' });
  add(ids.office, exposedApps, { role: 'app', traits: SystemTrait.internetFacing });
  add(1, 1, { role: 'chat', core: 'saasChat', traits: SystemTrait.internetFacing });
  for (const zone of zones) {
    if (zone.cls === 'sensitive' || zone.cls === 'admin') add(zone.index, 1, { role: 'fw' });
  }
  if (ids.finance >= 0) add(ids.finance, 1, { role: 'erp', traits: SystemTrait.needsSso | SystemTrait.redundant });

  const minimum = zones.map((z) => z.cls === 'internet' ? 0
    : infrastructure[z.index].length + (z.index === ids.parking ? 3 * leakIslands + 2 : 2));
  const counts = apportion(total, zones.map((z) => z.cls === 'third-party' ? 3 : z.template?.weight ?? 0), minimum);

  const builder = new SystemBuilder(zones, vendors, rng);
  for (const zone of zones) {
    const count = counts[zone.index];
    if (count === 0) continue;
    const start = builder.systems.length;
    for (const slot of infrastructure[zone.index]) builder.add(zone.index, slot);
    if (zone.cls === 'field') {
      if (zone.index === ids.parking) {
        for (let k = 0; k < leakIslands; k++) builder.island(zone.index, LEAK_ISLAND_ROLES, true, 'planted');
      }
      builder.fillWithIslands(zone.index, start + count);
      continue;
    }
    if (zone.cls !== 'third-party') {
      const databases = Math.max(1, Math.round((count - infrastructure[zone.index].length) * 0.06));
      for (let k = 0; k < databases && builder.systems.length < start + count; k++) builder.add(zone.index, { role: 'db' });
    }
    const mix = zone.cls === 'third-party' ? { saas: 1 } : zone.template?.roles ?? { srv: 1 };
    while (builder.systems.length < start + count) builder.add(zone.index, { role: rng.weightedKey(mix) });
  }
  return builder.finish(ids, leakIslands);
}

/** Splits `total` by weight, every share at least its minimum (largest remainders, ties to the lower index). */
export function apportion(total: number, weights: readonly number[], minimum: readonly number[]): number[] {
  const counts = minimum.slice();
  const spare = total - counts.reduce((a, b) => a + b, 0);
  if (spare < 0) throw new RangeError(`register size: ${total} systems cannot hold the infrastructure of ${weights.length} zones`);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / weightSum);
  let given = 0;
  for (let i = 0; i < counts.length; i++) {
    counts[i] += Math.floor(exact[i]);
    given += Math.floor(exact[i]);
  }
  const order = exact.map((e, i) => i).sort((a, b) => (exact[b] - Math.floor(exact[b])) - (exact[a] - Math.floor(exact[a])) || a - b);
  for (let k = 0; given < spare; k = (k + 1) % order.length) {
    if (weights[order[k]] > 0) { counts[order[k]]++; given++; }
  }
  return counts;
}

class SystemBuilder {
  readonly systems: SystemPlan[] = [];
  readonly islands: IslandPlan[] = [];
  readonly core: Omit<CoreSystems, 'hub'> = {
    domainControllers: [], dns: [], sso: -1, storage: [], monitoring: [], backup: [], fileServers: [], chat: -1, mail: [],
    outboundProxy: -1, coreFirewalls: [], adminBastions: [], wafs: [], vpns: [], dmzBastions: [], reverseProxy: -1, saasChat: -1,
  };
  readonly zoneFirewall: number[];
  readonly zoneDatabases: number[][];
  private readonly leakApps: number[] = [];
  private readonly vendorPools = new Map<VendorCategory, WeightedChoice<number>>();

  constructor(private readonly zones: readonly ZonePlan[], private readonly vendors: readonly VendorPlan[], private readonly rng: SeededRandom) {
    this.zoneFirewall = zones.map(() => -1);
    this.zoneDatabases = zones.map(() => []);
    // Within a category, vendor shares follow a Zipf-like law (weight 1/(rank+2): divisions are exactly rounded on
    // every engine, unlike Math.pow): a few suppliers provide many of the systems.
    const byCategory = new Map<VendorCategory, number[]>();
    for (const vendor of vendors) {
      const members = byCategory.get(vendor.category) ?? [];
      members.push(vendor.index);
      byCategory.set(vendor.category, members);
    }
    for (const [category, members] of byCategory) {
      this.vendorPools.set(category, new WeightedChoice(members, members.map((_, rank) => 1 / (rank + 2))));
    }
  }

  add(zone: number, slot: Slot, island = -1, vendor = this.vendorFor(slot.role, zone)): number {
    const cls = this.zones[zone].cls;
    const index = this.systems.length;
    const criticality = slot.criticality ?? criticalityOf(slot.role, cls, this.rng);
    const data = dataOf(slot.role, cls, this.rng);
    const traits = randomTraits(slot.role, cls, this.zones[zone].id, criticality, data, this.rng) | (slot.traits ?? 0);
    this.systems.push({ index, id: '', zone, role: slot.role, vendor, criticality, data, island, traits, networkQuota: 0, ordinal: 0 });
    if (vendor >= 0) this.vendors[vendor].systems.push(index);
    if (slot.core) {
      const entry = this.core[slot.core];
      if (Array.isArray(entry)) entry.push(index);
      else this.core[slot.core] = index as never;
    }
    if (slot.role === 'fw' && !slot.core) this.zoneFirewall[zone] = index;
    if (slot.role === 'db' && island < 0) this.zoneDatabases[zone].push(index);
    return index;
  }

  island(zone: number, roles: RoleName[], closed: boolean, uplinks: IslandPlan['uplinks']): void {
    const index = this.islands.length;
    const vendor = this.pickVendor(this.zones[zone].id.startsWith(HOTSPOTS_ZONE_ID) ? 'network' : 'field');
    const members = roles.map((role) => this.add(zone, { role }, index, vendor));
    this.islands.push({ zone, members, vendor, closed, uplinks });
    if (uplinks === 'planted') {
      this.leakApps.push(members[0]);
      this.systems[members[0]].criticality = 'high';
    }
  }

  fillWithIslands(zone: number, end: number): void {
    const template = this.zones[zone].template;
    const devices = template?.roles ?? { sensor: 1 };
    const applianceOnly = this.zones[zone].id.startsWith(HOTSPOTS_ZONE_ID) || this.zones[zone].id.startsWith('guests');
    while (this.systems.length < end) {
      const remaining = end - this.systems.length;
      let size = Math.min(remaining, this.rng.between(2, 8));
      if (remaining - size === 1) size++;
      const roles: RoleName[] = [];
      if (!applianceOnly) roles.push(this.rng.chance(0.7) ? 'app' : 'srv');
      if (size >= 4 && !applianceOnly && this.rng.chance(0.5)) roles.push('db');
      if (size >= 5 && this.rng.chance(0.5)) roles.push('sw');
      while (roles.length < size) roles.push(this.rng.weightedKey(devices));
      const closed = applianceOnly || this.rng.chance(0.35);
      this.island(zone, roles, closed, applianceOnly ? 'none' : 'random');
    }
  }

  private vendorFor(role: RoleName, zone: number): number {
    const r = this.rng.next();
    switch (role) {
      case 'sw': case 'ap': case 'fw': case 'vpn': case 'waf': case 'proxy': case 'san':
        return r < 0.9 ? this.pickVendor('network') : -1;
      case 'erp': return this.pickVendor('software');
      case 'app': case 'portal': case 'api': return r < 0.6 ? this.pickVendor('software') : -1;
      case 'db': return r < 0.2 ? this.pickVendor('software') : -1;
      case 'srv': return r < 0.2 ? this.pickVendor('software') : r < 0.3 ? this.pickVendor('services') : -1;
      case 'mon': case 'backup': return r < 0.5 ? this.pickVendor('software') : -1;
      case 'chat': return this.zones[zone].cls === 'third-party' ? this.pickVendor('saas') : r < 0.4 ? this.pickVendor('software') : -1;
      case 'mail': return r < 0.4 ? this.pickVendor('software') : -1;
      case 'printer': return r < 0.7 ? this.pickVendor('services') : -1;
      case 'saas': return this.pickVendor('saas');
      default: return -1;
    }
  }

  private pickVendor(category: VendorCategory): number {
    return this.vendorPools.get(category)?.pick(this.rng) ?? -1;
  }

  finish(ids: { office: number; finance: number }, leakIslands: number): SystemsPlan {
    const { systems, core } = this;
    if (this.leakApps.length !== leakIslands) throw new Error('internal: leak islands were not all placed');
    const find = (test: (s: SystemPlan) => boolean, what: string) => {
      const found = systems.find(test);
      if (!found) throw new Error(`internal: no system for ${what}`);
      return found.index;
    };
    const criticalApp = find((s) => s.role === 'erp' || (s.role === 'app' && s.zone === ids.finance), 'the SSO dependant');
    const bulkDatabase = find((s) => s.role === 'db' && this.zones[s.zone].cls === 'sensitive', 'the bulk database');
    systems[bulkDatabase].traits |= SystemTrait.bulkUnprotected;
    if (systems[bulkDatabase].data !== 'restricted') systems[bulkDatabase].data = 'confidential';
    const ownerless = find((s) => s.role === 'app' && s.zone === ids.office && !(s.traits & SystemTrait.internetFacing), 'the ownerless system');
    systems[ownerless].traits |= SystemTrait.noOwner;
    if (systems[ownerless].criticality !== 'critical') systems[ownerless].criticality = 'high';
    return {
      systems,
      islands: this.islands,
      core: { ...core, hub: core.fileServers[0] },
      zoneFirewall: this.zoneFirewall,
      zoneDatabases: this.zoneDatabases,
      planted: {
        leakApps: this.leakApps,
        exposedApps: systems.filter((s) => s.zone === ids.office && s.role === 'app' && s.traits & SystemTrait.internetFacing).map((s) => s.index),
        legacyPortal: find((s) => s.role === 'portal' && (s.traits & SystemTrait.legacy) !== 0 && (s.traits & SystemTrait.internetFacing) !== 0, 'the legacy portal'),
        bulkDatabase,
        criticalApp,
        ownerless,
      },
    };
  }
}
