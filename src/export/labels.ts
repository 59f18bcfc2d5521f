// Human-readable text shared by the drawn formats (Mermaid, DOT): node, zone and link labels, and node classes.
// The text is raw here; each format escapes it with its own escaper.

import type { AttackGraph } from '../graph/attack-graph.js';
import type { Link, Register } from '../register/types.js';
import { INTERNET_DISPLAY_NAME } from './attributes.js';

/** How a node is drawn: the built-in internet, a vendor, a gateway (enforcement system), or another system. */
export type NodeShapeClass = 'internet' | 'vendor' | 'gateway' | 'database' | 'service' | 'system';

export function nodeShapeClass(register: Register, graph: AttackGraph, v: number): NodeShapeClass {
  if (graph.nodeType[v] === 'internet') return 'internet';
  if (graph.nodeType[v] === 'vendor') return 'vendor';
  const system = register.systems.get(graph.nodeIds[v]);
  if (system === undefined) return 'system';
  if (system.enforcement) return 'gateway';
  if (system.kind === 'database') return 'database';
  if (system.kind === 'saas' || system.kind === 'messaging') return 'service';
  return 'system';
}

/** The display name, followed by the id when the two differ, so a drawing can be matched back to the register. */
export function nodeLabel(register: Register, graph: AttackGraph, v: number): string {
  const id = graph.nodeIds[v];
  const name = graph.nodeType[v] === 'internet'
    ? INTERNET_DISPLAY_NAME
    : (register.systems.get(id)?.name ?? register.vendors.get(id)?.name ?? id);
  return name === id ? name : `${name} (${id})`;
}

export function zoneLabel(register: Register, zoneId: string, trust: number): string {
  const name = register.zones.get(zoneId)?.name ?? zoneId;
  return `${name} (trust ${trust})`;
}

/** `protocol/port`, either part alone, or empty when the link names neither. */
export function linkLabel(link: Link): string {
  if (link.protocol !== undefined && link.port !== undefined) return `${link.protocol}/${link.port}`;
  if (link.protocol !== undefined) return link.protocol;
  if (link.port !== undefined) return String(link.port);
  return '';
}

/** Zone trust, 0 for a zone the register does not define (validation rejects those; buildAttackGraph does the same). */
export function zoneTrust(register: Register, zoneId: string): number {
  return register.zones.get(zoneId)?.trust ?? 0;
}
