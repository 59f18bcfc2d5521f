// Reads the files of a generated register back with the yaml package, independently of the product's loader, and
// collects what the generator tests check: entities with the file they came from, every id and every reference.

import { parseDocument } from 'yaml';
import type { GeneratedFile } from '../../src/bench/generate-register.js';

type Entry = Record<string, unknown>;

export interface ReadRegister {
  files: string[];
  settings: Entry;
  zones: Entry[];
  vendors: Entry[];
  systems: Entry[];
  links: Entry[];
  acceptances: Entry[];
  /** Problems found while reading: YAML errors, unknown keys, wrong shapes. */
  problems: string[];
}

/** The fields SPEC §1 allows, per entity. */
export const FIELDS: Record<string, ReadonlySet<string>> = {
  zones: new Set(['id', 'name', 'trust', 'description']),
  vendors: new Set(['id', 'name', 'tier', 'zone', 'owner', 'country', 'identifiers', 'contacts', 'contract', 'assessments',
    'certifications', 'subprocessors', 'data', 'substitutability', 'exit_plan', 'notes']),
  systems: new Set(['id', 'name', 'zone', 'kind', 'vendor', 'owner', 'criticality', 'data', 'records', 'internet_facing',
    'end_of_support', 'enforcement', 'redundant', 'controls', 'depends_on', 'tags', 'description']),
  links: new Set(['id', 'from', 'to', 'kind', 'protocol', 'port', 'auth', 'encrypted', 'via', 'bidirectional', 'on_demand',
    'purpose', 'ticket', 'description']),
  acceptances: new Set(['finding', 'reason', 'approved_by', 'expires', 'ticket']),
};

const NESTED: Record<string, ReadonlySet<string>> = {
  identifiers: new Set(['siren', 'siret', 'lei', 'vat', 'duns']),
  contacts: new Set(['name', 'email', 'role', 'phone']),
  contract: new Set(['ref', 'start', 'end', 'notice_days', 'audit_rights', 'breach_notification_hours']),
  assessments: new Set(['date', 'kind', 'result', 'expires', 'evidence']),
  certifications: new Set(['name', 'expires']),
  controls: new Set(['mfa', 'audit_log', 'rate_limit', 'backups']),
};

const ENTITY_KEYS = ['zones', 'vendors', 'systems', 'links', 'acceptances'] as const;
const SETTINGS_KEYS = new Set(['version', 'organization', 'policy', 'review', 'rules']);

export function readGenerated(files: readonly GeneratedFile[]): ReadRegister {
  const out: ReadRegister = { files: [], settings: {}, zones: [], vendors: [], systems: [], links: [], acceptances: [], problems: [] };
  for (const file of files) {
    out.files.push(file.path);
    const doc = parseDocument(file.content, { uniqueKeys: true, strict: true });
    if (doc.errors.length > 0 || doc.warnings.length > 0) {
      out.problems.push(`${file.path}: ${[...doc.errors, ...doc.warnings].map((e) => e.message).join('; ')}`);
      continue;
    }
    const top = doc.toJS() as unknown;
    if (!isEntry(top)) {
      out.problems.push(`${file.path}: not a mapping`);
      continue;
    }
    for (const [key, value] of Object.entries(top)) {
      if (file.path === 'sidedoor.yaml' && SETTINGS_KEYS.has(key)) {
        out.settings[key] = value;
        continue;
      }
      const kind = ENTITY_KEYS.find((k) => k === key);
      if (!kind || !Array.isArray(value) || value.length === 0) {
        out.problems.push(`${file.path}: top-level key ${key} is not a non-empty entity list`);
        continue;
      }
      for (const item of value as unknown[]) {
        if (!isEntry(item)) {
          out.problems.push(`${file.path}: ${kind} item is not a mapping`);
          continue;
        }
        checkFields(file.path, kind, item, out.problems);
        out[kind].push({ ...item, __file: file.path });
      }
    }
  }
  return out;
}

function checkFields(path: string, kind: string, item: Entry, problems: string[]): void {
  for (const [key, value] of Object.entries(item)) {
    if (!FIELDS[kind].has(key)) problems.push(`${path}: ${kind} ${String(item.id)} has unknown key ${key}`);
    const nested = NESTED[key];
    if (!nested) continue;
    for (const part of Array.isArray(value) ? value : [value]) {
      if (!isEntry(part)) {
        problems.push(`${path}: ${kind} ${String(item.id)}: ${key} is not a mapping`);
        continue;
      }
      for (const sub of Object.keys(part)) if (!nested.has(sub)) problems.push(`${path}: ${key}.${sub} is not a SPEC field`);
    }
  }
}

function isEntry(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const ID_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/;

export function linkIdOf(link: Entry): string {
  if (typeof link.id === 'string') return link.id;
  return `${String(link.from)}-to-${String(link.to)}${link.port === undefined ? '' : `-${String(link.port)}`}`;
}

export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Every date-valued field of the register, with a label saying where it is. */
export function datesOf(register: ReadRegister): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const v of register.vendors) {
    const contract = v.contract as Entry | undefined;
    if (contract?.start !== undefined) out.push([`${String(v.id)} contract.start`, contract.start]);
    if (contract?.end !== undefined) out.push([`${String(v.id)} contract.end`, contract.end]);
    for (const a of (v.assessments as Entry[] | undefined) ?? []) {
      out.push([`${String(v.id)} assessment`, a.date]);
      if (a.expires !== undefined) out.push([`${String(v.id)} assessment.expires`, a.expires]);
    }
    for (const c of (v.certifications as Entry[] | undefined) ?? []) if (c.expires !== undefined) out.push([`${String(v.id)} certification`, c.expires]);
  }
  for (const s of register.systems) if (s.end_of_support !== undefined) out.push([`${String(s.id)} end_of_support`, s.end_of_support]);
  for (const a of register.acceptances) out.push([`acceptance ${String(a.finding)}`, a.expires]);
  return out;
}
