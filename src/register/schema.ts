// The register format of SPEC §1 as zod schemas. They validate only: defaults are resolved later, in
// build-register.ts, so that the same schemas also generate the JSON Schemas in schemas/ (z.toJSONSchema) without
// transforms getting in the way. Every object is strict: an unknown key is an error, never silently dropped.

import { z } from 'zod';
import { RULE_IDS } from './rule-ids.js';
import { calendarDateProblem } from '../util/calendar.js';
import type { EntityKey } from './register-names.js';

export const ID_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/;

/** SPEC §1.6: lower-case ASCII only, so a look-alike letter (Cyrillic `р`) or an invisible one cannot dodge the
 * plaintext-protocol defaults. */
export const PROTOCOL_PATTERN = /^[a-z0-9][a-z0-9+.-]*$/;

export const idSchema = z.string().regex(ID_PATTERN, {
  message: 'must be lowercase letters, digits, `.`, `_` or `-`, start and end with a letter or digit, at most 64 characters',
});

/** A real calendar date written `YYYY-MM-DD` (so `2026-13-45` and `2026-02-30` are rejected). One check, so a value
 * gets one message: a pattern check followed by a calendar check would report a malformed date twice. The pattern is
 * declared as metadata only, for the generated JSON Schemas (editors check the shape; the calendar is ours). */
export const dateSchema = z.string()
  .check((ctx) => {
    const problem = calendarDateProblem(ctx.value);
    if (problem !== undefined) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  })
  .meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const levelSchema = z.enum(['low', 'medium', 'high', 'critical']);
export const dataClassSchema = z.enum(['public', 'internal', 'confidential', 'restricted']);
export const severitySchema = z.enum(['critical', 'high', 'medium', 'low', 'info']);
export const systemKindSchema = z.enum([
  'application', 'database', 'server', 'workstation', 'network-device', 'identity', 'messaging', 'saas', 'ot-device',
  'firewall', 'jump-host', 'proxy', 'vpn-gateway', 'waf', 'other',
]);
const trustSchema = z.number().int().min(0).max(4);

// Every field carries a `.describe()` in the words of docs/register-format.md: the JSON Schemas generated from these
// (schemas/) show them on hover in editors, and a test fails on any property without one.

export const zoneSchema = z.strictObject({
  id: idSchema.describe('The zone id: lower-case letters and digits, with `.`, `_` and `-` inside; 1 to 64 characters.'),
  name: z.string().optional().describe('Display name; default: the id.'),
  trust: trustSchema.describe('Trust level, 0 to 4: 0 untrusted (the internet), 1 partner, guest, IoT/OT field, 2 internal, 3 sensitive, 4 administration, tier 0. It decides which paths are dangerous.'),
  description: z.string().optional().describe('Free text about the zone.'),
});

const contactSchema = z.strictObject({
  name: z.string().describe('Contact name.'),
  email: z.string().describe('Contact email address.'),
  role: z.enum(['security', 'account', 'dpo', 'support', 'other']).describe('Role of the contact; `missing-security-contact` looks for `security`.'),
  phone: z.string().optional().describe('Phone number; quote it if it is all digits.'),
});

const contractSchema = z.strictObject({
  ref: z.string().optional().describe('Contract reference.'),
  start: dateSchema.optional().describe('Start date of the contract, YYYY-MM-DD.'),
  end: dateSchema.optional().describe('End date of the contract, YYYY-MM-DD; drives `contract-expired` (before today) and `contract-expiring` (within `contract_warning_days`).'),
  notice_days: z.number().int().min(0).optional().describe('Notice period, in days.'),
  audit_rights: z.boolean().optional().describe('Whether you may audit the vendor.'),
  breach_notification_hours: z.number().min(0).optional().describe('Contractual delay to notify a breach, in hours.'),
});

const assessmentSchema = z.strictObject({
  date: dateSchema.describe('When it was done, YYYY-MM-DD. Only the newest assessment (latest `date`) counts.'),
  kind: z.enum(['questionnaire', 'sig-lite', 'sig-core', 'iso27001', 'soc2', 'pentest', 'onsite-audit', 'other']).describe('Kind of assessment.'),
  result: z.enum(['pass', 'conditional', 'fail']).describe('Result; `assessment-failed` fires when the newest assessment is `fail`.'),
  expires: dateSchema.optional().describe('When the report or certificate stops being valid, YYYY-MM-DD.'),
  evidence: z.string().optional().describe('Where the evidence is kept.'),
});

export const vendorSchema = z.strictObject({
  id: idSchema.describe('Node id: vendors and systems share one namespace, and neither may be called `internet`.'),
  name: z.string().describe('Display name.'),
  tier: levelSchema.describe('How much the organization depends on this vendor.'),
  zone: idSchema.optional().describe('Zone id: where the vendor\'s own staff and systems sit; default `third-party` (trust 1).'),
  owner: z.string().optional().describe('The internal person or team accountable for the vendor.'),
  country: z.string().regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as FR' }).optional()
    .describe('Headquarters, ISO 3166-1 alpha-2 in capitals: `FR`, `DE`.'),
  identifiers: z.strictObject({
    siren: z.string().optional().describe('French SIREN number (quote it).'),
    siret: z.string().optional().describe('French SIRET number (quote it).'),
    lei: z.string().optional().describe('Legal Entity Identifier.'),
    vat: z.string().optional().describe('VAT number.'),
    duns: z.string().optional().describe('D-U-N-S number (quote it).'),
  }).optional().describe('Any of `siren`, `siret`, `lei`, `vat`, `duns`, each a string.'),
  contacts: z.array(contactSchema.describe('A contact: name, email, role and optional phone.')).optional().describe('List of contacts; default `[]`.'),
  contract: contractSchema.optional().describe('The contract; every field is optional. A vendor of tier `critical` or `high` with no `contract` at all counts as `contract-expired`.'),
  assessments: z.array(assessmentSchema.describe('An assessment: date, kind, result, and optional expires and evidence.')).optional()
    .describe('List of assessments; default `[]`. Only the newest (latest `date`) counts; keep older ones as history.'),
  certifications: z.array(z.strictObject({
    name: z.string().describe('Name of the certification.'),
    expires: dateSchema.optional().describe('When the certification expires, YYYY-MM-DD.'),
  }).describe('A certification: `name`, and optional `expires`.')).optional().describe('List of `{name, expires?}`; default `[]`.'),
  subprocessors: z.array(idSchema.describe('A vendor id.')).optional()
    .describe('List of vendor ids: fourth parties this vendor\'s service relies on; not the vendor itself. Default `[]`.'),
  data: dataClassSchema.optional().describe('The most sensitive data the vendor processes; default `internal`.'),
  substitutability: z.enum(['easy', 'medium', 'hard', 'none']).optional().describe('How hard the vendor would be to replace.'),
  exit_plan: z.boolean().optional().describe('Whether a documented exit plan exists; absent counts as no plan.'),
  notes: z.string().optional().describe('Free text.'),
});

export const dependencySchema = z.union([
  idSchema.describe('A node id (a system, a vendor, or `internet`): satisfied while that node runs.'),
  z.strictObject({
    any_of: z.array(idSchema.describe('A node id.')).min(1).describe('At least one node id: satisfied while at least one member runs.'),
  }).describe('`{any_of: [id, id, ...]}`: satisfied while at least one member runs.'),
]);

export const systemSchema = z.strictObject({
  id: idSchema.describe('Node id: vendors and systems share one namespace, and neither may be called `internet`.'),
  name: z.string().describe('Display name.'),
  zone: idSchema.describe('Zone id: the network zone it lives in.'),
  kind: systemKindSchema.optional().describe('Kind of system; default `application`. The gateway kinds `firewall`, `jump-host`, `proxy`, `vpn-gateway` and `waf` are enforcement systems unless they say `enforcement: false`.'),
  vendor: idSchema.optional().describe('Vendor id: who supplies or operates it. If that vendor is down (or one of its subprocessors), this system is down too, and whoever compromises the vendor holds this system (a supply edge, unless `vendor_access: false`).'),
  vendor_access: z.boolean().optional().describe('The vendor can act on this system (hosts, operates, administers, supports or updates it): a supply edge from the vendor to the system. Default `true`; set `false` for a product the vendor can no longer touch.'),
  owner: z.string().optional().describe('Accountable person or team.'),
  criticality: levelSchema.optional().describe('Business impact if it is unavailable; default `medium`.'),
  data: dataClassSchema.optional().describe('The most sensitive data held; default `internal`.'),
  records: z.number().int().min(0).optional().describe('How many people\'s records it holds.'),
  internet_facing: z.boolean().optional().describe('Reachable from the internet: adds an implicit link `internet-to-<id>`. Default `false`.'),
  end_of_support: dateSchema.optional().describe('YYYY-MM-DD: the system is legacy once this date is on or before today.'),
  enforcement: z.boolean().optional().describe('The system filters traffic: a gateway. Default `true` for gateway kinds, else `false`.'),
  redundant: z.boolean().optional().describe('Internally highly available (a cluster): never a single point of failure. Default `false`.'),
  controls: z.strictObject({
    mfa: z.boolean().optional().describe('Every interactive login into the system needs a second factor; it sets the authentication of the implicit internet edge (`mfa` if true, else `password`). Absent means no.'),
    audit_log: z.boolean().optional().describe('Access is logged for audit; absent means no.'),
    rate_limit: z.boolean().optional().describe('Requests are rate-limited; absent means no.'),
    backups: z.boolean().optional().describe('Offline or immutable backups exist and are restore-tested (`backup-missing` checks it on high and critical systems). Absent means no.'),
  }).optional().describe('`mfa`, `audit_log`, `rate_limit`, `backups`: booleans, absent means no. Default `{}`.'),
  depends_on: z.array(dependencySchema.describe('A node id, or `{any_of: [id, ...]}`.')).optional()
    .describe('Availability dependencies: what must run for this system to run. Each entry is a node id, or `{any_of: [id, ...]}`. Default `[]`.'),
  tags: z.array(z.string().describe('A free label.')).optional().describe('List of free labels; default `[]`.'),
  description: z.string().optional().describe('Free text about the system.'),
});

export const linkSchema = z.strictObject({
  id: idSchema.optional().describe('Link id; default `<from>-to-<to>`, with `-<port>` appended when a port is given. Findings about the link are named after it.'),
  from: idSchema.describe('Node id of the initiator: a system, a vendor, or `internet`. Whoever controls `from` can attack `to`.'),
  to: idSchema.describe('Node id of the target: a system, a vendor, or `internet`.'),
  kind: z.enum(['network', 'remote-access', 'credential']).optional().describe('`network`: a network flow; `remote-access`: an interactive remote session; `credential`: `from` holds secrets that open `to`, crossing any network segmentation. Default `network`.'),
  protocol: z.string().regex(PROTOCOL_PATTERN, {
    message: 'must be a protocol name in lower-case ASCII: letters a-z, digits, `+`, `.` or `-`, starting with a letter or digit (for example `https`, `ldaps`, `smb`)',
  }).optional().describe('Lower-case ASCII (`^[a-z0-9][a-z0-9+.-]*$`), for example `https`, `ldap`, `ldaps`, `rdp`, `ssh`, `smb`, `sql`, `http`, `ftp`, `telnet`, `snmp`.'),
  port: z.number().int().min(1).max(65535).optional().describe('Port, 1 to 65535.'),
  auth: z.enum(['none', 'password', 'key', 'certificate', 'mfa']).optional().describe('How the initiator authenticates; default `none`.'),
  encrypted: z.boolean().optional().describe('Default from the protocol: `http`, `ftp`, `telnet`, `ldap`, `snmp`, `smb1` and `vnc` (any case) are plaintext; any other protocol, or none, counts as encrypted. Say `encrypted: false` for other clear-text protocols.'),
  via: z.array(idSchema.describe('A system id.')).optional().describe('List of system ids: the gateways this traffic passes through. Default `[]`.'),
  bidirectional: z.boolean().optional().describe('The flow goes both ways: the graph gets an edge in each direction. Default `false`.'),
  on_demand: z.boolean().optional().describe('Enabled only on request and for a limited time. Default `false`.'),
  purpose: z.string().optional().describe('Why the link exists.'),
  ticket: z.string().optional().describe('The ticket that approved or tracks the link.'),
  description: z.string().optional().describe('Free text about the link.'),
});

/** A finding id, or a pattern in which `*` stands for exactly one `:`-separated segment. The rule (the first segment)
 * is always written out (SPEC §1.7): `*:parking-app` would accept every rule's finding about a subject at once. */
export const findingPatternSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]*(?::[a-z0-9._*-]+)*$/, {
  message: 'must be a finding id such as `weak-authentication:parking-app-to-fs-01-445`; `*` stands for one segment after the '
    + 'rule, which is always written out (`weak-authentication:*`, never `*:parking-app`)',
});

export const acceptanceSchema = z.strictObject({
  finding: findingPatternSchema.describe('A finding id; `*` stands for exactly one `:`-separated segment.'),
  reason: z.string().min(1).describe('Why the risk is accepted.'),
  approved_by: z.string().min(1).describe('Who accepted it.'),
  expires: dateSchema.describe('The last day the acceptance holds, YYYY-MM-DD; it expires the day after.'),
  ticket: z.string().optional().describe('The ticket that records the decision.'),
});

const selectorSchema = z.strictObject({
  zones: z.array(idSchema.describe('A zone id.')).optional().describe('List of zone ids: nodes in one of these zones.'),
  systems: z.array(idSchema.describe('A system id.')).optional().describe('List of system ids: these systems.'),
  vendors: z.union([z.array(idSchema.describe('A vendor id.')), z.literal(true)]).optional()
    .describe('List of vendor ids, or `true`: these vendor nodes; `true`: every vendor.'),
  trust_max: trustSchema.optional().describe('Integer 0 to 4: nodes whose zone\'s trust is ≤ this.'),
  trust_min: trustSchema.optional().describe('Integer 0 to 4: nodes whose zone\'s trust is ≥ this.'),
  data_min: dataClassSchema.optional().describe('Nodes whose `data` is at least this (`internet` holds `public`).'),
  kinds: z.array(systemKindSchema.describe('A system kind.')).optional().describe('List of system kinds: systems of one of these kinds.'),
  internet_facing: z.boolean().optional().describe('Systems whose `internet_facing` equals this.'),
});

export const segmentationRuleSchema = z.strictObject({
  id: idSchema.describe('Rule id; appears in finding ids: `unsegmented-path:<rule id>:<source>:<zone>`.'),
  description: z.string().optional().describe('Shown in reports.'),
  from: selectorSchema.optional().describe('Selector of the sources; default every node. Across fields the conditions are ANDed; within one list the values are ORed.'),
  to: selectorSchema.optional().describe('Selector of the targets; default every node. A finding names the target\'s zone.'),
  allow_via: z.array(idSchema.describe('A system id.')).optional().describe('List of system ids: gateways whose presence on a path makes it acceptable. Default `[]`: no exceptions.'),
  severity: levelSchema.optional().describe('Severity of this rule\'s findings; default `high`.'),
});

const ruleSettingSchema = z.union([
  z.literal('off'),
  severitySchema,
  z.strictObject({
    severity: z.union([z.literal('off'), severitySchema]).optional().describe('`off`, or the severity every finding of the rule gets.'),
    threshold: z.number().int().min(1).optional().describe('Integer ≥ 1, read by `vendor-concentration` (default 3).'),
  }),
]);

const ruleSettingsShape = Object.fromEntries(RULE_IDS.map((id) => [id, ruleSettingSchema.optional()
  .describe(`Override for the rule \`${id}\`: \`off\` (the rule does not run); \`critical\`, \`high\`, \`medium\`, \`low\` or \`info\` (every finding of the rule gets this severity); or \`{severity, threshold}\`.`)]));

const maxAgeDays = (tier: string) => z.number().int().min(1).optional()
  .describe(`Integer ≥ 1: the newest assessment of a \`${tier}\` vendor may be at most this many days old.`);

export const configSchemaFields = {
  version: z.literal(1).describe('The format version; required in `sidedoor.yaml`, always `1`.'),
  organization: z.string().optional().describe('Shown in report headers.'),
  policy: z.strictObject({
    builtin: z.boolean().optional().describe('Keep the built-in segmentation rule `low-trust-to-sensitive`; default `true`.'),
    segmentation: z.array(segmentationRuleSchema.describe('A segmentation rule: no node matched by `from` may reach a node matched by `to` unless every path crosses one of the gateways in `allow_via`.')).optional()
      .describe('Your own segmentation rules; default `[]`.'),
  }).optional().describe('Segmentation rules; default: the built-in rule only.'),
  review: z.strictObject({
    assessment_max_age_days: z.strictObject({
      critical: maxAgeDays('critical'),
      high: maxAgeDays('high'),
      medium: maxAgeDays('medium'),
      low: maxAgeDays('low'),
    }).optional().describe('`assessment-overdue`: the newest assessment may be at most this many days old, by vendor tier. Default `{critical: 365, high: 365, medium: 730, low: 1095}`; tiers left out keep their default.'),
    contract_warning_days: z.number().int().min(0).optional().describe('`contract-expiring`: a contract ending within this many days. Default `90`.'),
    bulk_records_threshold: z.number().int().min(0).optional().describe('`bulk-data-unprotected`: a system with at least this many `records`. Default `10000`.'),
    acceptance_max_days: z.number().int().min(1).optional().describe('`acceptance-too-long`: an acceptance may expire at most this many days after today. Default `365`.'),
  }).optional().describe('Hygiene thresholds.'),
  rules: z.strictObject(ruleSettingsShape).optional().describe('Per-rule overrides: each key is a rule id; `off`, a severity, or `{severity, threshold}`. Default: every rule on, default severities.'),
};

export const entityListFields = {
  zones: z.array(zoneSchema.describe('A zone: a trust level that nodes sit in.')).optional().describe('A list of zones.'),
  vendors: z.array(vendorSchema.describe('A vendor: a third party, which is also a graph node.')).optional().describe('A list of vendors.'),
  systems: z.array(systemSchema.describe('A system: anything that runs; a graph node in its zone.')).optional().describe('A list of systems.'),
  links: z.array(linkSchema.describe('A link: a way in which control of one node gives access to another, in the direction compromise travels.')).optional().describe('A list of links.'),
  acceptances: z.array(acceptanceSchema.describe('An acceptance: a finding you have decided to live with, until it expires.')).optional().describe('A list of acceptances: the risk-acceptance register.'),
};

/** Any register file other than `sidedoor.yaml`. */
export const registerFileSchema = z.strictObject(entityListFields);

/** The settings part of `sidedoor.yaml` alone (its entity lists are validated entry by entry). */
export const configSettingsSchema = z.strictObject(configSchemaFields);

/** `sidedoor.yaml`: the entity lists plus the register settings. `version` is required there. */
export const configFileSchema = z.strictObject({ ...configSchemaFields, ...entityListFields });

export type ZoneInput = z.infer<typeof zoneSchema>;
export type VendorInput = z.infer<typeof vendorSchema>;
export type SystemInput = z.infer<typeof systemSchema>;
export type LinkInput = z.infer<typeof linkSchema>;
export type AcceptanceInput = z.infer<typeof acceptanceSchema>;
export type SegmentationRuleInput = z.infer<typeof segmentationRuleSchema>;
export type ConfigFileInput = z.infer<typeof configFileSchema>;
export type RuleSettingInput = z.infer<typeof ruleSettingSchema>;

export { ENTITY_KEYS, SCHEMA_VERSION } from './register-names.js';
export type { EntityKey } from './register-names.js';
/** The schema of each kind of entity. */
export const ENTITY_SCHEMAS: Record<EntityKey, z.ZodType> = {
  zones: zoneSchema, vendors: vendorSchema, systems: systemSchema, links: linkSchema, acceptances: acceptanceSchema,
};
export const CONFIG_KEYS = ['version', 'organization', 'policy', 'review', 'rules'] as const;
