// Which of a set of edges lie on a violating walk of a segmentation rule (SPEC §4.1, "new risky links"): an edge
// u → v does when u is reached from a source of the rule and v reaches one of its targets, both with no allowed
// gateway in the way, and the walk's source is not its target (a path has at least one link and a source is never
// its own target, SPEC §2.2). Unlike a witness, this sees every way in: a new, longer or parallel path to a
// (source, zone) pair that was already known is caught too.
//
// Only violations that still count are followed: per target zone, the sources whose (rule, source, zone) finding is
// open, so an accepted violation lets its new links through, and only there. Any edge on a walk from S to a target T
// of zone Z, T ≠ S, makes (S, Z) a violation (the walk contains a path), so nothing else needs checking.
//
// Per zone, two multi-source searches that keep each node's two nearest distinct origins (nearest-origins.ts):
// forward from the sources' start nodes, backward from the zone's targets. An edge qualifies when some origin
// reaching u differs from some target reached from v; with two distinct labels per side that is decided exactly in
// O(1). Only the candidate arcs are checked, and a zone is searched only when a candidate arc's head reaches one of
// its targets and one of its open sources reaches a candidate arc's tail (two searches per rule decide that).
// Cost: O(V + E) per rule, plus O(V + E) per zone that passes that screen (few, for a change of a few links).

import type { AttackGraph } from './attack-graph.js';
import type { Register, SegmentationRule } from '../register/types.js';
import { bfsDistances } from './bfs-distances.js';
import { FootholdFinder } from './foothold.js';
import { pruneGateways } from './gateway-pruning.js';
import { nearestTwoOrigins } from './nearest-origins.js';
import { selectorMatcher } from './selectors.js';
import { usableArcs } from './traversal-filter.js';

/**
 * The nodes a compromise of `source` starts from: a vendor source starts from its foothold (SPEC §2.2: the vendor and
 * every node it reaches over supply edges alone), any other source from itself. A walk from a foothold node to a
 * target inside the same foothold is not a violation (SPEC §2.2), but the origin labels here do not tell the two apart,
 * so such an edge is reported when the vendor also has an open violation into that zone: the gate errs towards
 * failing, as docs/ci.md says.
 */
export function startNodesOf(graph: AttackGraph, footholds: FootholdFinder, source: number): readonly number[] {
  return graph.nodeType[source] === 'vendor' ? footholds.footholdOf(source) : [source];
}

/**
 * Link numbers (of `candidates`, a per-link 0/1 mask) that lie on a violating walk of `rule` from one of the listed
 * sources to a target in the listed zone (`pairs`: zone id → source ids, the violations that still count; an
 * accepted violation is left out by the caller). O(V + E) per zone listed.
 */
export function edgesOnViolatingWalks(
  register: Register, graph: AttackGraph, rule: SegmentationRule, candidates: Uint8Array,
  pairs: ReadonlyMap<string, ReadonlySet<string>>,
): number[] {
  const pruning = pruneGateways(graph, rule.allow_via);
  const usable = usableArcs(graph, pruning.filter);
  const arcs: number[] = [];
  for (let arc = 0; arc < graph.arcCount; arc++) {
    if (candidates[graph.arcLink[arc]] === 1 && (usable === undefined || usable[arc] === 1)) arcs.push(arc);
  }
  if (arcs.length === 0) return [];
  // A cheap screen first (one search each way for the whole rule): a zone can matter only if some candidate arc's
  // head reaches one of its targets and some open source reaches a candidate arc's tail.
  const fromHeads = bfsDistances(graph, arcs.map((arc) => graph.arcTo[arc]), 'forward', pruning.filter);
  const toTails = bfsDistances(graph, arcs.map((arc) => graph.arcFrom[arc]), 'backward', pruning.filter);
  const isSource = selectorMatcher(register, graph, rule.from);
  const isTarget = selectorMatcher(register, graph, rule.to);
  const targetsByZone = new Map<string, number[]>();
  for (let v = 0; v < graph.nodeCount; v++) {
    if (pruning.removed[v] === 1 || fromHeads[v] === -1 || !pairs.has(graph.nodeZone[v]) || !isTarget(v)) continue;
    const list = targetsByZone.get(graph.nodeZone[v]);
    if (list === undefined) targetsByZone.set(graph.nodeZone[v], [v]);
    else list.push(v);
  }
  const found = new Uint8Array(graph.links.length);
  const footholds = new FootholdFinder(graph);
  for (const [zone, targets] of targetsByZone) {
    // Sources may share foothold nodes (two vendors of one system): each start once.
    const starts = new Set<number>();
    for (const id of pairs.get(zone) ?? []) {
      const source = graph.nodeIndex.get(id);
      if (source === undefined || pruning.removed[source] === 1 || !isSource(source)) continue;
      for (const start of startNodesOf(graph, footholds, source)) {
        if (pruning.removed[start] === 0 && toTails[start] !== -1) starts.add(start);
      }
    }
    if (starts.size === 0) continue;
    const reached = nearestTwoOrigins(graph, [...starts], 'forward', pruning.filter);
    const reaching = nearestTwoOrigins(graph, targets, 'backward', pruning.filter);
    for (const arc of arcs) {
      const link = graph.arcLink[arc];
      if (found[link] === 1) continue;
      const u = graph.arcFrom[arc];
      const v = graph.arcTo[arc];
      const origin = reached.firstOrigin[u];
      const target = reaching.firstOrigin[v];
      if (origin === -1 || target === -1) continue;
      // Some (origin, target) pair differs unless both sides know only the same single node.
      if (origin !== target || reached.secondOrigin[u] !== -1 || reaching.secondOrigin[v] !== -1) found[link] = 1;
    }
  }
  const links: number[] = [];
  for (let l = 0; l < found.length; l++) if (found[l] === 1) links.push(l);
  return links;
}
