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
//
// Footholds. A vendor source S also starts from every other node F of its foothold (foothold.ts), towards targets
// outside the foothold. A target T lies in S's foothold exactly when T's supply group (its direct supplier, or T
// itself: foothold.ts) is one of the vendors of the foothold. So the distance from F to "Z's targets outside the
// foothold" is read from a second backward BFS per zone that keeps the two nearest distinct GROUPS, excluding the
// one foothold vendor whose group holds targets of Z (an ordinary vendor's foothold is its own group). When no
// foothold group holds a target of Z, the plain nearest target will do; when two or more do (a fourth party
// serving several vendors with systems in Z), a BFS from Z's targets outside the foothold gives it for that source,
// run only when the group labels, which give each member a lower bound, say a member could beat S itself.
// The witness starts with the supply hops from S to the chosen F (foothold.ts gives the chain), then the
// descending walk from F. Ties: fewest links, then S itself, then the smallest F.
// Cost: one forward search per rule; O(V + E) per (rule, target zone some path start reaches), twice; O(foothold)
// per vendor source and zone; per (fourth party whose foothold holds targets of Z in several groups and could beat
// it, Z), Z's targets plus what its early-stopped search explores; plus the out-degrees along each witness; then, for
// the cut, one two-nearest search from the violating path starts (and a second forward search only when some path
// start does not violate) and one max-flow. The rule's filter carries its arc mask (gateway-pruning.ts), so no
// search rebuilds it.

import type { AttackGraph } from './attack-graph.js';
import { compareIds } from './attack-graph.js';
import type { Register, SegmentationRule } from '../register/types.js';
import { pruneGateways } from './gateway-pruning.js';
import { FootholdFinder, supplyGroups } from './foothold.js';
import type { NearestOrigins } from './nearest-origins.js';
import { distanceExcluding, nearestTwoOrigins, originExcluding } from './nearest-origins.js';
import { distancesOverLinks } from './reachability.js';
import { appendAll } from '../util/append-all.js';
import { segmentationCut } from './segmentation-cut.js';
import { selectorMatcher } from './selectors.js';
import { descendingWalk } from './shortest-path.js';
import type { TraversalFilter } from './traversal-filter.js';
import { usableByPosition } from './traversal-filter.js';

export interface Violation {
  /** Node number of the source. */
  source: number;
  /** Id of the target zone. */
  zone: string;
  /**
   * The witness: node numbers from the source to a target in the zone. First the supply hops from the source to the
   * foothold node where the link path starts (none when it starts at the source), then a shortest link path.
   */
  pathNodes: number[];
  /** Supply edge numbers (graph.supply) of the witness's first hops; empty when the link path starts at the source. */
  supplyEdges: number[];
  /** Link numbers of the rest of the witness: pathNodes has supplyEdges + pathLinks + 1 nodes. */
  pathLinks: number[];
}

export interface UnsegmentedPaths {
  /** Sorted by (source id, zone id). */
  violations: Violation[];
  /** Link numbers of a cut closing every violation, ascending (= sorted by link id); empty when none. */
  cut: number[];
  /**
   * True when the cut is a minimum: no path start (a violating source or a node of its foothold) is also a reached
   * target. Otherwise the cut comes from split nodes, closes every violation, and may not be minimum (SPEC §2.2).
   */
  exact: boolean;
}

/** A vendor source whose foothold holds more than itself. */
interface SupplierStarts {
  /** Foothold nodes other than the source, ascending. */
  members: number[];
  /** The vendors of the foothold, the source included: the supply groups whose nodes lie in it. */
  vendors: number[];
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

  const suppliers = new Map<number, SupplierStarts>();
  const finder = new FootholdFinder(graph);
  for (const source of sources) {
    if (graph.nodeType[source] !== 'vendor' || finder.suppliesNothing(source)) continue;
    const members = finder.footholdOf(source).filter((v) => v !== source);
    suppliers.set(source, { members, vendors: [source, ...members.filter((v) => graph.nodeType[v] === 'vendor')] });
  }
  const groups = suppliers.size > 0 ? supplyGroups(graph) : undefined;
  const groupHoldsTarget = new Int32Array(suppliers.size > 0 ? graph.nodeCount : 0).fill(-1);
  // inFoothold[g] === stamp: group g is one of the current source's foothold vendors.
  const inFoothold = new Int32Array(suppliers.size > 0 ? graph.nodeCount : 0).fill(-1);
  let stamp = 0;
  let memberSearch: MemberSearch | undefined;

  // A zone none of whose targets any path start reaches has no violation: its searches are skipped (a rule whose
  // sources are cut off from most zones, like a guest network's, then costs one search instead of one per zone).
  const pathStarts = [...sources];
  for (const supplier of suppliers.values()) appendAll(pathStarts, supplier.members);
  const reachedByStarts = distancesOverLinks(graph, pathStarts, filter);

  const violations: Violation[] = [];
  if (sources.length > 0) {
    [...targetsByZone.keys()].sort(compareIds).forEach((zone, zoneNumber) => {
      const targets = targetsByZone.get(zone) as number[];
      if (!targets.some((t) => reachedByStarts[t] !== -1)) return;
      const nearest = nearestTwoOrigins(graph, targets, 'backward', filter);
      let byGroup: NearestOrigins | undefined;
      if (groups !== undefined) for (const t of targets) groupHoldsTarget[groups[t]] = zoneNumber;
      for (const source of sources) {
        let start = -1;
        let best = distanceExcluding(nearest, source, source);
        let remaining = (v: number) => distanceExcluding(nearest, v, source);
        if (best >= 1) start = source;
        const supplier = suppliers.get(source);
        if (supplier !== undefined && groups !== undefined) {
          const excluded = supplier.vendors.filter((g) => groupHoldsTarget[g] === zoneNumber);
          let outside: ((v: number) => number) | undefined;
          if (excluded.length === 0) {
            outside = (v) => nearest.firstDistance[v];
          } else {
            byGroup ??= nearestTwoOrigins(graph, targets, 'backward', filter, groups);
            const group = byGroup;
            if (excluded.length === 1) {
              outside = (v) => distanceExcluding(group, v, excluded[0]);
            } else if (couldBeatSource(supplier, group, inFoothold, ++stamp, start === -1 ? -1 : best)) {
              const seeds = targets.filter((t) => inFoothold[groups[t]] !== stamp);
              memberSearch ??= new MemberSearch(graph, filter);
              const distance = memberSearch.distancesToNearestMember(seeds, supplier.members, start === -1 ? -1 : best);
              outside = (v) => distance[v];
            }
          }
          for (const member of outside === undefined ? [] : supplier.members) {
            const d = (outside as (v: number) => number)(member);
            if (d >= 1 && (start === -1 || d < best)) {
              start = member;
              best = d;
              remaining = outside as (v: number) => number;
            }
          }
        }
        if (start === -1) continue;
        const walk = descendingWalk(graph, start, remaining, filter);
        const supplyEdges = finder.supplyChain(source, start);
        const pathNodes = [source, ...supplyEdges.map((e) => graph.supply.to[e]), ...walk.nodes.slice(1)];
        violations.push({ source, zone, pathNodes, supplyEdges, pathLinks: walk.links });
      }
    });
  }
  violations.sort((a, b) => a.source - b.source || compareIds(a.zone, b.zone));
  if (violations.length === 0) return { violations, cut: [], exact: true };

  // Every path start: each violating source, and the rest of a violating vendor's foothold.
  const startMark = new Uint8Array(graph.nodeCount);
  const starts: number[] = [];
  const addStart = (v: number) => {
    if (startMark[v] === 1 || removed[v] === 1) return;
    startMark[v] = 1;
    starts.push(v);
  };
  for (const violation of violations) {
    addStart(violation.source);
    for (const member of suppliers.get(violation.source)?.members ?? []) addStart(member);
  }
  starts.sort((a, b) => a - b);
  // When every path start violates (the usual case), the forward search from them is the one made above.
  const allStartsViolate = pathStarts.every((v) => removed[v] === 1 || startMark[v] === 1);
  const reachedByViolators = allStartsViolate ? reachedByStarts : distancesOverLinks(graph, starts, filter);
  // A target counts when a path start other than itself reaches it (reachability.ts's reachedFromOther).
  const nearestStart = nearestTwoOrigins(graph, starts, 'forward', filter);
  const reachedTargets: number[] = [];
  let exact = true;
  for (let v = 0; v < graph.nodeCount; v++) {
    if (targetMark[v] === 1 && originExcluding(nearestStart, v, v) !== -1) {
      reachedTargets.push(v);
      if (startMark[v] === 1) exact = false;
    }
  }
  return { violations, cut: segmentationCut(graph, pruning, starts, reachedTargets, reachedByViolators), exact };
}

/**
 * Whether some other foothold node of a supplier could start a better witness than the source itself (`beat`, the
 * source's own distance, or −1 when it has none; the source wins ties), judged from each member's two nearest target
 * GROUPS: the first group outside the foothold gives the exact distance to "targets outside the foothold", and when
 * both are foothold groups the second distance is a lower bound. Only when this says yes does the caller pay for an
 * exact BFS from the targets outside the foothold. Marks the foothold's groups in `inFoothold` with `stamp`.
 */
function couldBeatSource(
  supplier: SupplierStarts, byGroup: NearestOrigins, inFoothold: Int32Array, stamp: number, beat: number,
): boolean {
  for (const g of supplier.vendors) inFoothold[g] = stamp;
  for (const m of supplier.members) {
    const g1 = byGroup.firstOrigin[m];
    if (g1 === -1) continue;
    // The first label outside the foothold is exact; otherwise the second distance is exact or a lower bound: either
    // way no member can start nearer than this.
    const lowerBound = inFoothold[g1] !== stamp ? byGroup.firstDistance[m] : byGroup.secondDistance[m];
    if (lowerBound >= 1 && (beat === -1 || lowerBound < beat)) return true;
  }
  return false;
}

/**
 * Backward BFS from `seeds` (distances node ⇝ nearest seed), stopped as soon as it can no longer change the choice
 * of start: after the first level that reaches a member (the nearest members all lie on it, and every node on a
 * shortest path from them is nearer still, so already settled), or before the level `beat` (a member that far or
 * farther cannot beat the source, which wins ties). Nodes left unsettled read −1.
 *
 * A fourth party with targets of a zone in several of its groups runs one such search per zone, so the scratch is
 * allocated once per rule and each search resets only the nodes the previous one touched: a search that stops after
 * a few levels then costs what it explores, not O(V).
 */
class MemberSearch {
  /** Valid until the next search. */
  readonly distance: Int32Array;
  private readonly isMember: Uint8Array;
  private readonly queue: Int32Array;
  private touched = 0;
  private members: readonly number[] = [];

  constructor(private readonly graph: AttackGraph, private readonly filter: TraversalFilter) {
    this.distance = new Int32Array(graph.nodeCount).fill(-1);
    this.isMember = new Uint8Array(graph.nodeCount);
    this.queue = new Int32Array(graph.nodeCount);
  }

  distancesToNearestMember(seeds: readonly number[], members: readonly number[], beat: number): Int32Array {
    const { graph, filter, distance, isMember, queue } = this;
    for (let i = 0; i < this.touched; i++) distance[queue[i]] = -1;
    for (const m of this.members) isMember[m] = 0;
    for (const m of members) isMember[m] = 1;
    this.members = members;
    let tail = 0;
    for (const seed of seeds) {
      if (distance[seed] !== -1 || filter.removed?.[seed] === 1) continue;
      distance[seed] = 0;
      queue[tail++] = seed;
    }
    const usable = usableByPosition(graph, filter, 'backward');
    let head = 0;
    for (let level = 0; head < tail; level++) {
      if (beat !== -1 && level + 1 >= beat) break;
      const levelEnd = tail;
      let memberReached = false;
      for (; head < levelEnd; head++) {
        const v = queue[head];
        for (let i = graph.inStart[v]; i < graph.inStart[v + 1]; i++) {
          const u = graph.inNode[i];
          if (distance[u] !== -1 || (usable !== undefined && usable[i] === 0)) continue;
          distance[u] = level + 1;
          queue[tail++] = u;
          if (isMember[u] === 1) memberReached = true;
        }
      }
      if (memberReached) break;
    }
    this.touched = tail;
    return distance;
  }
}
