// Drawing a system's outgoing flows. Each system has its own random stream, so its links do not depend on which file
// or in which order they are written. Segmentation is mostly sound: flows from low-trust zones into the inside go
// through a core firewall, flows into sensitive zones often through that zone's firewall; only the planted links
// break it. Link ids are kept unique per source (every id starts with its source, so that is unique overall).

import type { LinkSpec } from './link-spec.js';
import { defaultLinkId, linkId } from './link-spec.js';
import { FALLBACK_PORTS, flowInto } from './flow-profiles.js';
import type { FlowProfile } from './flow-profiles.js';
import type { LinkContext } from './link-context.js';
import type { SystemPlan } from './plan-types.js';
import { deriveSeed, SeededRandom } from './seeded-random.js';
import { DEVICE_ROLES, GATEWAY_ROLES, WORKSTATION_ROLES } from './system-roles.js';

export const LINK_STREAM = 0x4c494e4b;

interface Flow extends FlowProfile {
  to: number;
  via?: number[];
  bidirectional?: boolean;
  purpose?: string;
}

const PURPOSES = ['Data export', 'Report generation', 'File transfer', 'API integration', 'Print jobs', 'Directory sync', 'Log shipping'];
const ATTEMPTS = 8;

/** Every link that system `index` initiates: planted ones first, then its quota of drawn flows. */
export function linksFromSystem(ctx: LinkContext, index: number): LinkSpec[] {
  const { plan } = ctx;
  const system = plan.systems[index];
  const rng = new SeededRandom(deriveSeed(plan.seed, LINK_STREAM, index));
  const out: LinkSpec[] = [];
  const used = new Set<string>();
  for (const link of plan.plantedSystemLinks.get(index) ?? []) {
    out.push(link);
    used.add(linkId(link));
  }
  for (let k = 0; k < system.networkQuota; k++) out.push(uniqueLink(ctx, system, rng, used));
  return out;
}

function uniqueLink(ctx: LinkContext, from: SystemPlan, rng: SeededRandom, used: Set<string>): LinkSpec {
  const { systems } = ctx.plan;
  let last: Flow | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const flow = drawFlow(ctx, from, rng);
    if (!flow || flow.to === from.index) continue;
    last = flow;
    const id = defaultLinkId(from.id, systems[flow.to].id, flow.port);
    if (!used.has(id)) {
      used.add(id);
      return toSpec(ctx, from, flow);
    }
    // Two flows on the same port to the same system, kept apart by an explicit id, as teams do for distinct purposes.
    if (rng.chance(0.1)) {
      for (let n = 2; n <= 9; n++) {
        const explicit = `${from.id}.${systems[flow.to].id}.${flow.port}.${n}`;
        if (!used.has(explicit)) {
          used.add(explicit);
          return { ...toSpec(ctx, from, flow), id: explicit };
        }
      }
    }
  }
  // Everything drawn exists already: the same kind of flow on another port.
  const flow = last ?? fallbackFlow(ctx, from);
  for (let n = 0; ; n++) {
    const port = n < FALLBACK_PORTS.length ? FALLBACK_PORTS[n] : 20000 + n;
    const id = defaultLinkId(from.id, systems[flow.to].id, port);
    if (!used.has(id)) {
      used.add(id);
      return toSpec(ctx, from, { ...flow, protocol: flow.protocol === 'http' ? 'http' : 'https', port, encrypted: undefined });
    }
  }
}

function fallbackFlow(ctx: LinkContext, from: SystemPlan): Flow {
  const { islands } = ctx.plan;
  const mates = from.island >= 0 ? islands[from.island].members.filter((m) => m !== from.index) : [];
  const to = mates[0] ?? (ctx.plan.core.monitoring[0] !== from.index ? ctx.plan.core.monitoring[0] : ctx.plan.core.dns[0]);
  return { to, protocol: 'https', port: 443, auth: 'key' };
}

function toSpec(ctx: LinkContext, from: SystemPlan, flow: Flow): LinkSpec {
  const { systems } = ctx.plan;
  const link: LinkSpec = { from: from.id, to: systems[flow.to].id, protocol: flow.protocol, port: flow.port, auth: flow.auth };
  if (flow.encrypted !== undefined) link.encrypted = flow.encrypted;
  if (flow.via && flow.via.length > 0) link.via = flow.via.map((v) => systems[v].id);
  if (flow.bidirectional) link.bidirectional = true;
  if (flow.purpose) link.purpose = flow.purpose;
  return link;
}

function drawFlow(ctx: LinkContext, from: SystemPlan, rng: SeededRandom): Flow | undefined {
  const { zones } = ctx.plan;
  if (from.island >= 0) return islandFlow(ctx, from, rng);
  switch (zones[from.zone].cls) {
    case 'third-party': return saasFlow(ctx, rng);
    case 'dmz': return dmzFlow(ctx, from, rng);
    default: return insideFlow(ctx, from, rng);
  }
}

function target(ctx: LinkContext, to: number, user: boolean, rng: SeededRandom, extra: Partial<Flow> = {}): Flow {
  const s = ctx.plan.systems[to];
  return { to, ...flowInto({ role: s.role, data: s.data, trust: ctx.plan.zones[s.zone].trust }, user, rng), ...extra };
}

/** From a low-trust zone into the inside: through a core firewall, and the target zone's own firewall when it has one. */
function gatedInward(ctx: LinkContext, to: number, rng: SeededRandom): number[] {
  const { core, zoneFirewall, systems } = ctx.plan;
  const via = [rng.pick(core.coreFirewalls)];
  const zoneFw = zoneFirewall[systems[to].zone];
  if (zoneFw >= 0 && rng.chance(0.5)) via.push(zoneFw);
  return via;
}

/** Between inside zones: into a zone with its own firewall, usually through it. */
function gatedAcross(ctx: LinkContext, from: SystemPlan, to: number, rng: SeededRandom): number[] | undefined {
  const { zoneFirewall, systems } = ctx.plan;
  const zoneFw = zoneFirewall[systems[to].zone];
  if (systems[to].zone === from.zone || zoneFw < 0 || zoneFw === from.index || zoneFw === to) return undefined;
  return rng.chance(0.7) ? [zoneFw] : undefined;
}

function islandFlow(ctx: LinkContext, from: SystemPlan, rng: SeededRandom): Flow | undefined {
  const island = ctx.plan.islands[from.island];
  const canUplink = island.uplinks === 'random' && (from.role === 'app' || from.role === 'srv');
  if (canUplink && rng.chance(0.3) && ctx.insideServices.length > 0) {
    const to = rng.pick(ctx.insideServices);
    return target(ctx, to, false, rng, { via: gatedInward(ctx, to, rng) });
  }
  const mates = island.members.filter((m) => m !== from.index);
  const device = DEVICE_ROLES.has(from.role);
  const head = island.members[0];
  const to = device && head !== from.index && rng.chance(0.7) ? head : rng.pick(mates);
  const extra: Partial<Flow> = rng.chance(0.1) ? { bidirectional: true } : {};
  if (device) return { to, ...deviceReport(from.role, rng), ...extra };
  return target(ctx, to, false, rng, extra);
}

/** What a field device sends to its application: telemetry, pictures, transactions, logs. */
function deviceReport(role: SystemPlan['role'], rng: SeededRandom): FlowProfile {
  switch (role) {
    case 'sensor': return rng.chance(0.6) ? { protocol: 'mqtt', port: 1883, auth: 'none', encrypted: false } : { protocol: 'mqtts', port: 8883, auth: 'certificate' };
    case 'plc': return rng.chance(0.6) ? { protocol: 'opcua', port: 4840, auth: 'certificate' } : { protocol: 'modbus', port: 502, auth: 'none', encrypted: false };
    case 'cam': return rng.chance(0.7) ? { protocol: 'https', port: 443, auth: 'password' } : { protocol: 'http', port: 80, auth: 'password' };
    case 'sw': case 'ap': return rng.chance(0.5) ? { protocol: 'syslog', port: 514, auth: 'none', encrypted: false } : { protocol: 'snmp', port: 162, auth: 'none' };
    default: return rng.chance(0.8) ? { protocol: 'https', port: 443, auth: 'key' } : { protocol: 'http', port: 8080, auth: 'password' };
  }
}

function saasFlow(ctx: LinkContext, rng: SeededRandom): Flow | undefined {
  const { core } = ctx.plan;
  if (rng.chance(0.5) && ctx.dmzServices.length > 0) {
    return target(ctx, rng.pick(ctx.dmzServices), false, rng, rng.chance(0.5) ? { via: [rng.pick(core.wafs)], purpose: 'Webhook' } : { purpose: 'Webhook' });
  }
  if (ctx.insideServices.length === 0) return undefined;
  return target(ctx, rng.pick(ctx.insideServices), false, rng, { via: [core.reverseProxy], purpose: 'API integration' });
}

function dmzFlow(ctx: LinkContext, from: SystemPlan, rng: SeededRandom): Flow | undefined {
  const { zoneTargets } = ctx.plan;
  const inside = () => rng.pick(ctx.insideServices);
  switch (from.role) {
    case 'waf': return target(ctx, rng.pick(ctx.dmzServices), false, rng);
    case 'vpn': case 'bastion': return ctx.insideServices.length > 0 ? target(ctx, inside(), true, rng) : undefined;
    case 'proxy':
      return rng.chance(0.6) || ctx.insideServices.length === 0 ? target(ctx, rng.pick(ctx.dmzServices), false, rng) : target(ctx, inside(), false, rng);
    default:
      if (rng.chance(0.6) || ctx.insideServices.length === 0) return target(ctx, rng.pick(zoneTargets[from.zone]), false, rng);
      {
        const to = inside();
        return target(ctx, to, false, rng, { via: gatedInward(ctx, to, rng) });
      }
  }
}

function insideFlow(ctx: LinkContext, from: SystemPlan, rng: SeededRandom): Flow | undefined {
  const { core, zoneTargets, zoneDatabases, systems } = ctx.plan;
  const across = (to: number, user: boolean, extra: Partial<Flow> = {}) => {
    const via = gatedAcross(ctx, from, to, rng);
    return target(ctx, to, user, rng, via ? { ...extra, via } : extra);
  };
  const anyInside = () => {
    const zone = rng.pick(ctx.insideZones);
    return rng.pick(ctx.zoneServices[zone].length > 0 ? ctx.zoneServices[zone] : zoneTargets[zone]);
  };
  if (from.role === 'mon') {
    const to = rng.pick(ctx.monitored);
    const role = systems[to].role;
    if (role === 'sw' || role === 'ap' || role === 'fw') {
      // SNMPv3 with privacy where the devices support it, v2c elsewhere.
      const v3 = rng.chance(0.6);
      return { to, protocol: v3 ? 'snmpv3' : 'snmp', port: 161, auth: v3 ? 'key' : 'none', purpose: rng.chance(0.4) ? 'monitoring' : undefined };
    }
    return across(to, false, rng.chance(0.4) ? { purpose: 'monitoring' } : {});
  }
  if (from.role === 'backup') return across(rng.pick(ctx.backupTargets), false, { protocol: 'https', port: 8443, auth: 'key', purpose: 'Nightly backup' });
  if (from.role === 'bastion') return across(rng.pick(ctx.backupTargets), true);
  if (GATEWAY_ROLES.has(from.role) || from.role === 'sw' || from.role === 'ap' || from.role === 'printer' || from.role === 'san' || from.role === 'dns') {
    if (rng.chance(0.5)) {
      const log: Partial<Flow> = rng.chance(0.25) ? { protocol: 'syslog', port: 514, auth: 'none', encrypted: false } : { protocol: 'syslog-tls', port: 6514, auth: 'certificate' };
      return across(rng.pick(core.monitoring), false, { ...log, purpose: 'Log shipping' });
    }
    return from.role === 'dns' ? across(rng.pick(core.domainControllers), false) : across(rng.pick(core.dns), false);
  }
  if (from.role === 'dc') {
    const peer = rng.pick(core.domainControllers);
    if (peer !== from.index && rng.chance(0.6)) return { to: peer, protocol: 'rpc', port: 135, auth: 'key', bidirectional: rng.chance(0.5) };
    return across(rng.pick(core.dns), false);
  }
  if (WORKSTATION_ROLES.has(from.role)) return workstationFlow(ctx, from, rng, across, anyInside);
  if (from.role === 'db') {
    if (rng.chance(0.5)) return across(rng.pick(core.storage), false);
    const dbs = zoneDatabases[from.zone];
    return target(ctx, rng.pick(dbs), false, rng, rng.chance(0.3) ? { bidirectional: true, purpose: 'Replication' } : {});
  }
  const r = rng.next();
  const dbs = zoneDatabases[from.zone];
  if (r < 0.3 && dbs.length > 0) return target(ctx, rng.pick(dbs), false, rng);
  if (r < 0.45) {
    const pool = [core.domainControllers, core.dns, [core.sso], core.mail, core.fileServers];
    return across(rng.pick(rng.pick(pool)), false);
  }
  if (r < 0.7) {
    const to = rng.pick(zoneTargets[from.zone]);
    const sameKind = systems[to].role === from.role && (from.role === 'srv' || from.role === 'app');
    return target(ctx, to, false, rng, sameKind && rng.chance(0.3) ? { bidirectional: true } : {});
  }
  if (r < 0.88) return across(anyInside(), false, rng.chance(0.05) ? { purpose: rng.pick(PURPOSES) } : {});
  if (r < 0.93 && ctx.saas.length > 0) {
    return target(ctx, rng.pick(ctx.saas), false, rng, rng.chance(0.5) ? { via: [core.outboundProxy] } : {});
  }
  if (ctx.outsideTargets.length === 0) return undefined;
  return target(ctx, rng.pick(ctx.outsideTargets), false, rng, { purpose: rng.chance(0.3) ? 'Remote management' : undefined });
}

function workstationFlow(
  ctx: LinkContext, from: SystemPlan, rng: SeededRandom,
  across: (to: number, user: boolean, extra?: Partial<Flow>) => Flow, anyInside: () => number,
): Flow | undefined {
  const { core, zoneTargets } = ctx.plan;
  if (from.role === 'paw' && rng.chance(0.5)) return across(rng.pick([...core.adminBastions, ...core.domainControllers]), true);
  const r = rng.next();
  const local = ctx.zoneServices[from.zone];
  if (r < 0.35) return across(local.length > 0 ? rng.pick(local) : anyInside(), true);
  if (r < 0.5) return across(rng.pick(core.fileServers), true);
  if (r < 0.6) return across(rng.chance(0.5) ? core.chat : rng.pick(core.mail), true);
  if (r < 0.7) {
    const printers = ctx.printersByZone[from.zone];
    return target(ctx, printers.length > 0 ? rng.pick(printers) : rng.pick(zoneTargets[from.zone]), true, rng);
  }
  if (r < 0.85) return across(anyInside(), true);
  if (r < 0.92) return across(rng.pick(core.domainControllers), true);
  if (ctx.saas.length === 0) return undefined;
  return target(ctx, rng.pick(ctx.saas), true, rng);
}
