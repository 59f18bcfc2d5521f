// The flat attribute view of nodes and links that the data formats (GraphML, node-link JSON, OpenGraph) share.
// Every value is a primitive or a list of strings, so each format can carry it without nested objects, and the
// declared type of each attribute is fixed here once (GraphML needs it up front, in its <key> declarations).
// Attributes a node or link does not have are left out, never written as null.

import type { AttackGraph } from '../graph/attack-graph.js';
import type { Link, Register } from '../register/types.js';
import type { ExportHighlight } from './options.js';

export type AttributeType = 'string' | 'int' | 'boolean' | 'strings';
export type AttributeValue = string | number | boolean | readonly string[];
export interface AttributeSpec { readonly name: string; readonly type: AttributeType }
/** Attribute name → value, in the order of the spec list. */
export type Attributes = ReadonlyMap<string, AttributeValue>;

export const NODE_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'type', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'zone', type: 'string' },
  { name: 'trust', type: 'int' },
  { name: 'kind', type: 'string' },
  { name: 'vendor', type: 'string' },
  { name: 'tier', type: 'string' },
  { name: 'owner', type: 'string' },
  { name: 'country', type: 'string' },
  { name: 'criticality', type: 'string' },
  { name: 'data', type: 'string' },
  { name: 'records', type: 'int' },
  { name: 'internet_facing', type: 'boolean' },
  { name: 'enforcement', type: 'boolean' },
  { name: 'redundant', type: 'boolean' },
  { name: 'end_of_support', type: 'string' },
  { name: 'mfa', type: 'boolean' },
  { name: 'audit_log', type: 'boolean' },
  { name: 'rate_limit', type: 'boolean' },
  { name: 'backups', type: 'boolean' },
  { name: 'tags', type: 'strings' },
  { name: 'subprocessors', type: 'strings' },
  { name: 'substitutability', type: 'string' },
  { name: 'exit_plan', type: 'boolean' },
  { name: 'contract_end', type: 'string' },
  { name: 'description', type: 'string' },
];

export const LINK_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'id', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'port', type: 'int' },
  { name: 'auth', type: 'string' },
  { name: 'encrypted', type: 'boolean' },
  { name: 'bidirectional', type: 'boolean' },
  { name: 'on_demand', type: 'boolean' },
  { name: 'via', type: 'strings' },
  { name: 'implicit', type: 'boolean' },
  { name: 'purpose', type: 'string' },
  { name: 'ticket', type: 'string' },
  { name: 'description', type: 'string' },
  /** Present only when the export highlights a cut. */
  { name: 'cut', type: 'boolean' },
  /** Present only when the export highlights witness paths. */
  { name: 'on_path', type: 'boolean' },
];

export const INTERNET_DISPLAY_NAME = 'Internet';

/** The attributes of node number v. */
export function nodeAttributes(register: Register, graph: AttackGraph, v: number): Attributes {
  const id = graph.nodeIds[v];
  const values = new Map<string, AttributeValue | undefined>();
  values.set('type', graph.nodeType[v]);
  values.set('zone', graph.nodeZone[v]);
  values.set('trust', graph.nodeTrust[v]);
  const system = graph.nodeType[v] === 'system' ? register.systems.get(id) : undefined;
  const vendor = graph.nodeType[v] === 'vendor' ? register.vendors.get(id) : undefined;
  if (system !== undefined) {
    values.set('name', system.name);
    values.set('kind', system.kind);
    values.set('vendor', system.vendor);
    values.set('owner', system.owner);
    values.set('criticality', system.criticality);
    values.set('data', system.data);
    values.set('records', system.records);
    values.set('internet_facing', system.internet_facing);
    values.set('enforcement', system.enforcement);
    values.set('redundant', system.redundant);
    values.set('end_of_support', system.end_of_support);
    values.set('mfa', system.controls.mfa);
    values.set('audit_log', system.controls.audit_log);
    values.set('rate_limit', system.controls.rate_limit);
    values.set('backups', system.controls.backups);
    values.set('tags', system.tags);
    values.set('description', system.description);
  } else if (vendor !== undefined) {
    values.set('name', vendor.name);
    values.set('tier', vendor.tier);
    values.set('owner', vendor.owner);
    values.set('country', vendor.country);
    values.set('data', vendor.data);
    values.set('subprocessors', vendor.subprocessors);
    values.set('substitutability', vendor.substitutability);
    values.set('exit_plan', vendor.exit_plan);
    values.set('contract_end', vendor.contract?.end);
    values.set('description', vendor.notes);
  } else {
    values.set('name', INTERNET_DISPLAY_NAME);
    values.set('data', 'public');
  }
  return ordered(NODE_ATTRIBUTES, values);
}

/** The attributes of a link, with the highlight flags when the export highlights anything. */
export function linkAttributes(link: Link, highlight?: ExportHighlight): Attributes {
  const values = new Map<string, AttributeValue | undefined>([
    ['id', link.id], ['kind', link.kind], ['protocol', link.protocol], ['port', link.port], ['auth', link.auth],
    ['encrypted', link.encrypted], ['bidirectional', link.bidirectional], ['on_demand', link.on_demand],
    ['via', link.via], ['implicit', link.implicit], ['purpose', link.purpose], ['ticket', link.ticket],
    ['description', link.description],
    ['cut', highlight?.cutLinks === undefined ? undefined : highlight.cutLinks.has(link.id)],
    ['on_path', highlight?.pathLinks === undefined ? undefined : highlight.pathLinks.has(link.id)],
  ]);
  return ordered(LINK_ATTRIBUTES, values);
}

/**
 * The attributes of a supply edge (SPEC §2.1), in the link attribute schema: kind `supply`, implicit, and the
 * highlight flag (it lies on a witness; it is never cut).
 */
export function supplyEdgeAttributes(graph: AttackGraph, edge: number, highlight?: ExportHighlight): Attributes {
  const id = graph.supply.ids[edge];
  const values = new Map<string, AttributeValue | undefined>([
    ['id', id], ['kind', 'supply'], ['implicit', true],
    ['cut', highlight?.cutLinks === undefined ? undefined : false],
    ['on_path', highlight?.pathLinks === undefined ? undefined : highlight.pathLinks.has(id)],
    ['description', `${graph.nodeIds[graph.supply.from[edge]]} supplies ${graph.nodeIds[graph.supply.to[edge]]}`],
  ]);
  return ordered(LINK_ATTRIBUTES, values);
}

/** Keeps spec order and drops absent values and empty lists (formats such as OpenGraph cannot type an empty list). */
function ordered(specs: readonly AttributeSpec[], values: ReadonlyMap<string, AttributeValue | undefined>): Attributes {
  const result = new Map<string, AttributeValue>();
  for (const spec of specs) {
    const value = values.get(spec.name);
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    result.set(spec.name, value);
  }
  return result;
}
