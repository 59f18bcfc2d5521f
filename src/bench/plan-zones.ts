// The zones of a synthetic register: the two built-ins (not redefined) and size.zones - 2 zones from the templates,
// repeated as extra sites (`office-b`, …) once the templates run out.

import type { ZonePlan } from './plan-types.js';
import { ZONE_TEMPLATES } from './zone-templates.js';

export function planZones(zoneCount: number): ZonePlan[] {
  const zones: ZonePlan[] = [
    { index: 0, id: 'internet', name: 'internet', trust: 0, cls: 'internet', builtin: true },
    { index: 1, id: 'third-party', name: 'third-party', trust: 1, cls: 'third-party', builtin: true },
  ];
  for (let n = 0; zones.length < zoneCount; n++) {
    const template = ZONE_TEMPLATES[n % ZONE_TEMPLATES.length];
    const site = Math.floor(n / ZONE_TEMPLATES.length);
    const suffix = site === 0 ? '' : String.fromCharCode(0x61 + site);
    zones.push({
      index: zones.length,
      id: suffix ? `${template.id}-${suffix}` : template.id,
      name: suffix ? `${template.name} (site ${suffix.toUpperCase()})` : template.name,
      trust: template.trust,
      cls: template.cls,
      builtin: false,
      template,
    });
  }
  return zones;
}

export function zoneIndexById(zones: readonly ZonePlan[], id: string): number {
  const zone = zones.find((z) => z.id === id);
  if (!zone) throw new Error(`internal: zone ${id} is not planned`);
  return zone.index;
}
