// Plans a whole synthetic register from a size and a seed: zones, vendors, systems, the link budget, the file layout
// and the acceptances, in that order, each phase on its own random stream so that a change in one phase's draws
// does not reshuffle the others.

import type { RegisterPlan } from './plan-types.js';
import { planAcceptances } from './plan-acceptances.js';
import { fileBudget, planChunks, planVendorFiles } from './plan-files.js';
import { assignSystemIds } from './plan-ids.js';
import { planLinks } from './plan-links.js';
import { planSystems } from './plan-systems.js';
import { planVendors } from './plan-vendors.js';
import { planZones } from './plan-zones.js';
import type { RegisterSize } from './register-size.js';
import { deriveSeed, SeededRandom } from './seeded-random.js';
import { WORKSTATION_ROLES } from './system-roles.js';

const PHASE = { vendors: 1, systems: 2, links: 3 } as const;

export function planRegister(size: RegisterSize, seed: number): RegisterPlan {
  const phase = (n: number) => new SeededRandom(deriveSeed(seed, n));
  const zones = planZones(size.zones);
  const { vendors, planted: plantedVendors } = planVendors(size.vendors, zones, phase(PHASE.vendors));
  const built = planSystems(size.systems, zones, vendors, phase(PHASE.systems));
  const { systems, islands, core } = built;
  const budget = fileBudget(size.files, vendors.length);
  const vendorFiles = planVendorFiles(vendors, budget);
  assignSystemIds(systems, vendors, zones);

  const zoneTargets = zones.map((): number[] => []);
  for (const s of systems) {
    if (!WORKSTATION_ROLES.has(s.role) && !(s.island >= 0 && islands[s.island].closed)) zoneTargets[s.zone].push(s.index);
  }
  const links = planLinks({
    links: size.links, zones, systems, vendors, islands, core,
    zoneDatabases: built.zoneDatabases, zoneFirewall: built.zoneFirewall, planted: built.planted,
  }, phase(PHASE.links));

  const inVendorFile = (vendor: number) => vendor >= 0 && vendors[vendor].dedicated;
  const systemChunks = planChunks('systems', zones, systems, budget.systemFiles, (s) => (inVendorFile(s.vendor) ? 0 : 1));
  const linkChunks = planChunks('links', zones, systems, budget.linkFiles,
    (s) => s.networkQuota + (links.systemLinks.get(s.index)?.length ?? 0));
  const acceptanceCount = size.systems >= 100_000 ? 12 : size.systems >= 10_000 ? 8 : 5;

  return {
    size, seed,
    organization: size.systems >= 100_000 ? 'Région Armor Océane' : size.systems >= 10_000 ? 'Kerbrest Métropole' : 'Ville de Kerbrest',
    zones, vendors, systems, islands, core,
    zoneFirewall: built.zoneFirewall,
    zoneDatabases: built.zoneDatabases,
    zoneTargets,
    plantedSystemLinks: links.systemLinks,
    plantedVendorLinks: links.vendorLinks,
    saasSystems: systems.filter((s) => s.role === 'saas').map((s) => s.index),
    hostedVendors: vendors.filter((v) => v.category === 'saas' || v.category === 'cloud').map((v) => v.index),
    acceptances: planAcceptances(acceptanceCount, systems, vendors, core, built.planted, plantedVendors, links),
    vendorFiles,
    systemChunks,
    linkChunks,
  };
}
