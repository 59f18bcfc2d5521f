// The register format of SPEC §1 as zod schemas. They validate only: defaults are resolved later, in
// build-register.ts, so that the same schemas also generate the JSON Schemas in schemas/ (z.toJSONSchema) without
// transforms getting in the way. Every object is strict: an unknown key is an error, never silently dropped.

import { z } from 'zod';
import { RULE_IDS } from './rule-ids.js';

export const ID_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/;

export const idSchema = z.string().regex(ID_PATTERN, {
  message: 'must be lowercase letters, digits, `.`, `_` or `-`, start and end with a letter or digit, at most 64 characters',
});

/** A real calendar date written `YYYY-MM-DD` (so `2026-13-45` and `2026-02-30` are rejected). */
export const dateSchema = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a real date written YYYY-MM-DD' })
  .refine(isCalendarDate, { message: 'must be a real date written YYYY-MM-DD' });

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const levelSchema = z.enum(['low', 'medium', 'high', 'critical']);
export const dataClassSchema = z.enum(['public', 'internal', 'confidential', 'restricted']);
export const severitySchema = z.enum(['critical', 'high', 'medium', 'low', 'info']);
export const systemKindSchema = z.enum([
  'application', 'database', 'server', 'workstation', 'network-device', 'identity', 'messaging', 'saas', 'ot-device',
  'firewall', 'jump-host', 'proxy', 'vpn-gateway', 'waf', 'other',
]);
const trustSchema = z.number().int().min(0).max(4);

export const zoneSchema = z.strictObject({
  id: idSchema,
  name: z.string().optional(),
  trust: trustSchema,
  description: z.string().optional(),
});

const contactSchema = z.strictObject({
  name: z.string(),
  email: z.string(),
  role: z.enum(['security', 'account', 'dpo', 'support', 'other']),
  phone: z.string().optional(),
});

const contractSchema = z.strictObject({
  ref: z.string().optional(),
  start: dateSchema.optional(),
  end: dateSchema.optional(),
  notice_days: z.number().int().min(0).optional(),
  audit_rights: z.boolean().optional(),
  breach_notification_hours: z.number().min(0).optional(),
});

const assessmentSchema = z.strictObject({
  date: dateSchema,
  kind: z.enum(['questionnaire', 'sig-lite', 'sig-core', 'iso27001', 'soc2', 'pentest', 'onsite-audit', 'other']),
  result: z.enum(['pass', 'conditional', 'fail']),
  expires: dateSchema.optional(),
  evidence: z.string().optional(),
});

export const vendorSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  tier: levelSchema,
  zone: idSchema.optional(),
  owner: z.string().optional(),
  country: z.string().regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as FR' }).optional(),
  identifiers: z.strictObject({
    siren: z.string().optional(),
    siret: z.string().optional(),
    lei: z.string().optional(),
    vat: z.string().optional(),
    duns: z.string().optional(),
  }).optional(),
  contacts: z.array(contactSchema).optional(),
  contract: contractSchema.optional(),
  assessments: z.array(assessmentSchema).optional(),
  certifications: z.array(z.strictObject({ name: z.string(), expires: dateSchema.optional() })).optional(),
  subprocessors: z.array(idSchema).optional(),
  data: dataClassSchema.optional(),
  substitutability: z.enum(['easy', 'medium', 'hard', 'none']).optional(),
  exit_plan: z.boolean().optional(),
  notes: z.string().optional(),
});

export const dependencySchema = z.union([idSchema, z.strictObject({ any_of: z.array(idSchema).min(1) })]);

export const systemSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  zone: idSchema,
  kind: systemKindSchema.optional(),
  vendor: idSchema.optional(),
  vendor_access: z.boolean().optional(),
  owner: z.string().optional(),
  criticality: levelSchema.optional(),
  data: dataClassSchema.optional(),
  records: z.number().int().min(0).optional(),
  internet_facing: z.boolean().optional(),
  end_of_support: dateSchema.optional(),
  enforcement: z.boolean().optional(),
  redundant: z.boolean().optional(),
  controls: z.strictObject({
    mfa: z.boolean().optional(),
    audit_log: z.boolean().optional(),
    rate_limit: z.boolean().optional(),
    backups: z.boolean().optional(),
  }).optional(),
  depends_on: z.array(dependencySchema).optional(),
  tags: z.array(z.string()).optional(),
  description: z.string().optional(),
});

export const linkSchema = z.strictObject({
  id: idSchema.optional(),
  from: idSchema,
  to: idSchema,
  kind: z.enum(['network', 'remote-access', 'credential']).optional(),
  protocol: z.string().optional(),
  port: z.number().int().min(1).max(65535).optional(),
  auth: z.enum(['none', 'password', 'key', 'certificate', 'mfa']).optional(),
  encrypted: z.boolean().optional(),
  via: z.array(idSchema).optional(),
  bidirectional: z.boolean().optional(),
  on_demand: z.boolean().optional(),
  purpose: z.string().optional(),
  ticket: z.string().optional(),
  description: z.string().optional(),
});

/** A finding id, or a pattern in which `*` stands for exactly one `:`-separated segment. */
export const findingPatternSchema = z.string().regex(/^[a-z0-9*][a-z0-9._*-]*(?::[a-z0-9._*-]+)*$/, {
  message: 'must be a finding id such as `weak-authentication:parking-app-to-fs-01-445`, where `*` stands for one segment',
});

export const acceptanceSchema = z.strictObject({
  finding: findingPatternSchema,
  reason: z.string().min(1),
  approved_by: z.string().min(1),
  expires: dateSchema,
  ticket: z.string().optional(),
});

const selectorSchema = z.strictObject({
  zones: z.array(idSchema).optional(),
  systems: z.array(idSchema).optional(),
  vendors: z.union([z.array(idSchema), z.literal(true)]).optional(),
  trust_max: trustSchema.optional(),
  trust_min: trustSchema.optional(),
  data_min: dataClassSchema.optional(),
  kinds: z.array(systemKindSchema).optional(),
  internet_facing: z.boolean().optional(),
});

export const segmentationRuleSchema = z.strictObject({
  id: idSchema,
  description: z.string().optional(),
  from: selectorSchema.optional(),
  to: selectorSchema.optional(),
  allow_via: z.array(idSchema).optional(),
  severity: levelSchema.optional(),
});

const ruleSettingSchema = z.union([
  z.literal('off'),
  severitySchema,
  z.strictObject({
    severity: z.union([z.literal('off'), severitySchema]).optional(),
    threshold: z.number().int().min(1).optional(),
  }),
]);

const ruleSettingsShape = Object.fromEntries(RULE_IDS.map((id) => [id, ruleSettingSchema.optional()]));

export const configSchemaFields = {
  version: z.literal(1),
  organization: z.string().optional(),
  policy: z.strictObject({
    builtin: z.boolean().optional(),
    segmentation: z.array(segmentationRuleSchema).optional(),
  }).optional(),
  review: z.strictObject({
    assessment_max_age_days: z.strictObject({
      critical: z.number().int().min(1).optional(),
      high: z.number().int().min(1).optional(),
      medium: z.number().int().min(1).optional(),
      low: z.number().int().min(1).optional(),
    }).optional(),
    contract_warning_days: z.number().int().min(0).optional(),
    bulk_records_threshold: z.number().int().min(0).optional(),
  }).optional(),
  rules: z.strictObject(ruleSettingsShape).optional(),
};

export const entityListFields = {
  zones: z.array(zoneSchema).optional(),
  vendors: z.array(vendorSchema).optional(),
  systems: z.array(systemSchema).optional(),
  links: z.array(linkSchema).optional(),
  acceptances: z.array(acceptanceSchema).optional(),
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

export const ENTITY_KEYS = ['zones', 'vendors', 'systems', 'links', 'acceptances'] as const;
export type EntityKey = (typeof ENTITY_KEYS)[number];
export const CONFIG_KEYS = ['version', 'organization', 'policy', 'review', 'rules'] as const;

/** Bumped whenever the schema changes meaning, so that parse caches keyed on it are invalidated. */
export const SCHEMA_VERSION = 1;
