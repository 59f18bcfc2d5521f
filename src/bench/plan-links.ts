// The link budget of a synthetic register: planted links (the paths and risky flows every size must show), a few
// credential links, vendor remote access, and each system's quota of randomly drawn network flows. The parts add up
// to exactly size.links. Quotas are proportional to how chatty a role is, capped for island devices (which only
// talk inside their island), so that every quota can be filled with distinct link ids.

import type { LinkSpec } from './link-spec.js';
import type { PlantedSystems } from './plan-systems.js';
import type { CoreSystems, IslandPlan, SystemPlan, VendorPlan, ZonePlan } from './plan-types.js';
import type { SeededRandom } from './seeded-random.js';
import { ROLES, SERVICE_ROLES, WORKSTATION_ROLES } from './system-roles.js';

export interface PlantedLinks {
  systemLinks: Map<number, LinkSpec[]>;
  vendorLinks: Map<number, LinkSpec[]>;
  /** Id of the hub → domain controller flow (plaintext LDAP with a password). */
  hubToDirectory: string;
  /** Ids of vendor remote-access links that bypass every gateway. */
  directRemoteAccess: string[];
}

interface LinkPlanInput {
  links: number;
  zones: readonly ZonePlan[];
  systems: readonly SystemPlan[];
  vendors: VendorPlan[];
  islands: readonly IslandPlan[];
  core: CoreSystems;
  zoneDatabases: readonly number[][];
  zoneFirewall: readonly number[];
  planted: PlantedSystems;
}

export function planLinks(input: LinkPlanInput, rng: SeededRandom): PlantedLinks {
  const planted = plantLinks(input, rng);
  planCredentialLinks(input, planted.systemLinks, rng);
  let plantedCount = 0;
  for (const links of planted.systemLinks.values()) plantedCount += links.length;
  let plantedRemote = 0;
  for (const links of planted.vendorLinks.values()) plantedRemote += links.length;
  const remote = Math.max(plantedRemote + 1, Math.round(input.links * 0.015));
  planRemoteAccessQuotas(input.vendors, input.systems, remote - plantedRemote, rng);
  const network = input.links - remote - plantedCount;
  if (network < 0) throw new RangeError(`register size: ${input.links} links are too few for the planted ones`);
  planNetworkQuotas(input, network, rng);
  return planted;
}

function plantLinks(input: LinkPlanInput, rng: SeededRandom): PlantedLinks {
  const { systems, core, planted, vendors, zones } = input;
  const systemLinks = new Map<number, LinkSpec[]>();
  const vendorLinks = new Map<number, LinkSpec[]>();
  const addSystemLink = (from: number, link: LinkSpec) => {
    const list = systemLinks.get(from) ?? [];
    list.push(link);
    systemLinks.set(from, list);
  };
  const id = (i: number) => systems[i].id;
  const hub = core.hub;
  const directory = core.domainControllers[0];
  addSystemLink(hub, { from: id(hub), to: id(directory), protocol: 'ldap', port: 389, auth: 'password',
    purpose: 'Share permissions lookups (simple bind)' });
  for (const app of planted.leakApps) {
    addSystemLink(app, { from: id(app), to: id(hub), protocol: 'smb', port: 445, auth: 'password',
      purpose: 'Nightly export of pay-station transactions', ticket: `CHG-2019-${String(100 + app % 900).padStart(4, '0')}` });
  }
  for (const app of planted.exposedApps) addSystemLink(app, { from: id(app), to: id(hub), protocol: 'smb', port: 445, auth: 'key' });
  const monitored = systems.find((s) => s.role === 'sw' && s.zone !== systems[core.monitoring[0]].zone && s.island < 0);
  if (monitored) {
    addSystemLink(core.monitoring[0], { from: id(core.monitoring[0]), to: monitored.id, protocol: 'snmp', port: 161, purpose: 'monitoring' });
  }

  const directRemoteAccess: string[] = [];
  const addVendorLink = (vendor: number, link: LinkSpec) => {
    const list = vendorLinks.get(vendor) ?? [];
    list.push(link);
    vendorLinks.set(vendor, list);
  };
  // A supplier with always-on, password-only remote access straight into the office network.
  const inside = systems.filter((s) => s.vendor >= 0 && zones[s.zone].trust === 2 && SERVICE_ROLES.has(s.role)
    && s.index !== hub && vendors[s.vendor].category !== 'cloud');
  const directCount = Math.max(1, Math.round(systems.length / 10000));
  for (let k = 0; k < directCount && inside.length > 0; k++) {
    const target = inside[rng.int(inside.length)];
    const vendor = vendors[target.vendor];
    const link: LinkSpec = { from: vendor.id, to: target.id, kind: 'remote-access', protocol: 'rdp', port: 3389, auth: 'password',
      on_demand: false, purpose: 'Vendor maintenance (always-on, set up during the 2019 deployment)' };
    if ((vendorLinks.get(vendor.index) ?? []).some((l) => l.to === link.to && l.port === link.port)) continue;
    addVendorLink(vendor.index, link);
    directRemoteAccess.push(`${vendor.id}-to-${target.id}-3389`);
    if (!(systemLinks.get(target.index) ?? []).some((l) => l.to === id(hub) && l.port === 445)) {
      addSystemLink(target.index, { from: target.id, to: id(hub), protocol: 'smb', port: 445, auth: 'key' });
    }
  }
  // The ERP vendor's remote access: through the VPN, but with a password and always on, into a sensitive zone.
  const erp = planted.criticalApp;
  if (systems[erp].vendor >= 0) {
    addVendorLink(systems[erp].vendor, { from: vendors[systems[erp].vendor].id, to: id(erp), kind: 'remote-access', protocol: 'rdp',
      port: 3389, auth: 'password', via: [id(core.vpns[0])], on_demand: false, purpose: 'ERP support desk' });
  }
  return { systemLinks, vendorLinks, hubToDirectory: `${id(hub)}-to-${id(directory)}-389`, directRemoteAccess };
}

/** About one link in a thousand is a credential: service accounts mostly, and passwords pasted in chat. */
function planCredentialLinks(input: LinkPlanInput, systemLinks: Map<number, LinkSpec[]>, rng: SeededRandom): void {
  const { systems, core, zoneDatabases, zones } = input;
  const count = Math.max(3, Math.round(input.links * 0.001));
  const pairs = new Set<string>();
  const add = (from: number, to: number, purpose: string, auth: LinkSpec['auth']) => {
    const key = `${from}>${to}`;
    if (from === to || pairs.has(key)) return false;
    pairs.add(key);
    const list = systemLinks.get(from) ?? [];
    list.push({ from: systems[from].id, to: systems[to].id, kind: 'credential', auth, purpose });
    systemLinks.set(from, list);
    return true;
  };
  const financeDb = zoneDatabases.find((dbs, z) => zones[z].cls === 'sensitive' && dbs.length > 0)?.[0] ?? core.domainControllers[1];
  add(core.saasChat, core.domainControllers[0], 'Domain admin password pasted in the #it-support channel', 'password');
  add(core.chat, financeDb, 'Service account password shared in a chat thread', 'password');
  const sensitive = systems.filter((s) => (zones[s.zone].cls === 'sensitive' || zones[s.zone].cls === 'admin') && !WORKSTATION_ROLES.has(s.role));
  const services = systems.filter((s) => SERVICE_ROLES.has(s.role) && s.island < 0 && zoneDatabases[s.zone].length > 0);
  const officeWorkstations = systems.filter((s) => s.role === 'ws' && zones[s.zone].trust === 2);
  const adminServers = systems.filter((s) => zones[s.zone].cls === 'admin' && s.role === 'srv');
  for (let made = 2, attempts = 0; made < count && attempts < count * 20; attempts++) {
    const r = rng.next();
    let ok = false;
    if (r < 0.65 && services.length > 0) {
      const app = rng.pick(services);
      ok = add(app.index, rng.pick(zoneDatabases[app.zone]), 'Service account', 'password');
    } else if (r < 0.85 && sensitive.length > 0) {
      ok = add(core.chat, rng.pick(sensitive).index, 'Credentials shared in chat', 'password');
    } else if (officeWorkstations.length > 0 && adminServers.length > 0) {
      ok = add(rng.pick(officeWorkstations).index, rng.pick(adminServers).index, 'Local admin password kept in a spreadsheet', 'password');
    }
    if (ok) made++;
  }
}

function planRemoteAccessQuotas(vendors: VendorPlan[], systems: readonly SystemPlan[], count: number, rng: SeededRandom): void {
  const eligible: VendorPlan[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const vendor of vendors) {
    if (vendor.category === 'cloud' || vendor.category === 'saas') continue;
    const targets = vendor.systems.filter((s) => !WORKSTATION_ROLES.has(systems[s].role)).length;
    const weight = targets > 0 ? Math.min(targets, 6) * (0.5 + rng.next()) : vendor.category === 'services' ? 0.3 : 0;
    if (weight <= 0) continue;
    total += weight;
    eligible.push(vendor);
    cumulative.push(total);
  }
  for (let k = 0; k < count; k++) {
    const draw = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > draw) hi = mid; else lo = mid + 1;
    }
    eligible[lo].remoteAccessQuota++;
  }
}

/** Island devices talk only to their island (two flows per neighbour at most); everyone else is uncapped. */
function planNetworkQuotas(input: LinkPlanInput, count: number, rng: SeededRandom): void {
  const { systems, islands } = input;
  const weights = systems.map((s) => ROLES[s.role].flows * (0.5 + rng.next()));
  const caps = systems.map((s) => {
    if (s.island < 0) return Infinity;
    const island = islands[s.island];
    const canUplink = island.uplinks === 'random' && (s.role === 'app' || s.role === 'srv');
    return canUplink ? Infinity : 2 * (island.members.length - 1);
  });
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  for (const system of systems) {
    const quota = Math.min(caps[system.index], Math.floor((weights[system.index] * count) / weightSum));
    system.networkQuota = quota;
    given += quota;
  }
  const open = systems.filter((s) => caps[s.index] === Infinity);
  while (given < count) {
    open[rng.int(open.length)].networkQuota++;
    given++;
  }
}
