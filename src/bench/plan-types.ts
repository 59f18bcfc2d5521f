// The plan of a synthetic register: every entity that others refer to, decided up front in a compact form. Links
// are not stored here (500,000 at size L): they are drawn while their file is written, from per-system streams,
// within the per-system quotas fixed by the plan, so the totals are exact and the memory stays small.

import type { DataClass, Level, Trust } from '../register/types.js';
import type { LinkSpec } from './link-spec.js';
import type { RegisterSize } from './register-size.js';
import type { RoleName } from './system-roles.js';
import type { ZoneClass, ZoneTemplate } from './zone-templates.js';

export interface ZonePlan {
  index: number;
  id: string;
  name: string;
  trust: Trust;
  cls: ZoneClass;
  builtin: boolean;
  template?: ZoneTemplate;
}

export type VendorCategory = 'cloud' | 'network' | 'software' | 'field' | 'saas' | 'services';

/** Hygiene traits planted on a vendor (bit flags), each one the cause of a SPEC §3.1 finding. */
export const VendorTrait = {
  contractExpired: 1 << 0,
  noContract: 1 << 1,
  contractExpiring: 1 << 2,
  assessmentOverdue: 1 << 3,
  noAssessment: 1 << 4,
  assessmentFailed: 1 << 5,
  noSecurityContact: 1 << 6,
  noOwner: 1 << 7,
  irreplaceable: 1 << 8,
} as const;

export interface VendorPlan {
  index: number;
  id: string;
  name: string;
  tier: Level;
  category: VendorCategory;
  /** Zone index when the vendor sits elsewhere than `third-party`. */
  zone?: number;
  traits: number;
  /** Vendor indices. */
  subprocessors: number[];
  /** System indices this vendor supplies, ascending. */
  systems: number[];
  /** Vendor-run remote-access links drawn at random (planted ones are extra). */
  remoteAccessQuota: number;
  /** The file this vendor is written to. */
  file: string;
  dedicated: boolean;
}

/** Traits planted on a system (bit flags). */
export const SystemTrait = {
  noOwner: 1 << 0,
  bulkUnprotected: 1 << 1,
  needsSso: 1 << 2,
  internetFacing: 1 << 3,
  legacy: 1 << 4,
  redundant: 1 << 5,
} as const;

export interface SystemPlan {
  index: number;
  id: string;
  zone: number;
  role: RoleName;
  /** Vendor index, or -1. */
  vendor: number;
  criticality: Level;
  data: DataClass;
  /** Island index in a field zone, or -1. */
  island: number;
  traits: number;
  /** Random network links this system initiates (planted and credential links are extra). */
  networkQuota: number;
  /** 1-based number among the systems sharing its id prefix and role, for display names. */
  ordinal: number;
}

/** A small group of field devices around one application: a vendor's solution in a low-trust zone. */
export interface IslandPlan {
  zone: number;
  members: number[];
  vendor: number;
  /** Nobody outside links into a closed island. */
  closed: boolean;
  /** How the island reaches the inside: never, through randomly drawn gated links, or through planted links only. */
  uplinks: 'none' | 'random' | 'planted';
}

/** The systems every zone relies on (system indices). */
export interface CoreSystems {
  domainControllers: number[];
  dns: number[];
  sso: number;
  storage: number[];
  monitoring: number[];
  backup: number[];
  fileServers: number[];
  chat: number;
  mail: number[];
  outboundProxy: number;
  coreFirewalls: number[];
  adminBastions: number[];
  wafs: number[];
  vpns: number[];
  dmzBastions: number[];
  reverseProxy: number;
  /** The file server that the planted unsegmented paths go through. */
  hub: number;
  saasChat: number;
}

export interface AcceptancePlan {
  finding: string;
  reason: string;
  approved_by: string;
  expires: string;
  ticket?: string;
}

export interface ChunkPlan {
  path: string;
  zone: number;
  /** System indices in this chunk, ascending. */
  systems: number[];
  part: number;
  parts: number;
}

export interface RegisterPlan {
  size: RegisterSize;
  seed: number;
  organization: string;
  zones: ZonePlan[];
  vendors: VendorPlan[];
  systems: SystemPlan[];
  islands: IslandPlan[];
  core: CoreSystems;
  /** Per zone: its internal firewall (system index) or -1. */
  zoneFirewall: number[];
  /** Per zone: its databases. */
  zoneDatabases: number[][];
  /** Per zone: the systems others may pick as the target of a flow (no workstations, no closed islands). */
  zoneTargets: number[][];
  /** Links fixed by the plan, keyed by the index of the system that initiates them (credential links included). */
  plantedSystemLinks: Map<number, LinkSpec[]>;
  /** Remote-access links fixed by the plan, keyed by vendor index. */
  plantedVendorLinks: Map<number, LinkSpec[]>;
  /** Systems of kind saas, and vendors that host services (saas and cloud): occasional dependency targets. */
  saasSystems: number[];
  hostedVendors: number[];
  acceptances: AcceptancePlan[];
  /** Vendor files: dedicated ones hold one vendor, the others a group, in this order. */
  vendorFiles: { path: string; vendors: number[] }[];
  systemChunks: ChunkPlan[];
  linkChunks: ChunkPlan[];
}
