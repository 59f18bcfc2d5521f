// Which edges of the attack graph were added or changed between two scans (SPEC §4.1), compared by id on their
// resolved fields (defaults applied), so writing a default out explicitly is not a change. Only what the analysis
// reads counts: endpoints, kind, protocol, port, auth, encryption, gateways, direction and on-demand access. Free text
// (purpose, ticket, description) and source locations do not: moving a link to another file or rewording its purpose
// is not a new risk.
//
// It runs over the graph's full edge list, so every edge kind the graph builds is covered the same way: links, the
// implicit internet edges (added when `internet_facing` becomes true; changed when `controls.mfa` changes, since that
// sets their auth), and any implicit edge kind added later, such as supply edges, whose ids name their ends
// (`<vendor>-supplies-<system>`): a changed `vendor`, a `vendor_access` turned on or a new `subprocessors` entry
// gives an id the base did not have.

import type { Link } from '../register/types.js';
import { compareIds } from '../graph/attack-graph.js';

export function linkSignature(link: Link): string {
  return JSON.stringify([
    link.from, link.to, link.kind, link.protocol ?? null, link.port ?? null, link.auth, link.encrypted,
    [...link.via].sort(compareIds), link.bidirectional, link.on_demand, link.implicit,
  ]);
}

/** Ids of `after` edges that are absent from `before` or differ from it. O(edges). */
export function addedOrChangedEdges(before: readonly Link[], after: readonly Link[]): Set<string> {
  const known = new Map<string, string>();
  for (const link of before) known.set(link.id, linkSignature(link));
  const changed = new Set<string>();
  for (const link of after) {
    if (known.get(link.id) !== linkSignature(link)) changed.add(link.id);
  }
  return changed;
}
