// Brute-force oracles for the segmentation algorithms, written against the Register (string ids) rather than the
// compact index: per-source BFS over a plain arc list, and exhaustive enumeration of simple paths.

import type { Register, SegmentationRule, Selector } from '../../../src/register/types.js';
import { DATA_RANK } from '../../../src/register/types.js';

export interface OracleArc { from: string; to: string; link: string }

export const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function nodeIds(register: Register): string[] {
  return ['internet', ...register.vendors.keys(), ...register.systems.keys()].sort(byId);
}

/** Every arc of the attack graph, minus arcs touching `removedNodes` or belonging to `removedLinks`. */
export function oracleArcs(register: Register, removedNodes: ReadonlySet<string>, removedLinks: ReadonlySet<string>): OracleArc[] {
  const arcs: OracleArc[] = [];
  for (const link of register.links) {
    if (removedLinks.has(link.id) || removedNodes.has(link.from) || removedNodes.has(link.to)) continue;
    arcs.push({ from: link.from, to: link.to, link: link.id });
    if (link.bidirectional && link.from !== link.to) arcs.push({ from: link.to, to: link.from, link: link.id });
  }
  return arcs;
}

/** The rule's pruned graph, per SPEC §2.2, as removed nodes and the links still open. */
export function oraclePruning(register: Register, allowVia: readonly string[]) {
  const removedNodes = new Set(allowVia.filter((id) => nodeIds(register).includes(id)));
  const blocked = new Set(register.links.filter((l) => l.via.some((g) => allowVia.includes(g))).map((l) => l.id));
  const openLinks = register.links
    .filter((l) => !blocked.has(l.id) && !removedNodes.has(l.from) && !removedNodes.has(l.to))
    .map((l) => l.id);
  return { removedNodes, blocked, openLinks };
}

/** Fewest links from `start` to each node, over at least one link (so `start` itself only around a cycle). */
export function distancesFrom(arcs: readonly OracleArc[], start: string): Map<string, number> {
  const distance = new Map<string, number>();
  let frontier = [start];
  for (let d = 1; frontier.length > 0; d++) {
    const next: string[] = [];
    for (const v of frontier) {
      for (const arc of arcs) {
        if (arc.from === v && !distance.has(arc.to)) {
          distance.set(arc.to, d);
          next.push(arc.to);
        }
      }
    }
    frontier = next;
  }
  return distance;
}

/** SPEC §1.8 selectors, written out field by field, with the node-type choices documented in selectors.ts. */
export function oracleMatches(register: Register, id: string, selector: Selector | undefined): boolean {
  if (selector === undefined) return true;
  const system = register.systems.get(id);
  const vendor = register.vendors.get(id);
  const zone = system?.zone ?? vendor?.zone ?? 'internet';
  const trust = register.zones.get(zone)?.trust ?? 0;
  const data = system?.data ?? vendor?.data ?? 'public';
  if (selector.zones && !selector.zones.includes(zone)) return false;
  if (selector.systems !== undefined || selector.vendors !== undefined) {
    const listedSystem = system !== undefined && (selector.systems ?? []).includes(id);
    const listedVendor = vendor !== undefined && (selector.vendors === true || (selector.vendors ?? []).includes(id));
    if (!listedSystem && !listedVendor) return false;
  }
  if (selector.trust_max !== undefined && !(trust <= selector.trust_max)) return false;
  if (selector.trust_min !== undefined && !(trust >= selector.trust_min)) return false;
  if (selector.data_min !== undefined && DATA_RANK[data] < DATA_RANK[selector.data_min]) return false;
  if (selector.kinds !== undefined && !(system !== undefined && selector.kinds.includes(system.kind))) return false;
  if (selector.internet_facing !== undefined && !(system !== undefined && system.internet_facing === selector.internet_facing)) return false;
  return true;
}

export interface OracleViolation { source: string; zone: string; distance: number }

export interface OracleRuleResult {
  violations: OracleViolation[];
  arcs: OracleArc[];
  removedNodes: Set<string>;
  openLinks: string[];
  sources: string[];
  targets: string[];
  /** Targets reached from some violating source other than themselves. */
  reachedTargets: string[];
}

/** Violations by one BFS per source; `extraRemovedLinks` simulates applying a cut. */
export function oracleRule(register: Register, rule: SegmentationRule, extraRemovedLinks: ReadonlySet<string> = new Set()): OracleRuleResult {
  const { removedNodes, blocked, openLinks } = oraclePruning(register, rule.allow_via);
  const arcs = oracleArcs(register, removedNodes, new Set([...blocked, ...extraRemovedLinks]));
  const ids = nodeIds(register).filter((id) => !removedNodes.has(id));
  const sources = ids.filter((id) => oracleMatches(register, id, rule.from));
  const targets = ids.filter((id) => oracleMatches(register, id, rule.to));
  const zoneOf = (id: string) => register.systems.get(id)?.zone ?? register.vendors.get(id)?.zone ?? 'internet';
  const violations: OracleViolation[] = [];
  const reached = new Set<string>();
  for (const source of sources) {
    const distance = distancesFrom(arcs, source);
    const best = new Map<string, number>();
    for (const target of targets) {
      const d = distance.get(target);
      if (target === source || d === undefined) continue;
      const zone = zoneOf(target);
      best.set(zone, Math.min(best.get(zone) ?? Infinity, d));
    }
    for (const [zone, d] of best) violations.push({ source, zone, distance: d });
    if (best.size > 0) {
      for (const target of targets) if (target !== source && distance.has(target)) reached.add(target);
    }
  }
  violations.sort((a, b) => byId(a.source, b.source) || byId(a.zone, b.zone));
  return { violations, arcs, removedNodes, openLinks, sources, targets, reachedTargets: [...reached].sort(byId) };
}

export interface OraclePath { nodes: string[]; links: string[] }

/**
 * Among all simple paths of at least one link from `start` to a node satisfying `isGoal`, the shortest ones, and
 * among those the lexicographically smallest sequence of (node id, link id) steps. By exhaustive enumeration.
 */
export function lexicographicShortestPath(
  arcs: readonly OracleArc[], start: string, isGoal: (id: string) => boolean,
): OraclePath | undefined {
  let frontier: OraclePath[] = [{ nodes: [start], links: [] }];
  while (frontier.length > 0) {
    const next: OraclePath[] = [];
    for (const path of frontier) {
      const last = path.nodes[path.nodes.length - 1];
      for (const arc of arcs) {
        if (arc.from !== last || path.nodes.includes(arc.to)) continue;
        next.push({ nodes: [...path.nodes, arc.to], links: [...path.links, arc.link] });
      }
    }
    const done = next.filter((p) => isGoal(p.nodes[p.nodes.length - 1]));
    if (done.length > 0) return done.sort(compareSteps)[0];
    frontier = next;
  }
  return undefined;
}

function compareSteps(a: OraclePath, b: OraclePath): number {
  for (let i = 1; i < a.nodes.length; i++) {
    const c = byId(a.nodes[i], b.nodes[i]) || byId(a.links[i - 1], b.links[i - 1]);
    if (c !== 0) return c;
  }
  return 0;
}

/** All subsets of `items` with exactly `size` elements, as index lists (iterative). */
export function* subsetsOfSize(count: number, size: number): Generator<number[]> {
  if (size > count) return;
  const pick = Array.from({ length: size }, (_, i) => i);
  for (;;) {
    yield [...pick];
    let i = size - 1;
    while (i >= 0 && pick[i] === count - size + i) i--;
    if (i < 0) return;
    pick[i]++;
    for (let j = i + 1; j < size; j++) pick[j] = pick[j - 1] + 1;
  }
}
