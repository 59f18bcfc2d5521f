// Vendors' remote access: to the systems they supply, mostly through the VPN (and often a bastion), with MFA and
// enabled on demand when the target is sensitive; less carefully into ordinary and field systems. Half of these
// links carry an explicit id `<vendor>.<target>.<protocol>`: dots never occur in default ids, so they cannot collide.

import type { LinkSpec } from './link-spec.js';
import { linkId } from './link-spec.js';
import type { LinkContext } from './link-context.js';
import type { SystemPlan, VendorPlan } from './plan-types.js';
import { deriveSeed, SeededRandom } from './seeded-random.js';
import { WORKSTATION_ROLES } from './system-roles.js';

export const REMOTE_ACCESS_STREAM = 0x52454d41;

const PURPOSES = ['Remote maintenance', 'Vendor support', 'Software updates', 'Incident support', 'Annual service visit'];

export function linksFromVendor(ctx: LinkContext, vendor: VendorPlan): LinkSpec[] {
  const { plan } = ctx;
  const rng = new SeededRandom(deriveSeed(plan.seed, REMOTE_ACCESS_STREAM, vendor.index));
  const out: LinkSpec[] = [];
  const used = new Set<string>();
  for (const link of plan.plantedVendorLinks.get(vendor.index) ?? []) {
    out.push(link);
    used.add(linkId(link));
  }
  if (vendor.remoteAccessQuota === 0) return out;
  let targets = vendor.systems.filter((s) => !WORKSTATION_ROLES.has(plan.systems[s].role));
  if (targets.length === 0) targets = ctx.insideServices;
  for (let k = 0; k < vendor.remoteAccessQuota; k++) {
    let link = drawRemoteAccess(ctx, vendor, plan.systems[rng.pick(targets)], rng);
    for (let n = 2; used.has(linkId(link)); n++) link = { ...link, id: `${vendor.id}.${link.to}.${link.protocol}.${n}` };
    used.add(linkId(link));
    out.push(link);
  }
  return out;
}

function drawRemoteAccess(ctx: LinkContext, vendor: VendorPlan, system: SystemPlan, rng: SeededRandom): LinkSpec {
  const { plan } = ctx;
  const { core, systems } = plan;
  const viaBastion = rng.chance(0.25);
  const target = viaBastion ? systems[rng.pick(core.dmzBastions)] : system;
  const trust = plan.zones[target.zone].trust;
  const gated = rng.chance(trust >= 3 ? 0.995 : trust === 2 ? 0.99 : 0.4);
  const compliant = rng.chance(trust >= 3 ? 0.92 : trust === 2 ? 0.6 : 0.4);
  const { protocol, port } = remoteProtocol(target, rng);
  const link: LinkSpec = { from: vendor.id, to: target.id, kind: 'remote-access', protocol, port };
  if (compliant) {
    link.auth = 'mfa';
  } else {
    const r = rng.next();
    link.auth = r < 0.4 ? 'password' : r < 0.8 ? 'mfa' : 'key';
  }
  if (gated || viaBastion) {
    link.via = [systems[rng.pick(core.vpns)].id];
    if (!viaBastion && trust >= 2 && rng.chance(0.4)) link.via.push(systems[rng.pick(core.dmzBastions)].id);
  }
  link.on_demand = compliant || (link.auth !== 'mfa' && rng.chance(0.3));
  if (compliant === false && link.auth === 'mfa') link.on_demand = false;
  link.purpose = rng.pick(PURPOSES);
  if (rng.chance(0.3)) link.ticket = `CTR-${2020 + rng.int(7)}-${String(rng.between(1, 999)).padStart(3, '0')}`;
  if (rng.chance(0.5)) link.id = `${vendor.id}.${target.id}.${protocol}`;
  return link;
}

function remoteProtocol(target: SystemPlan, rng: SeededRandom): { protocol: string; port: number } {
  switch (target.role) {
    case 'plc': case 'cam': case 'sensor': case 'kiosk': case 'printer':
      return rng.chance(0.3) ? { protocol: 'vnc', port: 5900 } : rng.chance(0.5) ? { protocol: 'https', port: 443 } : { protocol: 'ssh', port: 22 };
    case 'app': case 'portal': case 'api': case 'erp': case 'saas':
      return rng.chance(0.6) ? { protocol: 'https', port: 443 } : { protocol: 'rdp', port: 3389 };
    case 'sw': case 'ap': case 'fw': case 'vpn': case 'waf': case 'proxy':
      return rng.chance(0.7) ? { protocol: 'ssh', port: 22 } : { protocol: 'https', port: 443 };
    default:
      return rng.chance(0.5) ? { protocol: 'rdp', port: 3389 } : { protocol: 'ssh', port: 22 };
  }
}
