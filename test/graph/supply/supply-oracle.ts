// Brute-force oracles for supply edges and footholds (SPEC §2.1, §2.2), over string ids: the supply edges written
// out from the register, footholds by repeated closure, supply chains and witnesses by exhaustive enumeration.

import type { Register, SegmentationRule } from '../../../src/register/types.js';
import type { OracleArc, OraclePath } from '../segmentation/oracle.js';
import { byId, lexicographicShortestPath, oracleArcs, oracleMatches, oraclePruning, nodeIds } from '../segmentation/oracle.js';

export interface SupplyPair { from: string; to: string; id: string }

export function oracleSupplyEdges(register: Register): SupplyPair[] {
  const pairs: SupplyPair[] = [];
  for (const system of register.systems.values()) {
    if (system.vendor !== undefined && system.vendor_access && register.vendors.has(system.vendor)) {
      pairs.push({ from: system.vendor, to: system.id, id: `${system.vendor}-supplies-${system.id}` });
    }
  }
  for (const vendor of register.vendors.values()) {
    for (const sub of new Set(vendor.subprocessors)) {
      if (sub !== vendor.id && register.vendors.has(sub)) pairs.push({ from: sub, to: vendor.id, id: `${sub}-supplies-${vendor.id}` });
    }
  }
  return pairs.sort((a, b) => byId(a.id, b.id));
}

/** The supplier and everything it reaches over supply edges alone, by closure until nothing changes. */
export function oracleFoothold(register: Register, supplier: string): string[] {
  const held = new Set([supplier]);
  const pairs = oracleSupplyEdges(register);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of pairs) {
      if (held.has(p.from) && !held.has(p.to)) {
        held.add(p.to);
        grew = true;
      }
    }
  }
  return [...held].sort(byId);
}

/** The fewest supply hops from supplier to member, the smallest node ids at each step, as supply edge ids. */
export function oracleSupplyChain(register: Register, supplier: string, member: string): string[] {
  const pairs = oracleSupplyEdges(register);
  const arcs: OracleArc[] = pairs.map((p) => ({ from: p.from, to: p.to, link: p.id }));
  if (supplier === member) return [];
  const path = lexicographicShortestPath(arcs, supplier, (id) => id === member);
  if (path === undefined) throw new Error(`${member} is not in the foothold of ${supplier}`);
  return path.links;
}

export interface FootholdViolation {
  source: string;
  zone: string;
  /** Node ids: supply hops, then the link path. */
  path: string[];
  /** Supply edge ids, then link ids. */
  links: string[];
  linkCount: number;
}

export interface FootholdRuleResult {
  violations: FootholdViolation[];
  openLinks: string[];
  /** Every path start (violating sources and their footholds) that is also a target reached from another start. */
  startIsReachedTarget: boolean;
}

const zoneOf = (register: Register, id: string) => register.systems.get(id)?.zone ?? register.vendors.get(id)?.zone ?? 'internet';

/**
 * SPEC §2.2 with footholds, by brute force: for each source and zone, every candidate start (the source towards any
 * other target, each other foothold node towards targets outside the foothold) gives its lexicographically smallest
 * shortest path; the fewest links win, then the source, then the smallest start id.
 */
export function oracleFootholdRule(
  register: Register, rule: SegmentationRule, extraRemovedLinks: ReadonlySet<string> = new Set(),
): FootholdRuleResult {
  const { removedNodes, blocked, openLinks } = oraclePruning(register, rule.allow_via);
  const arcs = oracleArcs(register, removedNodes, new Set([...blocked, ...extraRemovedLinks]));
  const ids = nodeIds(register).filter((id) => !removedNodes.has(id));
  const sources = ids.filter((id) => oracleMatches(register, id, rule.from));
  const targets = ids.filter((id) => oracleMatches(register, id, rule.to));
  const zones = [...new Set(targets.map((t) => zoneOf(register, t)))].sort(byId);
  const violations: FootholdViolation[] = [];
  const starts = new Set<string>();
  for (const source of sources) {
    const foothold = register.vendors.has(source) ? oracleFoothold(register, source) : [source];
    let violates = false;
    for (const zone of zones) {
      let best: { start: string; path: OraclePath } | undefined;
      for (const start of [source, ...foothold.filter((f) => f !== source && !removedNodes.has(f))]) {
        const goal = (id: string) => targets.includes(id) && zoneOf(register, id) === zone
          && (start === source ? id !== source : !foothold.includes(id));
        const path = lexicographicShortestPath(arcs, start, goal);
        if (path !== undefined && (best === undefined || path.links.length < best.path.links.length)) best = { start, path };
      }
      if (best === undefined) continue;
      violates = true;
      const chain = oracleSupplyChain(register, source, best.start);
      const chainNodes = [source];
      for (const id of chain) chainNodes.push(oracleSupplyEdges(register).find((p) => p.id === id)?.to as string);
      violations.push({
        source, zone, path: [...chainNodes, ...best.path.nodes.slice(1)], links: [...chain, ...best.path.links],
        linkCount: best.path.links.length,
      });
    }
    if (violates) for (const f of foothold) if (!removedNodes.has(f)) starts.add(f);
  }
  let startIsReachedTarget = false;
  for (const t of targets) {
    if (!starts.has(t)) continue;
    for (const s of starts) {
      if (s !== t && lexicographicShortestPath(arcs, s, (id) => id === t) !== undefined) startIsReachedTarget = true;
    }
  }
  violations.sort((a, b) => byId(a.source, b.source) || byId(a.zone, b.zone));
  return { violations, openLinks, startIsReachedTarget };
}
