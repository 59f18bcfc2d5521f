// Target pools for drawing flows, computed once per register from the plan: which systems can be reached from
// inside, from the DMZ, by monitoring and by backup. Closed islands never appear in a pool, so nothing links into them.

import type { RegisterPlan } from './plan-types.js';
import { SERVICE_ROLES } from './system-roles.js';

export interface LinkContext {
  plan: RegisterPlan;
  /** Zones of trust 2 and above that hold targets. */
  insideZones: number[];
  /** Applications and servers in those zones. */
  insideServices: number[];
  saas: number[];
  dmzServices: number[];
  monitored: number[];
  backupTargets: number[];
  /** Members of open islands and DMZ systems: what inside systems manage. */
  outsideTargets: number[];
  printersByZone: number[][];
  /** Per zone: its applications and servers. */
  zoneServices: number[][];
}

export function buildLinkContext(plan: RegisterPlan): LinkContext {
  const { systems, zones, islands } = plan;
  const isInside = (zone: number) => zones[zone].trust >= 2;
  const closed = (island: number) => island >= 0 && islands[island].closed;
  const ctx: LinkContext = {
    plan,
    insideZones: zones.filter((z) => z.trust >= 2 && plan.zoneTargets[z.index].length > 0).map((z) => z.index),
    insideServices: [], saas: [], dmzServices: [], monitored: [], backupTargets: [], outsideTargets: [],
    printersByZone: zones.map(() => []),
    zoneServices: zones.map(() => []),
  };
  for (const s of systems) {
    const cls = zones[s.zone].cls;
    if (SERVICE_ROLES.has(s.role) && s.island < 0) {
      ctx.zoneServices[s.zone].push(s.index);
      if (isInside(s.zone)) ctx.insideServices.push(s.index);
      if (cls === 'dmz' && s.role !== 'srv') ctx.dmzServices.push(s.index);
    }
    if (cls === 'third-party') ctx.saas.push(s.index);
    if (s.role === 'printer' && s.island < 0) ctx.printersByZone[s.zone].push(s.index);
    if (!closed(s.island) && cls !== 'third-party' && (s.role === 'sw' || s.role === 'ap' || s.role === 'fw' || s.role === 'srv' || s.role === 'db')) {
      ctx.monitored.push(s.index);
    }
    if (isInside(s.zone) && (s.role === 'db' || s.role === 'fs' || s.role === 'srv' || s.role === 'dc')) ctx.backupTargets.push(s.index);
    if ((s.island >= 0 && !closed(s.island)) || (cls === 'dmz' && s.role !== 'ws')) ctx.outsideTargets.push(s.index);
  }
  if (ctx.dmzServices.length === 0) ctx.dmzServices = plan.zoneTargets[plan.systems[plan.core.reverseProxy].zone].slice();
  return ctx;
}
