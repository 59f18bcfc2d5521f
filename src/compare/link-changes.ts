// Which links were added or changed between two registers, compared by id on their resolved fields (defaults
// applied), so writing a default out explicitly is not a change. Only what the analysis reads counts: endpoints,
// kind, protocol, port, auth, encryption, gateways, direction and on-demand access. Free text (purpose, ticket,
// description) and source locations do not: moving a link to another file or rewording its purpose is not a new risk.

import type { Link, Register } from '../register/types.js';
import { compareIds } from '../graph/attack-graph.js';

export function linkSignature(link: Link): string {
  return JSON.stringify([
    link.from, link.to, link.kind, link.protocol ?? null, link.port ?? null, link.auth, link.encrypted,
    [...link.via].sort(compareIds), link.bidirectional, link.on_demand, link.implicit,
  ]);
}

/** Ids of head links that are absent from the base or differ from it. O(links). */
export function addedOrChangedLinks(base: Register, head: Register): Set<string> {
  const before = new Map<string, string>();
  for (const link of base.links) before.set(link.id, linkSignature(link));
  const changed = new Set<string>();
  for (const link of head.links) {
    if (before.get(link.id) !== linkSignature(link)) changed.add(link.id);
  }
  return changed;
}
