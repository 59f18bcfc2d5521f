// Parsed files → one Register: resolves SPEC defaults, adds the built-in zones and the implicit internet edges,
// names links, and checks what only the whole register can tell: duplicate ids (citing both places) and
// cross-references (with the nearest existing id as a suggestion). Order-independent: files may come in any order,
// entities may move between files, and the result is the same.

import type { ParsedConfig, ParsedEntity, ParsedFile } from './parse-file.js';
import { CONFIG_FILE } from './register-names.js';
import type {
  EntityKey, AcceptanceInput, LinkInput, RuleSettingInput, SegmentationRuleInput, SystemInput, VendorInput, ZoneInput,
} from './schema.js';
import type {
  Acceptance, Diagnostic, FindingSeverity, Link, Located, Register, RegisterConfig, ReviewSettings, RuleOverride,
  SegmentationRule, Selector, SourceLocation, System, Vendor, Zone,
} from './types.js';
import {
  BUILTIN_RULE_ID, GATEWAY_KINDS, INTERNET_NODE, INTERNET_ZONE, PLAINTEXT_PROTOCOLS, THIRD_PARTY_ZONE,
} from './types.js';
import { didYouMean } from './suggest.js';
import { UncheckedReferences } from './unparsed-files.js';
import { sortDiagnostics } from './sort-diagnostics.js';
import { FieldLocations } from './field-locations.js';
import { compareIds } from '../util/compare-ids.js';

export interface BuildResult {
  /** Present when there is no error (warnings allowed). */
  register?: Register;
  diagnostics: Diagnostic[];
}

/** A node id taken by a vendor or system (or the built-in internet node): the id string itself, and where. */
interface NodeClaim {
  id: string;
  loc: SourceLocation;
}

/** Reports a reference to an id that does not exist, unless a file that does not parse could have defined it. */
type UnknownReference = (kinds: readonly EntityKey[], id: string, loc: SourceLocation, message: string) => void;

const ZONES: readonly EntityKey[] = ['zones'];
const VENDORS: readonly EntityKey[] = ['vendors'];
const SYSTEMS: readonly EntityKey[] = ['systems'];
/** Graph nodes: `depends_on` and link ends name vendors or systems. */
const NODES: readonly EntityKey[] = ['vendors', 'systems'];

const DEFAULT_REVIEW: ReviewSettings = {
  assessment_max_age_days: { critical: 365, high: 365, medium: 730, low: 1095 },
  contract_warning_days: 90,
  bulk_records_threshold: 10000,
  acceptance_max_days: 365,
};

export function buildRegister(root: string, files: ParsedFile[]): BuildResult {
  const diagnostics: Diagnostic[] = files.flatMap((f) => f.diagnostics);
  const error = (loc: SourceLocation, message: string) => diagnostics.push({ ...loc, severity: 'error', message, scope: 'register' });
  const warn = (loc: SourceLocation, message: string) => diagnostics.push({ ...loc, severity: 'warning', message, scope: 'register' });
  // An unknown id that a file which does not parse could have defined is counted against that file, not reported.
  const unchecked = new UncheckedReferences(files);
  const unknown: UnknownReference = (kinds, id, loc, message) => {
    if (!unchecked.explains(kinds, id)) error(loc, message);
  };
  const ordered = [...files].sort((a, b) => compareIds(a.file, b.file));
  // An indexed loop: flatMap's generic flattening cost a warm M load about 80 M instructions (this runs once, mostly
  // before it is optimised), and a spread into concat would pass one argument per file, which the user may raise past
  // what a call can take.
  const entities: ParsedEntity[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const list = ordered[i].entities;
    for (let j = 0; j < list.length; j++) entities.push(list[j]);
  }
  const configFile = ordered.find((f) => f.file === CONFIG_FILE);
  if (configFile && !configFile.config && configFile.diagnostics.length === 0) {
    error({ file: CONFIG_FILE, line: 1, column: 1 }, `${CONFIG_FILE} must hold at least \`version: 1\``);
  }

  const zones = collectZones(entities, error);
  // Every reference is checked against the map of what it names, and then replaced by that entity's own id string:
  // equal text, but the very string the maps are keyed by, so that the analysis's many lookups of link ends and zones
  // find it by identity instead of hashing and comparing each copy the reader made (about 45 ms of a cold M scan).
  const nodeIds = new Map<string, NodeClaim>([[INTERNET_NODE, { id: INTERNET_NODE, loc: builtinLoc() }]]);
  const claimNode = (id: string, loc: SourceLocation) => {
    const first = nodeIds.get(id);
    if (first === undefined) nodeIds.set(id, { id, loc });
    else if (id === INTERNET_NODE) error(loc, `'internet' is the built-in internet node; choose another id`);
    else error(loc, `duplicate id '${id}': already defined at ${where(first.loc)}`);
    return first === undefined;
  };
  const vendors = new Map<string, Vendor>();
  const systems = new Map<string, System>();
  for (const e of entities) {
    if (e.key === 'vendors' && claimNode(String(e.data.id), e.loc)) vendors.set(String(e.data.id), toVendor(e));
    if (e.key === 'systems' && claimNode(String(e.data.id), e.loc)) systems.set(String(e.data.id), toSystem(e));
  }
  // Entries that failed their schema still count as defined for references (their own error is already reported).
  const invalid = ordered.flatMap((f) => f.invalidIds);
  for (const { key, id } of invalid) {
    if (key === 'zones' && !zones.has(id)) zones.set(id, { id, name: id, trust: 0, builtin: false, loc: builtinLoc(), fieldLocs: new Map() });
    if ((key === 'vendors' || key === 'systems') && !nodeIds.has(id)) nodeIds.set(id, { id, loc: builtinLoc() });
  }
  const invalidVendors = new Set(invalid.filter((i) => i.key === 'vendors').map((i) => i.id));
  const invalidSystems = new Set(invalid.filter((i) => i.key === 'systems').map((i) => i.id));
  const refError = (kinds: readonly EntityKey[], loc: SourceLocation, what: string, id: string, pool: Iterable<string>) =>
    unknown(kinds, id, loc, `${what} '${id}' does not exist${didYouMean(id, pool)}`);

  for (const vendor of vendors.values()) {
    const zone = zones.get(vendor.zone);
    if (zone === undefined) refError(ZONES, fieldLoc(vendor, 'zone'), `vendor '${vendor.id}': zone`, vendor.zone, zones.keys());
    else vendor.zone = zone.id;
    vendor.subprocessors.forEach((sub, i) => {
      const named = vendors.get(sub);
      if (named !== undefined) vendor.subprocessors[i] = named.id;
      else if (!invalidVendors.has(sub)) refError(VENDORS, fieldLoc(vendor, `subprocessors.${i}`), `vendor '${vendor.id}': subprocessor`, sub, vendors.keys());
      if (sub === vendor.id) error(fieldLoc(vendor, `subprocessors.${i}`), `vendor '${vendor.id}' lists itself as a subprocessor`);
    });
  }
  for (const system of systems.values()) {
    const zone = zones.get(system.zone);
    if (zone === undefined) refError(ZONES, fieldLoc(system, 'zone'), `system '${system.id}': zone`, system.zone, zones.keys());
    else system.zone = zone.id;
    if (system.vendor !== undefined) {
      const vendor = vendors.get(system.vendor);
      if (vendor !== undefined) system.vendor = vendor.id;
      else if (!invalidVendors.has(system.vendor)) refError(VENDORS, fieldLoc(system, 'vendor'), `system '${system.id}': vendor`, system.vendor, vendors.keys());
    }
    // Loops rather than nested forEach: no closures per system of a large register.
    for (let i = 0; i < system.depends_on.length; i++) {
      const dep = system.depends_on[i];
      for (let j = 0; j < dep.anyOf.length; j++) {
        const id = dep.anyOf[j];
        const node = nodeIds.get(id);
        if (node !== undefined) {
          dep.anyOf[j] = node.id;
          continue;
        }
        refError(NODES, fieldLoc(system, dep.isAnyOf ? `depends_on.${i}.any_of.${j}` : `depends_on.${i}`), `system '${system.id}': depends_on`, id, nodeIds.keys());
      }
    }
  }

  const links = collectLinks(entities, systems, invalidSystems, nodeIds, error, warn, unknown);
  const acceptances = entities.filter((e) => e.key === 'acceptances').map(toAcceptance);
  const config = toConfig(configFile?.config, zones, systems, vendors, error, unknown);
  diagnostics.push(...unchecked.summaries());

  const hasError = diagnostics.some((d) => d.severity === 'error');
  return {
    diagnostics: sortDiagnostics(diagnostics),
    register: hasError ? undefined : {
      root, files: ordered.map((f) => f.file), config, zones, vendors, systems, links, acceptances,
    },
  };
}

function collectZones(entities: ParsedEntity[], error: (loc: SourceLocation, message: string) => void): Map<string, Zone> {
  const zones = new Map<string, Zone>();
  const builtins: Zone[] = [
    { id: INTERNET_ZONE, name: INTERNET_ZONE, trust: 0, builtin: true, loc: builtinLoc(), fieldLocs: FieldLocations.empty(CONFIG_FILE) },
    { id: THIRD_PARTY_ZONE, name: THIRD_PARTY_ZONE, trust: 1, builtin: true, loc: builtinLoc(), fieldLocs: FieldLocations.empty(CONFIG_FILE) },
  ];
  for (const zone of builtins) zones.set(zone.id, zone);
  for (const e of entities) {
    if (e.key !== 'zones') continue;
    const input = e.data as ZoneInput;
    const existing = zones.get(input.id);
    if (existing && !existing.builtin) {
      error(e.loc, `duplicate zone '${input.id}': already defined at ${where(existing.loc)}`);
      continue;
    }
    zones.set(input.id, {
      id: input.id, name: input.name ?? input.id, trust: input.trust as Zone['trust'], description: input.description,
      builtin: false, loc: e.loc, fieldLocs: locationsOf(e),
    });
  }
  return zones;
}

function collectLinks(
  entities: ParsedEntity[], systems: Map<string, System>, invalidSystems: Set<string>, nodeIds: Map<string, NodeClaim>, error: (loc: SourceLocation, message: string) => void,
  warn: (loc: SourceLocation, message: string) => void, unknown: UnknownReference,
): Link[] {
  const links: Link[] = [];
  const unknownEnd = (link: Link, end: 'from' | 'to') => {
    const id = link[end];
    unknown(NODES, id, fieldLoc(link, end), `link '${link.id}': ${end} '${id}' does not exist${didYouMean(id, nodeIds.keys())}`);
  };
  // Plain loops, no closures or temporary arrays per link: a large register has hundreds of thousands of links.
  for (const e of entities) {
    if (e.key !== 'links') continue;
    const link = toLink(e);
    const from = nodeIds.get(link.from);
    if (from === undefined) unknownEnd(link, 'from');
    else link.from = from.id;
    const to = nodeIds.get(link.to);
    if (to === undefined) unknownEnd(link, 'to');
    else link.to = to.id;
    for (let i = 0; i < link.via.length; i++) {
      const gateway = link.via[i];
      if (invalidSystems.has(gateway)) continue;
      const system = systems.get(gateway);
      if (!system) {
        unknown(SYSTEMS, gateway, fieldLoc(link, `via.${i}`), `link '${link.id}': via '${gateway}' is not a system${didYouMean(gateway, systems.keys())}`);
        continue;
      }
      link.via[i] = system.id;
      if (!system.enforcement) {
        warn(fieldLoc(link, `via.${i}`), `link '${link.id}': via '${gateway}' is not an enforcement system (kind ${system.kind}, enforcement false), so it filters nothing`);
      }
    }
    links.push(link);
  }
  for (const system of systems.values()) {
    if (!system.internet_facing) continue;
    links.push({
      // SPEC §2.1: the login a visitor from the internet meets is the system's own, so `controls.mfa` sets the auth.
      id: `internet-to-${system.id}`, from: INTERNET_NODE, to: system.id, kind: 'network',
      auth: system.controls.mfa === true ? 'mfa' : 'password', encrypted: true,
      via: [], bidirectional: false, on_demand: false, implicit: true,
      loc: fieldLoc(system, 'internet_facing'), fieldLocs: new Map(),
    });
  }
  // Duplicates come out of the sort next to each other, the first defined first (the sort is stable): it is kept, and
  // each later one is reported. Cheaper than a Map of every link id.
  links.sort((a, b) => compareIds(a.id, b.id));
  const unique: Link[] = [];
  for (const link of links) {
    const first = unique.length > 0 ? unique[unique.length - 1] : undefined;
    if (first === undefined || first.id !== link.id) {
      unique.push(link);
      continue;
    }
    const hint = link.fieldLocs.has('id') ? '' : '; give one of them an explicit `id`';
    error(link.loc, `duplicate link id '${link.id}': already used at ${where(first.loc)}${hint}`);
  }
  return unique;
}

function toVendor(e: ParsedEntity): Vendor {
  const v = e.data as VendorInput;
  return {
    id: v.id, name: v.name, tier: v.tier, zone: v.zone ?? THIRD_PARTY_ZONE, owner: v.owner, country: v.country,
    identifiers: v.identifiers, contacts: v.contacts ?? [], contract: v.contract, assessments: v.assessments ?? [],
    certifications: v.certifications ?? [], subprocessors: v.subprocessors ?? [], data: v.data ?? 'internal',
    substitutability: v.substitutability, exit_plan: v.exit_plan, notes: v.notes, loc: e.loc, fieldLocs: locationsOf(e),
  };
}

function toSystem(e: ParsedEntity): System {
  const s = e.data as SystemInput;
  const kind = s.kind ?? 'application';
  const fieldLocs = locationsOf(e);
  return {
    id: s.id, name: s.name, zone: s.zone, kind, vendor: s.vendor, vendor_access: s.vendor_access ?? true,
    owner: s.owner, criticality: s.criticality ?? 'medium',
    data: s.data ?? 'internal', records: s.records, internet_facing: s.internet_facing ?? false,
    end_of_support: s.end_of_support, enforcement: s.enforcement ?? GATEWAY_KINDS.includes(kind),
    redundant: s.redundant ?? false, controls: s.controls ?? {},
    depends_on: (s.depends_on ?? []).map((dep, i) => {
      const loc = fieldLocs.get(`depends_on.${i}`) ?? e.loc;
      return typeof dep === 'string' ? { anyOf: [dep], isAnyOf: false, loc } : { anyOf: dep.any_of, isAnyOf: true, loc };
    }),
    tags: s.tags ?? [], description: s.description, loc: e.loc, fieldLocs,
  };
}

/** SPEC §1.6: `<from>-to-<to>`, with `-<port>` when a port is given. */
export function defaultLinkId(from: string, to: string, port?: number): string {
  return `${from}-to-${to}${port === undefined ? '' : `-${port}`}`;
}

function toLink(e: ParsedEntity): Link {
  const l = e.data as LinkInput;
  const protocol = l.protocol;
  return {
    id: l.id ?? defaultLinkId(l.from, l.to, l.port), from: l.from, to: l.to, kind: l.kind ?? 'network', protocol,
    port: l.port, auth: l.auth ?? 'none',
    encrypted: l.encrypted ?? !(protocol !== undefined && PLAINTEXT_PROTOCOLS.includes(protocol)),
    via: l.via ?? [], bidirectional: l.bidirectional ?? false, on_demand: l.on_demand ?? false, purpose: l.purpose,
    ticket: l.ticket, description: l.description, implicit: false, loc: e.loc, fieldLocs: locationsOf(e),
  };
}

function toAcceptance(e: ParsedEntity): Acceptance {
  const a = e.data as AcceptanceInput;
  return { finding: a.finding, reason: a.reason, approved_by: a.approved_by, expires: a.expires, ticket: a.ticket, loc: e.loc, fieldLocs: locationsOf(e) };
}

function toConfig(
  parsed: ParsedConfig | undefined, zones: Map<string, Zone>, systems: Map<string, System>, vendors: Map<string, Vendor>,
  error: (loc: SourceLocation, message: string) => void, unknown: UnknownReference,
): RegisterConfig {
  const data = (parsed?.data ?? {}) as {
    organization?: string;
    policy?: { builtin?: boolean; segmentation?: SegmentationRuleInput[] };
    review?: { assessment_max_age_days?: Partial<ReviewSettings['assessment_max_age_days']>; contract_warning_days?: number; bulk_records_threshold?: number; acceptance_max_days?: number };
    rules?: Record<string, RuleSettingInput | undefined>;
  };
  const configLoc = parsed?.loc ?? { file: CONFIG_FILE, line: 1, column: 1 };
  const locs = parsed ? FieldLocations.of(configLoc.file, parsed.locs) : FieldLocations.empty(CONFIG_FILE);
  const locOf = (path: string) => locs.get(path) ?? configLoc;

  const segmentation: SegmentationRule[] = [];
  if (data.policy?.builtin !== false) {
    const gateways = [...systems.values()].filter((s) => s.enforcement).map((s) => s.id).sort(compareIds);
    segmentation.push({
      id: BUILTIN_RULE_ID, description: 'Low-trust footholds (trust ≤ 1) must not reach sensitive zones (trust ≥ 3) except through an enforcement gateway',
      from: { trust_max: 1 }, to: { trust_min: 3 }, allow_via: gateways, severity: 'critical', builtin: true,
      loc: locs.get('policy.builtin') ?? configLoc,
    });
  }
  const seen = new Map<string, SourceLocation>();
  (data.policy?.segmentation ?? []).forEach((rule, i) => {
    const base = `policy.segmentation.${i}`;
    const loc = locOf(base);
    const firstAt = seen.get(rule.id) ?? (rule.id === BUILTIN_RULE_ID && data.policy?.builtin !== false ? configLoc : undefined);
    if (firstAt) error(locOf(`${base}.id`), `duplicate policy rule id '${rule.id}'${rule.id === BUILTIN_RULE_ID ? ' (the built-in rule; set `policy.builtin: false` to replace it)' : ''}`);
    seen.set(rule.id, loc);
    for (const side of ['from', 'to'] as const) checkSelector(rule[side], `${base}.${side}`, locOf, zones, systems, vendors, unknown);
    (rule.allow_via ?? []).forEach((id, j) => {
      if (!systems.has(id)) unknown(SYSTEMS, id, locOf(`${base}.allow_via.${j}`), `policy rule '${rule.id}': allow_via '${id}' is not a system${didYouMean(id, systems.keys())}`);
    });
    segmentation.push({
      id: rule.id, description: rule.description, from: rule.from as Selector | undefined, to: rule.to as Selector | undefined,
      allow_via: rule.allow_via ?? [], severity: rule.severity ?? 'high', builtin: false, loc,
    });
  });

  const review: ReviewSettings = {
    assessment_max_age_days: { ...DEFAULT_REVIEW.assessment_max_age_days, ...data.review?.assessment_max_age_days },
    contract_warning_days: data.review?.contract_warning_days ?? DEFAULT_REVIEW.contract_warning_days,
    bulk_records_threshold: data.review?.bulk_records_threshold ?? DEFAULT_REVIEW.bulk_records_threshold,
    acceptance_max_days: data.review?.acceptance_max_days ?? DEFAULT_REVIEW.acceptance_max_days,
  };

  const rules = new Map<string, RuleOverride>();
  for (const [id, setting] of Object.entries(data.rules ?? {})) {
    if (setting === undefined) continue;
    rules.set(id, toRuleOverride(setting, locOf(`rules.${id}`)));
  }
  return { version: 1, organization: data.organization, segmentation, review, rules, loc: configLoc };
}

function toRuleOverride(setting: RuleSettingInput, loc: SourceLocation): RuleOverride {
  if (setting === 'off') return { off: true, options: new Map(), loc };
  if (typeof setting === 'string') return { off: false, severity: setting as FindingSeverity, options: new Map(), loc };
  const options = new Map<string, number>();
  if (setting.threshold !== undefined) options.set('threshold', setting.threshold);
  return {
    off: setting.severity === 'off',
    severity: setting.severity === 'off' ? undefined : setting.severity,
    options, loc,
  };
}

function checkSelector(
  selector: SegmentationRuleInput['from'], base: string, locOf: (path: string) => SourceLocation,
  zones: Map<string, Zone>, systems: Map<string, System>, vendors: Map<string, Vendor>, unknown: UnknownReference,
): void {
  if (!selector) return;
  const check = (field: EntityKey, ids: string[] | undefined, pool: Map<string, unknown>, what: string) =>
    (ids ?? []).forEach((id, i) => {
      if (!pool.has(id)) unknown([field], id, locOf(`${base}.${field}.${i}`), `policy selector: ${what} '${id}' does not exist${didYouMean(id, pool.keys())}`);
    });
  check('zones', selector.zones, zones, 'zone');
  check('systems', selector.systems, systems, 'system');
  if (Array.isArray(selector.vendors)) check('vendors', selector.vendors, vendors, 'vendor');
}

function locationsOf(e: ParsedEntity): FieldLocations {
  return FieldLocations.of(e.loc.file, e.locs);
}

function fieldLoc(entity: Located, path: string): SourceLocation {
  return entity.fieldLocs.get(path) ?? entity.loc;
}

function builtinLoc(): SourceLocation {
  return { file: CONFIG_FILE, line: 1, column: 1 };
}

function where(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}
