// Which edges of the attack graph were added or changed between two scans (SPEC §4.1), compared by id on their
// resolved fields (defaults applied), so writing a default out explicitly is not a change. Only what the analysis
// reads counts: endpoints, kind, protocol, port, auth, encryption, gateways, direction and on-demand access. Free text
// (purpose, ticket, description) and source locations do not: moving a link to another file or rewording its purpose
// is not a new risk.
//
// It runs over the graph's full link list, so links and the implicit internet edges (added when `internet_facing`
// becomes true; changed when `controls.mfa` changes, since that sets their auth) are covered the same way. Supply
// edges, kept apart in the graph, have ids that name both ends (`<vendor>-supplies-<system>`): a changed `vendor`, a
// `vendor_access` turned on or a new `subprocessors` entry gives an id the base did not have, so an id is all there
// is to compare.

import type { Link } from '../register/types.js';
import { compareIds, type AttackGraph } from '../graph/attack-graph.js';

/** The fields that the analysis reads, as one string: equal signatures mean an unchanged edge. */
export function linkSignature(link: Link): string {
  return JSON.stringify([
    link.from, link.to, link.kind, link.protocol ?? null, link.port ?? null, link.auth, link.encrypted,
    [...link.via].sort(compareIds), link.bidirectional, link.on_demand, link.implicit,
  ]);
}

/** The same comparison as linkSignature, field by field, without building strings (it runs on every edge). */
export function sameEdge(a: Link, b: Link): boolean {
  return a.from === b.from && a.to === b.to && a.kind === b.kind && a.protocol === b.protocol && a.port === b.port
    && a.auth === b.auth && a.encrypted === b.encrypted && a.bidirectional === b.bidirectional
    && a.on_demand === b.on_demand && a.implicit === b.implicit && sameGateways(a.via, b.via);
}

function sameGateways(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  const sortedA = [...a].sort(compareIds);
  const sortedB = [...b].sort(compareIds);
  return sortedA.every((id, i) => id === sortedB[i]);
}

/** Ids of `after` edges that are absent from `before` or differ from it. O(edges). */
export function addedOrChangedEdges(before: readonly Link[], after: readonly Link[]): Set<string> {
  const known = new Map<string, Link>();
  for (const link of before) known.set(link.id, link);
  const changed = new Set<string>();
  for (const link of after) {
    const old = known.get(link.id);
    if (old === undefined || !sameEdge(old, link)) changed.add(link.id);
  }
  return changed;
}

/** Ids of the supply edges of `after` that `before` lacks. O(supply edges). */
export function addedSupplyEdges(before: AttackGraph, after: AttackGraph): string[] {
  const known = new Set(before.supply.ids);
  return after.supply.ids.filter((id) => !known.has(id));
}
