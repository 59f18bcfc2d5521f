// The vendors of a synthetic register: a few shared cloud providers (the fourth parties), then suppliers of network
// gear, software, field devices and SaaS, and service companies with no system of their own. Hygiene traits are
// drawn at realistic rates, and one vendor of each trait is planted so that every hygiene finding occurs at any size.

import type { Level } from '../register/types.js';
import { VendorTrait } from './plan-types.js';
import type { VendorCategory, VendorPlan, ZonePlan } from './plan-types.js';
import { SeededRandom } from './seeded-random.js';
import { CLOUD_PROVIDERS, LEGAL_FORMS, VENDOR_REGIONS, VENDOR_STEMS, VENDOR_SUFFIXES } from './vocabulary.js';
import { zoneIndexById } from './plan-zones.js';

export const MAX_VENDOR_ID_LENGTH = 16;

/** Vendors chosen to carry one planted trait each (vendor indices). */
export interface PlantedVendors {
  contractExpired: number;
  noContract: number;
  contractExpiring: number;
  assessmentOverdue: number;
  assessmentFailed: number;
  noSecurityContact: number;
  noOwner: number;
  irreplaceable: number;
}

const CATEGORY_WEIGHTS: Record<Exclude<VendorCategory, 'cloud'>, number> = {
  software: 44, field: 14, saas: 16, network: 4, services: 22,
};
const FIRST_CATEGORIES: Exclude<VendorCategory, 'cloud'>[] = ['software', 'field', 'saas', 'network', 'services'];
const TIER_WEIGHTS: Record<Level, number> = { critical: 5, high: 15, medium: 40, low: 40 };
const CLOUD_SHARE: Record<VendorCategory, number> = { cloud: 0, saas: 0.9, software: 0.6, field: 0.5, services: 0.4, network: 0.2 };

export function planVendors(count: number, zones: readonly ZonePlan[], rng: SeededRandom): { vendors: VendorPlan[]; planted: PlantedVendors } {
  const cloudCount = Math.min(CLOUD_PROVIDERS.length, Math.max(2, Math.round(count / 40)));
  const names = vendorNames(count - cloudCount, rng);
  const vendors: VendorPlan[] = [];
  for (let i = 0; i < count; i++) {
    const cloud = i < cloudCount;
    const named = cloud ? CLOUD_PROVIDERS[i] : names[i - cloudCount];
    const category: VendorCategory = cloud ? 'cloud'
      : i - cloudCount < FIRST_CATEGORIES.length ? FIRST_CATEGORIES[i - cloudCount] : rng.weightedKey(CATEGORY_WEIGHTS);
    vendors.push({
      index: i, id: named.id, name: named.name, category,
      tier: cloud ? (i < 2 ? 'critical' : 'high') : rng.weightedKey(TIER_WEIGHTS),
      traits: 0, subprocessors: [], systems: [], remoteAccessQuota: 0, file: '', dedicated: false,
    });
  }
  ensureImportantVendors(vendors, cloudCount);
  for (const vendor of vendors) {
    if (vendor.category === 'cloud') continue;
    vendor.traits = randomTraits(vendor.tier, rng);
    vendor.zone = onSiteZone(vendor.category, zones, rng);
    vendor.subprocessors = subprocessorsOf(vendor, vendors, cloudCount, rng);
  }
  for (let i = 1; i < cloudCount; i++) if (rng.chance(0.3)) vendors[i].subprocessors = [0];
  plantDependencyCycle(vendors);
  return { vendors, planted: plantTraits(vendors) };
}

function vendorNames(count: number, rng: SeededRandom): { id: string; name: string }[] {
  const taken = new Set(CLOUD_PROVIDERS.map((c) => c.id));
  const combos: number[] = [];
  const perStem = VENDOR_SUFFIXES.length * 2 * VENDOR_REGIONS.length;
  for (let i = 0; i < VENDOR_STEMS.length * perStem; i++) combos.push(i);
  rng.shuffle(combos);
  const out: { id: string; name: string }[] = [];
  for (let c = 0; c < combos.length && out.length < count; c++) {
    const combo = combos[c];
    const stem = VENDOR_STEMS[Math.floor(combo / perStem)];
    const suffix = VENDOR_SUFFIXES[Math.floor(combo / (2 * VENDOR_REGIONS.length)) % VENDOR_SUFFIXES.length];
    const joined = Math.floor(combo / VENDOR_REGIONS.length) % 2 === 0;
    const region = VENDOR_REGIONS[combo % VENDOR_REGIONS.length];
    const id = `${stem}${joined ? '' : '-'}${suffix}${region ? `-${region}` : ''}`;
    if (id.length > MAX_VENDOR_ID_LENGTH || taken.has(id)) continue;
    taken.add(id);
    const base = joined ? `${capitalise(stem)}${capitalise(suffix)}`
      : rng.chance(0.06) ? `${capitalise(stem)} & ${capitalise(suffix)}` : `${capitalise(stem)} ${capitalise(suffix)}`;
    out.push({ id, name: `${base}${region ? ` ${capitalise(region)}` : ''}${rng.pick(LEGAL_FORMS)}` });
  }
  // Past the word combinations (custom sizes only), fall back to numbered suppliers.
  for (let n = 0; out.length < count; n++) {
    const id = `supplier-${n.toString(36)}x`;
    if (!taken.has(id)) out.push({ id, name: `Supplier ${n.toString(36).toUpperCase()}` });
  }
  return out;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** At least eight critical/high suppliers besides the clouds, so that every planted hygiene trait has a carrier. */
function ensureImportantVendors(vendors: VendorPlan[], cloudCount: number): void {
  let important = vendors.filter((v) => v.category !== 'cloud' && (v.tier === 'critical' || v.tier === 'high')).length;
  if (!vendors.some((v) => v.category !== 'cloud' && v.tier === 'critical')) {
    vendors[cloudCount].tier = 'critical';
    important++;
  }
  for (let i = cloudCount + 1; i < vendors.length && important < 8; i++) {
    if (vendors[i].tier === 'medium' || vendors[i].tier === 'low') {
      vendors[i].tier = 'high';
      important++;
    }
  }
}

function randomTraits(tier: Level, rng: SeededRandom): number {
  const important = tier === 'critical' || tier === 'high';
  let traits = 0;
  const contract = rng.next();
  if (contract < (important ? 0.03 : 0.2)) traits |= VendorTrait.noContract;
  else if (contract < (important ? 0.07 : 0.24)) traits |= VendorTrait.contractExpired;
  else if (contract < (important ? 0.14 : 0.3)) traits |= VendorTrait.contractExpiring;
  const assessment = rng.next();
  const none = tier === 'low' ? 0.25 : tier === 'medium' ? 0.08 : 0.03;
  if (assessment < none) traits |= VendorTrait.noAssessment;
  else if (assessment < none + 0.12) traits |= VendorTrait.assessmentOverdue;
  else if (assessment < none + 0.15) traits |= VendorTrait.assessmentFailed;
  if (rng.chance(important ? 0.1 : 0.5)) traits |= VendorTrait.noSecurityContact;
  if (rng.chance(important ? 0.06 : 0.3)) traits |= VendorTrait.noOwner;
  if (tier === 'critical' && rng.chance(0.25)) traits |= VendorTrait.irreplaceable;
  return traits;
}

/** A few service or field companies have staff on site, in the office or in the car parks. */
function onSiteZone(category: VendorCategory, zones: readonly ZonePlan[], rng: SeededRandom): number | undefined {
  if (category === 'services' && rng.chance(0.05)) return zoneIndexById(zones, 'office');
  if (category === 'field' && rng.chance(0.05)) return zoneIndexById(zones, 'parking');
  return undefined;
}

/** A cloud provider (the first ones are the most shared) and sometimes an earlier supplier: acyclic by index. */
function subprocessorsOf(vendor: VendorPlan, vendors: readonly VendorPlan[], cloudCount: number, rng: SeededRandom): number[] {
  const out: number[] = [];
  if (rng.chance(CLOUD_SHARE[vendor.category])) {
    out.push(rng.weighted(Array.from({ length: cloudCount }, (_, k) => 1 / (k + 1))));
  }
  if (vendor.index > cloudCount + 1 && rng.chance(0.1)) {
    const earlier = vendors[cloudCount + rng.int(vendor.index - cloudCount)];
    if (earlier.category === 'software' || earlier.category === 'saas') out.push(earlier.index);
  }
  return out;
}

/** Two small service companies that subcontract to each other: the one cycle a real register tends to have. */
function plantDependencyCycle(vendors: VendorPlan[]): void {
  const services = vendors.filter((v) => v.category === 'services' && v.tier !== 'critical' && v.tier !== 'high');
  if (services.length < 2) return;
  const [a, b] = services.slice(-2);
  if (!a.subprocessors.includes(b.index)) a.subprocessors.push(b.index);
  if (!b.subprocessors.includes(a.index)) b.subprocessors.push(a.index);
}

const CONTRACT_TRAITS = VendorTrait.contractExpired | VendorTrait.noContract | VendorTrait.contractExpiring;
const ASSESSMENT_TRAITS = VendorTrait.assessmentOverdue | VendorTrait.noAssessment | VendorTrait.assessmentFailed;

function plantTraits(vendors: VendorPlan[]): PlantedVendors {
  const important = vendors.filter((v) => v.category !== 'cloud' && (v.tier === 'critical' || v.tier === 'high'));
  const carrier = (n: number) => important[n % important.length];
  const set = (vendor: VendorPlan, trait: number, group: number) => {
    vendor.traits = (vendor.traits & ~group) | trait;
    return vendor.index;
  };
  const critical = important.find((v) => v.tier === 'critical') ?? important[0];
  return {
    contractExpired: set(carrier(0), VendorTrait.contractExpired, CONTRACT_TRAITS),
    noContract: set(carrier(1), VendorTrait.noContract, CONTRACT_TRAITS),
    contractExpiring: set(carrier(2), VendorTrait.contractExpiring, CONTRACT_TRAITS),
    assessmentOverdue: set(carrier(3), VendorTrait.assessmentOverdue, ASSESSMENT_TRAITS),
    assessmentFailed: set(carrier(4), VendorTrait.assessmentFailed, ASSESSMENT_TRAITS),
    noSecurityContact: set(carrier(5), VendorTrait.noSecurityContact, 0),
    noOwner: set(carrier(6), VendorTrait.noOwner, 0),
    irreplaceable: set(critical, VendorTrait.irreplaceable, 0),
  };
}
