// One link as the generator writes it: the fields of SPEC §1.6, already resolved to ids, rendered as YAML text.
// Simple network flows are written as one-line flow mappings, like a team listing firewall rules; links with a
// purpose, a ticket or a non-network kind are written as block mappings.

import type { AuthKind, LinkKind } from '../register/types.js';
import { yamlString, yamlStringList } from '../util/yaml-text.js';

export interface LinkSpec {
  id?: string;
  from: string;
  to: string;
  kind?: LinkKind;
  protocol?: string;
  port?: number;
  auth?: AuthKind;
  encrypted?: boolean;
  via?: string[];
  bidirectional?: boolean;
  on_demand?: boolean;
  purpose?: string;
  ticket?: string;
  description?: string;
}

/** The id SPEC §1.6 gives a link without an explicit one. */
export function defaultLinkId(from: string, to: string, port?: number): string {
  return port === undefined ? `${from}-to-${to}` : `${from}-to-${to}-${port}`;
}

export function linkId(link: LinkSpec): string {
  return link.id ?? defaultLinkId(link.from, link.to, link.port);
}

/** The link as a YAML sequence item, indented under a `links:` key; ends with a newline. */
export function renderLink(link: LinkSpec): string {
  const fields: [string, string][] = [];
  if (link.id !== undefined) fields.push(['id', link.id]);
  fields.push(['from', link.from], ['to', link.to]);
  if (link.kind !== undefined) fields.push(['kind', link.kind]);
  if (link.protocol !== undefined) fields.push(['protocol', yamlString(link.protocol)]);
  if (link.port !== undefined) fields.push(['port', String(link.port)]);
  if (link.auth !== undefined) fields.push(['auth', link.auth]);
  if (link.encrypted !== undefined) fields.push(['encrypted', String(link.encrypted)]);
  if (link.via !== undefined) fields.push(['via', yamlStringList(link.via)]);
  if (link.bidirectional !== undefined) fields.push(['bidirectional', String(link.bidirectional)]);
  if (link.on_demand !== undefined) fields.push(['on_demand', String(link.on_demand)]);
  const block = link.purpose !== undefined || link.ticket !== undefined || link.description !== undefined
    || (link.kind !== undefined && link.kind !== 'network');
  if (link.purpose !== undefined) fields.push(['purpose', yamlString(link.purpose)]);
  if (link.ticket !== undefined) fields.push(['ticket', yamlString(link.ticket)]);
  if (link.description !== undefined) fields.push(['description', yamlString(link.description)]);
  if (!block) return `  - { ${fields.map(([k, v]) => `${k}: ${v}`).join(', ')} }\n`;
  let out = '';
  for (let i = 0; i < fields.length; i++) out += `${i === 0 ? '  - ' : '    '}${fields[i][0]}: ${fields[i][1]}\n`;
  return out;
}
