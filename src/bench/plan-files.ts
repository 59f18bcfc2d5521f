// How a synthetic register is spread over files, the way a team would keep it: one file per important vendor (with
// the systems it supplies and its remote-access links), the other vendors grouped alphabetically, then each zone's
// systems and each zone's outgoing links in numbered chunks. About 30% of the files hold vendors, 35% systems, 35% links.

import type { ChunkPlan, SystemPlan, VendorPlan, ZonePlan } from './plan-types.js';
import { apportion } from './plan-systems.js';

/** sidedoor.yaml, zones.yaml and acceptances.yaml. */
const FIXED_FILES = 3;

export interface FileBudget {
  vendorFiles: number;
  systemFiles: number;
  linkFiles: number;
}

export function fileBudget(files: number, vendorCount: number): FileBudget {
  const rest = Math.max(3, files - FIXED_FILES);
  const vendorFiles = Math.min(vendorCount, Math.max(2, Math.round(rest * 0.3)));
  const systemFiles = Math.max(1, Math.round(rest * 0.35));
  return { vendorFiles, systemFiles, linkFiles: Math.max(1, rest - vendorFiles - systemFiles) };
}

const TIER_RANK = { critical: 3, high: 2, medium: 1, low: 0 } as const;

/** Marks the vendors that get a file of their own and returns every vendor file in writing order. */
export function planVendorFiles(vendors: VendorPlan[], budget: FileBudget): { path: string; vendors: number[] }[] {
  const groups = Math.max(1, Math.round(budget.vendorFiles / 4));
  const dedicated = Math.min(vendors.length - 1, budget.vendorFiles - groups);
  const ranked = vendors.slice().sort((a, b) => TIER_RANK[b.tier] - TIER_RANK[a.tier]
    || b.systems.length - a.systems.length || a.index - b.index);
  const files: { path: string; vendors: number[] }[] = [];
  for (const vendor of ranked.slice(0, dedicated)) {
    vendor.dedicated = true;
    vendor.file = `vendors/${vendor.id}.yaml`;
  }
  for (const vendor of ranked.slice(0, dedicated).sort((a, b) => compareCodeUnits(a.id, b.id))) {
    files.push({ path: vendor.file, vendors: [vendor.index] });
  }
  const others = ranked.slice(dedicated).sort((a, b) => compareCodeUnits(a.id, b.id));
  const width = Math.max(2, String(groups).length);
  for (let g = 0; g < groups; g++) {
    const members = others.slice(Math.floor((g * others.length) / groups), Math.floor(((g + 1) * others.length) / groups));
    if (members.length === 0) continue;
    const path = `vendors/suppliers-${String(g + 1).padStart(width, '0')}.yaml`;
    for (const vendor of members) vendor.file = path;
    files.push({ path, vendors: members.map((v) => v.index) });
  }
  return files;
}

/**
 * Cuts each zone's systems into contiguous chunks: `budget` chunks in all, shared by zone in proportion to
 * `weight(system)`, at least one per zone with any weight, each chunk holding about the same weight.
 */
export function planChunks(
  directory: string, zones: readonly ZonePlan[], systems: readonly SystemPlan[], budget: number, weight: (s: SystemPlan) => number,
): ChunkPlan[] {
  const byZone: number[][] = zones.map(() => []);
  const zoneWeight = zones.map(() => 0);
  for (const system of systems) {
    const w = weight(system);
    if (w <= 0) continue;
    byZone[system.zone].push(system.index);
    zoneWeight[system.zone] += w;
  }
  const parts = apportion(Math.max(budget, zoneWeight.filter((w) => w > 0).length), zoneWeight, zoneWeight.map((w) => (w > 0 ? 1 : 0)));
  const chunks: ChunkPlan[] = [];
  for (const zone of zones) {
    const members = byZone[zone.index];
    const count = Math.min(parts[zone.index], members.length);
    if (count === 0) continue;
    const width = Math.max(2, String(count).length);
    let cursor = 0;
    let done = 0;
    for (let part = 1; part <= count; part++) {
      const target = (zoneWeight[zone.index] * part) / count;
      const chunk: number[] = [];
      // Leave at least one system for each later chunk.
      while (cursor < members.length - (count - part) && (part === count || done < target || chunk.length === 0)) {
        const index = members[cursor++];
        chunk.push(index);
        done += weight(systems[index]);
      }
      chunks.push({ path: `${directory}/${zone.id}-${String(part).padStart(width, '0')}.yaml`, zone: zone.index, systems: chunk, part, parts: count });
    }
  }
  return chunks;
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
