// Records of every table → register entities: ids assigned, references resolved, child tables (contacts,
// assessments, certifications) attached to their vendors, settings gathered for sidedoor.yaml. Each entity keeps the
// cell of every field it holds, so an error the register loader finds later can be put back on its cell.

import { parse as parseYaml } from 'yaml';
import type { EntityKey } from '../register/schema.js';
import { acceptanceSchema, linkSchema, systemSchema, vendorSchema, zoneSchema } from '../register/schema.js';
import { INTERNET_NODE, INTERNET_ZONE, THIRD_PARTY_ZONE } from '../register/types.js';
import type { RefTarget, TableKind } from './fields.js';
import { TABLE_FIELDS } from './fields.js';
import type { Contact, FieldValue, RowRecord } from './read-rows.js';
import { assignIds, newClaims } from './assign-ids.js';
import { RefPool, resolveRef } from './resolve-refs.js';
import type { CellRef, ImportProblem } from './table.js';
import { formatCellRef } from './table.js';
import { omitDefaults } from './omit-defaults.js';

export interface Entity {
  key: EntityKey;
  id?: string;
  data: Record<string, unknown>;
  /** Field path (`name`, `contract.end`, `contacts.0`) → the cell it came from. */
  locs: Map<string, CellRef>;
  ref: CellRef;
}

export interface BuiltEntities {
  entities: Entity[];
  settings: Record<string, unknown>;
  settingLocs: Map<string, CellRef>;
}

const FIELD_ORDER: Record<EntityKey, string[]> = {
  zones: Object.keys(zoneSchema.shape),
  vendors: Object.keys(vendorSchema.shape),
  systems: Object.keys(systemSchema.shape),
  links: Object.keys(linkSchema.shape),
  acceptances: Object.keys(acceptanceSchema.shape),
};
const SETTING_KEYS = ['organization', 'policy', 'review', 'rules'];

export function buildEntities(records: RowRecord[], problems: ImportProblem[]): BuiltEntities {
  const of = (kind: TableKind) => records.filter((r) => r.kind === kind);
  const error = (ref: CellRef, message: string) => problems.push({ where: formatCellRef(ref), message, severity: 'error' });

  const zoneIds = assignIds(of('zones'), newClaims([]), 'zone', problems);
  const nodeClaims = newClaims([INTERNET_NODE]);
  const vendorIds = assignIds(of('vendors'), nodeClaims, 'vendor', problems);
  const systemIds = assignIds(of('systems'), nodeClaims, 'system', problems);

  const zones = new RefPool();
  for (const builtin of [INTERNET_ZONE, THIRD_PARTY_ZONE]) zones.add(builtin, builtin === THIRD_PARTY_ZONE ? 'third party' : 'Internet');
  const vendors = new RefPool();
  const systems = new RefPool();
  const internet = new RefPool();
  internet.add(INTERNET_NODE, 'Internet');
  const labelsOf = (r: RowRecord) => [r.fields.get('id')?.value as string | undefined, r.fields.get('name')?.value as string | undefined];
  for (const [r, id] of zoneIds) zones.add(id, ...labelsOf(r));
  for (const [r, id] of vendorIds) vendors.add(id, ...labelsOf(r));
  for (const [r, id] of systemIds) systems.add(id, ...labelsOf(r));
  const pools: Record<RefTarget, RefPool[]> = { zone: [zones], vendor: [vendors], system: [systems], node: [vendors, systems, internet] };

  const resolve = (field: FieldValue, target: RefTarget, text: string): string | undefined => {
    const resolved = resolveRef(text, pools[target], target === 'node' ? 'vendor or system' : target);
    if (resolved.ok) return resolved.id;
    error(field.ref, resolved.message);
    return undefined;
  };

  const toEntity = (key: EntityKey, record: RowRecord, id: string | undefined): Entity => {
    const data: Record<string, unknown> = {};
    const locs = new Map<string, CellRef>();
    if (id !== undefined) {
      data.id = id;
      locs.set('id', record.fields.get('id')?.ref ?? record.ref);
    }
    // In the catalogue's order, not the columns': the same data gives the same file whatever the column order.
    for (const { field, spec } of TABLE_FIELDS[record.kind]) {
      const value = record.fields.get(field);
      if (field === 'id' || value === undefined) continue;
      let out: unknown = value.value;
      if (spec.type === 'ref') out = resolve(value, spec.target, value.value as string);
      else if (spec.type === 'refs') out = (value.value as string[]).map((t) => resolve(value, spec.target, t));
      else if (spec.type === 'depends') {
        out = (value.value as { anyOf: boolean; ids: string[] }[]).map((g) => {
          const ids = g.ids.map((t) => resolve(value, 'node', t));
          return g.anyOf ? { any_of: ids } : ids[0];
        });
      } else if (spec.type === 'certifications') out = (value.value as string[]).map((name) => ({ name }));
      if (spec.type === 'contacts') {
        const list = (data.contacts ??= []) as Contact[];
        for (const c of value.value as Contact[]) {
          locs.set(`contacts.${list.length}`, value.ref);
          list.push(c);
        }
        continue;
      }
      setPath(data, field, out);
      locs.set(field, value.ref);
    }
    return { key, id, data, locs, ref: record.ref };
  };

  const entities: Entity[] = [];
  for (const r of of('zones')) entities.push(toEntity('zones', r, zoneIds.get(r)));
  const vendorEntities = new Map<string, Entity>();
  for (const r of of('vendors')) {
    const e = toEntity('vendors', r, vendorIds.get(r));
    if (e.id !== undefined) vendorEntities.set(e.id, e);
    entities.push(e);
  }
  for (const r of of('systems')) entities.push(toEntity('systems', r, systemIds.get(r)));
  for (const r of of('links')) entities.push(linkEntity(toEntity('links', r, undefined), r));
  for (const r of of('acceptances')) entities.push(toEntity('acceptances', r, undefined));

  for (const [kind, list] of [['contacts', 'contacts'], ['assessments', 'assessments'], ['certifications', 'certifications']] as const) {
    for (const r of of(kind)) {
      const owner = r.fields.get('vendor');
      if (owner === undefined) continue;
      const id = resolve(owner, 'vendor', owner.value as string);
      const vendor = id === undefined ? undefined : vendorEntities.get(id);
      if (vendor === undefined) continue;
      const item: Record<string, unknown> = {};
      for (const { field } of TABLE_FIELDS[kind]) {
        const value = r.fields.get(field);
        if (field !== 'vendor' && value !== undefined) item[field] = value.value;
      }
      const items = (vendor.data[list] ??= []) as unknown[];
      vendor.locs.set(`${list}.${items.length}`, r.ref);
      items.push(item);
    }
  }
  for (const e of entities) e.data = omitDefaults(e.key, ordered(e.data, FIELD_ORDER[e.key]));

  const { settings, settingLocs } = readSettings(of('settings'), error);
  return { entities, settings, settingLocs };
}

/** A link's id is written only when it is not the default `<from>-to-<to>[-<port>]`, as a person would write it. */
function linkEntity(entity: Entity, record: RowRecord): Entity {
  const written = record.fields.get('id');
  if (written === undefined) return entity;
  const { from, to, port } = entity.data as { from?: string; to?: string; port?: number };
  const fallback = `${from}-to-${to}${port === undefined ? '' : `-${port}`}`;
  const id = String(written.value);
  if (id === fallback) return entity;
  return { ...entity, data: { id, ...entity.data }, locs: new Map([...entity.locs, ['id', written.ref]]) };
}

function readSettings(records: RowRecord[], error: (ref: CellRef, message: string) => void): { settings: Record<string, unknown>; settingLocs: Map<string, CellRef> } {
  const settings: Record<string, unknown> = {};
  const settingLocs = new Map<string, CellRef>();
  for (const r of records) {
    const key = r.fields.get('key');
    const value = r.fields.get('value');
    if (key === undefined || value === undefined) continue;
    const name = String(key.value).trim();
    if (name === 'version') continue;
    if (!SETTING_KEYS.includes(name)) {
      error(key.ref, `setting '${name}' is not one of ${SETTING_KEYS.join(', ')}`);
      continue;
    }
    try {
      settings[name] = name === 'organization' ? String(value.value) : parseYaml(String(value.value), { maxAliasCount: 0 });
      settingLocs.set(name, value.ref);
    } catch (e) {
      error(value.ref, `this setting is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return { settings, settingLocs };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

function ordered(data: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) if (key in data) out[key] = data[key];
  return out;
}
