// Unsegmented paths of one segmentation rule (SPEC §2.2), with a witness per (source, zone) and the rule's
// remediation cut.
//
// Allowed gateways, and links that list one in `via`, are pruned first (gateway-pruning.ts). Then, for each zone Z
// holding targets, ONE backward BFS from Z's targets keeps, per node, its two nearest distinct targets
// (nearest-origins.ts). A source S violates Z when its nearest target other than S exists: that is the first label
// unless S is itself that target, else the second. The same rule gives every node v its distance to "Z's targets
// other than S", h_S(v), which is exactly what the witness walk from S needs (shortest-path.ts: at each step the
// smallest node, then link, with h_S one less). Since h_S strictly decreases, the walk never returns to S and ends
// on a target other than S.
// Cost: O(V + E) per (rule, target zone), plus the out-degrees along each witness; then one max-flow for the cut.

import type { AttackGraph } from './attack-graph.js';
import { compareIds } from './attack-graph.js';
import type { Register, SegmentationRule } from '../register/types.js';
import { pruneGateways } from './gateway-pruning.js';
import { distanceExcluding, nearestTwoOrigins } from './nearest-origins.js';
import { reachableFrom } from './reachability.js';
import { segmentationCut } from './segmentation-cut.js';
import { selectorMatcher } from './selectors.js';
import { descendingWalk } from './shortest-path.js';

export interface Violation {
  /** Node number of the source. */
  source: number;
  /** Id of the target zone. */
  zone: string;
  /** The witness: node numbers from the source to a target in the zone, a shortest path with ties broken by id. */
  pathNodes: number[];
  /** Link numbers along the witness. */
  pathLinks: number[];
}

export interface UnsegmentedPaths {
  /** Sorted by (source id, zone id). */
  violations: Violation[];
  /** Link numbers of a minimum cut closing every violation, ascending (= sorted by link id); empty when none. */
  cut: number[];
}

export function findUnsegmentedPaths(register: Register, graph: AttackGraph, rule: SegmentationRule): UnsegmentedPaths {
  const pruning = pruneGateways(graph, rule.allow_via);
  const { removed, filter } = pruning;
  const isSource = selectorMatcher(register, graph, rule.from);
  const isTarget = selectorMatcher(register, graph, rule.to);

  const sources: number[] = [];
  const targetsByZone = new Map<string, number[]>();
  const targetMark = new Uint8Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) {
    if (removed[v] === 1) continue;
    if (isSource(v)) sources.push(v);
    if (isTarget(v)) {
      targetMark[v] = 1;
      const zone = graph.nodeZone[v];
      const list = targetsByZone.get(zone);
      if (list === undefined) targetsByZone.set(zone, [v]);
      else list.push(v);
    }
  }

  const violations: Violation[] = [];
  if (sources.length > 0) {
    for (const zone of [...targetsByZone.keys()].sort(compareIds)) {
      const nearest = nearestTwoOrigins(graph, targetsByZone.get(zone) as number[], 'backward', filter);
      for (const source of sources) {
        if (distanceExcluding(nearest, source, source) < 1) continue;
        const witness = descendingWalk(graph, source, (v) => distanceExcluding(nearest, v, source), filter);
        violations.push({ source, zone, pathNodes: witness.nodes, pathLinks: witness.links });
      }
    }
  }
  violations.sort((a, b) => a.source - b.source || compareIds(a.zone, b.zone));
  if (violations.length === 0) return { violations, cut: [] };

  const violatingSources: number[] = [];
  for (const violation of violations) {
    if (violatingSources[violatingSources.length - 1] !== violation.source) violatingSources.push(violation.source);
  }
  const reach = reachableFrom(graph, violatingSources, filter);
  const reachedTargets: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    if (targetMark[v] === 1 && reach.reachedFromOther[v] === 1) reachedTargets.push(v);
  }
  return { violations, cut: segmentationCut(graph, pruning, violatingSources, reachedTargets) };
}
