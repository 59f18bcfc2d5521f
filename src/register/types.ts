// The loaded register: typed entities with their defaults resolved and the source location of each one.
// Everything keyed by id lives in a Map, never in a plain object, so ids such as `constructor` or `__proto__`
// can never collide with Object.prototype (SPEC §1.2).

import type { FieldLocationLookup } from './field-locations.js';

export interface SourceLocation {
  /** Path relative to the register root, with `/` separators. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type DiagnosticSeverity = 'error' | 'warning';

export interface Diagnostic extends SourceLocation {
  severity: DiagnosticSeverity;
  message: string;
  /** The text of the line at fault, for a terminal to show under the message with a caret (YAML syntax errors). */
  excerpt?: string;
  /** 'register' for what only the whole register can tell (duplicate ids, references): such diagnostics sort after
   * every file's own, because a file that does not parse is usually their cause. 'unchecked-references' for the
   * line counting the references a file that does not parse left unchecked: between the two. */
  scope?: 'register' | 'unchecked-references';
}

export type Trust = 0 | 1 | 2 | 3 | 4;
export type DataClass = 'public' | 'internal' | 'confidential' | 'restricted';
export type Level = 'low' | 'medium' | 'high' | 'critical';
export type Substitutability = 'easy' | 'medium' | 'hard' | 'none';
export type SystemKind =
  | 'application' | 'database' | 'server' | 'workstation' | 'network-device' | 'identity' | 'messaging' | 'saas'
  | 'ot-device' | 'firewall' | 'jump-host' | 'proxy' | 'vpn-gateway' | 'waf' | 'other';
export type LinkKind = 'network' | 'remote-access' | 'credential';
export type AuthKind = 'none' | 'password' | 'key' | 'certificate' | 'mfa';

/** Source locations of an entity and of each field it wrote explicitly, by dotted path (`zone`, `via.0`). */
export interface Located {
  loc: SourceLocation;
  fieldLocs: FieldLocationLookup;
}

export interface Zone extends Located {
  id: string;
  name: string;
  trust: Trust;
  description?: string;
  /** True for `internet` and `third-party` unless the register redefines them. */
  builtin: boolean;
}

export interface Contact { name: string; email: string; role: 'security' | 'account' | 'dpo' | 'support' | 'other'; phone?: string }
export interface Contract {
  ref?: string; start?: string; end?: string; notice_days?: number; audit_rights?: boolean; breach_notification_hours?: number;
}
export interface Assessment {
  date: string;
  kind: 'questionnaire' | 'sig-lite' | 'sig-core' | 'iso27001' | 'soc2' | 'pentest' | 'onsite-audit' | 'other';
  result: 'pass' | 'conditional' | 'fail';
  expires?: string;
  evidence?: string;
}
export interface Certification { name: string; expires?: string }

export interface Vendor extends Located {
  id: string;
  name: string;
  tier: Level;
  /** Defaults to `third-party`. */
  zone: string;
  owner?: string;
  country?: string;
  identifiers?: { siren?: string; siret?: string; lei?: string; vat?: string; duns?: string };
  contacts: Contact[];
  contract?: Contract;
  assessments: Assessment[];
  certifications: Certification[];
  subprocessors: string[];
  /** Defaults to `internal`. */
  data: DataClass;
  substitutability?: Substitutability;
  exit_plan?: boolean;
  notes?: string;
}

/**
 * `mfa`: every interactive login needs a second factor (it sets the implicit internet edge's auth, SPEC §2.1);
 * `backups`: offline or immutable backups exist and are restore-tested.
 */
export interface Controls { mfa?: boolean; audit_log?: boolean; rate_limit?: boolean; backups?: boolean }

/** One `depends_on` entry: a plain id is a group of one. */
export interface Dependency {
  anyOf: string[];
  /** True when written as `{any_of: [...]}`. */
  isAnyOf: boolean;
  loc: SourceLocation;
}

export interface System extends Located {
  id: string;
  name: string;
  zone: string;
  /** Defaults to `application`. */
  kind: SystemKind;
  vendor?: string;
  /**
   * Defaults to true: the vendor can act on this system, so a supply edge vendor → system exists (SPEC §2.1).
   * False for a product the vendor can no longer touch.
   */
  vendor_access: boolean;
  owner?: string;
  /** Defaults to `medium`. */
  criticality: Level;
  /** Defaults to `internal`. */
  data: DataClass;
  records?: number;
  internet_facing: boolean;
  end_of_support?: string;
  /** Resolved: explicit value, else true for gateway kinds. */
  enforcement: boolean;
  redundant: boolean;
  controls: Controls;
  depends_on: Dependency[];
  tags: string[];
  description?: string;
}

export interface Link extends Located {
  /** Explicit or default id (`<from>-to-<to>[-<port>]`, or `internet-to-<system>` for implicit edges). */
  id: string;
  from: string;
  to: string;
  kind: LinkKind;
  protocol?: string;
  port?: number;
  /** Defaults to `none`. */
  auth: AuthKind;
  /** Resolved: explicit value, else from the protocol (plaintext protocols are false, others true). */
  encrypted: boolean;
  via: string[];
  bidirectional: boolean;
  on_demand: boolean;
  purpose?: string;
  ticket?: string;
  description?: string;
  /** True for the implicit `internet` → system edge of an `internet_facing` system. */
  implicit: boolean;
}

export interface Acceptance extends Located {
  finding: string;
  reason: string;
  approved_by: string;
  expires: string;
  ticket?: string;
}

export interface Selector {
  zones?: string[];
  systems?: string[];
  /** A list of vendor ids, or `true` for all vendors. */
  vendors?: string[] | true;
  trust_max?: number;
  trust_min?: number;
  data_min?: DataClass;
  kinds?: SystemKind[];
  internet_facing?: boolean;
}

export interface SegmentationRule {
  id: string;
  description?: string;
  /** Undefined matches every node. */
  from?: Selector;
  to?: Selector;
  /** Gateway system ids; the built-in rule uses every enforcement system. */
  allow_via: string[];
  severity: Level;
  builtin: boolean;
  loc: SourceLocation;
}

export type FindingSeverity = Level | 'info';

export interface RuleOverride {
  off: boolean;
  severity?: FindingSeverity;
  /** Rule-specific numeric options, for example `threshold` for vendor-concentration. */
  options: ReadonlyMap<string, number>;
  loc: SourceLocation;
}

export interface ReviewSettings {
  assessment_max_age_days: Record<Level, number>;
  contract_warning_days: number;
  bulk_records_threshold: number;
  /** An acceptance expiring further ahead than this raises acceptance-too-long. */
  acceptance_max_days: number;
}

export interface RegisterConfig {
  version: number;
  organization?: string;
  /** User rules, plus the built-in `low-trust-to-sensitive` first unless `policy.builtin: false`. */
  segmentation: SegmentationRule[];
  review: ReviewSettings;
  rules: ReadonlyMap<string, RuleOverride>;
  loc: SourceLocation;
}

export interface Register {
  /** Absolute path of the register root (the directory holding `sidedoor.yaml`). */
  root: string;
  /** Register files, relative to root, sorted. */
  files: string[];
  config: RegisterConfig;
  /** Includes the built-in zones `internet` and `third-party`. */
  zones: ReadonlyMap<string, Zone>;
  vendors: ReadonlyMap<string, Vendor>;
  systems: ReadonlyMap<string, System>;
  /** Every link, implicit internet edges included, sorted by id. */
  links: Link[];
  acceptances: Acceptance[];
}

/** The built-in graph node. */
export const INTERNET_NODE = 'internet';
export const INTERNET_ZONE = 'internet';
export const THIRD_PARTY_ZONE = 'third-party';
export const BUILTIN_RULE_ID = 'low-trust-to-sensitive';

export const DATA_RANK: Record<DataClass, number> = { public: 0, internal: 1, confidential: 2, restricted: 3 };
export const LEVEL_RANK: Record<Level, number> = { low: 0, medium: 1, high: 2, critical: 3 };
export const GATEWAY_KINDS: readonly SystemKind[] = ['firewall', 'jump-host', 'proxy', 'vpn-gateway', 'waf'];
export const PLAINTEXT_PROTOCOLS: readonly string[] = ['http', 'ftp', 'telnet', 'ldap', 'snmp', 'smb1', 'vnc'];
