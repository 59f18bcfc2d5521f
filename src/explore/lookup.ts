// Resolving what the user typed on the command line (a node id, or `zone:ID`) against the register, with a
// "did you mean" suggestion when it names nothing. Node ids cannot contain `:`, so the `zone:` prefix is unambiguous.

import type { AttackGraph } from '../graph/attack-graph.js';
import type { Register } from '../register/types.js';
import { didYouMean } from '../register/suggest.js';

/** The argument names no node or zone; the message says so and suggests the nearest name. */
export class UnknownNameError extends Error {}

export type PathTarget = { kind: 'node'; node: number; id: string } | { kind: 'zone'; zone: string };

export const ZONE_PREFIX = 'zone:';

/** Node numbering shared by the attack graph and the availability model. */
export interface NodeNumbering {
  readonly nodeIds: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, number>;
}

/** The node number of `id`; throws UnknownNameError. */
export function lookupNode(register: Register, graph: NodeNumbering, id: string): number {
  const node = graph.nodeIndex.get(id);
  if (node !== undefined) return node;
  if (id.startsWith(ZONE_PREFIX)) throw new UnknownNameError(`'${id}' names a zone; a node is needed here`);
  if (register.zones.has(id)) throw new UnknownNameError(`unknown node '${id}' ('${id}' is a zone, not a node)`);
  throw new UnknownNameError(`unknown node '${id}'${didYouMean(id, graph.nodeIds)}`);
}

/** A node id, or `zone:ID`; throws UnknownNameError. */
export function parseTarget(register: Register, graph: AttackGraph, text: string): PathTarget {
  if (text.startsWith(ZONE_PREFIX)) {
    const zone = text.slice(ZONE_PREFIX.length);
    if (register.zones.has(zone)) return { kind: 'zone', zone };
    const suggestion = didYouMean(zone, register.zones.keys());
    throw new UnknownNameError(`unknown zone '${zone}'${suggestion.replace(/'([^']*)'\?\)$/, `'${ZONE_PREFIX}$1'?)`)}`);
  }
  if (!graph.nodeIndex.has(text) && register.zones.has(text)) {
    throw new UnknownNameError(`unknown node '${text}' (did you mean '${ZONE_PREFIX}${text}'?)`);
  }
  return { kind: 'node', node: lookupNode(register, graph, text), id: text };
}

/** True when `node` belongs to the target: it is the target node, or it sits in the target zone. */
export function targetHolds(graph: AttackGraph, target: PathTarget, node: number): boolean {
  return target.kind === 'node' ? node === target.node : graph.nodeZone[node] === target.zone;
}

export function targetLabel(target: PathTarget): string {
  return target.kind === 'node' ? target.id : `${ZONE_PREFIX}${target.zone}`;
}
