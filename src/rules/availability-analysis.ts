// Availability impacts (SPEC §2.3), computed once per scan and shared by single-point-of-failure and
// vendor-concentration.

import { allImpactCounts, analyzeAvailability, impactOf, NODE_SYSTEM } from '../graph/availability.js';
import type { AvailabilityModel, ImpactCounts } from '../graph/availability.js';
import type { AnalysisContext } from './context.js';

export const IMPACT_LIST_CAP = 100;

export interface AvailabilityAnalysis {
  model: AvailabilityModel;
  counts: ImpactCounts;
  /** The first IMPACT_LIST_CAP systems of each impact asked for so far (node numbers, ascending). */
  cappedImpacts: Map<number, Int32Array>;
}

export function availabilityAnalysis(context: AnalysisContext): AvailabilityAnalysis {
  return context.shared('availability', () => {
    const model = analyzeAvailability(context.register, context.graph);
    return { model, counts: allImpactCounts(model), cappedImpacts: new Map() };
  });
}

/** The `impact` and `impact_count` fields of an availability finding: sorted ids, at most 100. */
export function impactFields(analysis: AvailabilityAnalysis, node: number): { impact: string[]; impact_count: number } {
  return {
    impact: Array.from(cappedImpact(analysis, node), (v) => analysis.model.nodeIds[v]),
    impact_count: analysis.counts.size[node],
  };
}

/**
 * The first IMPACT_LIST_CAP systems of a node's impact, built the way the counts are: where impact(x) = {x} ∪
 * impact(W), from W's capped list plus x, in O(cap); elsewhere by one propagation. Propagating every impact of a
 * deep `depends_on` chain in full was quadratic (a 40,000-system chain took minutes); this is O(chain × cap). The
 * chain of representatives is walked iteratively, never recursively.
 */
function cappedImpact(analysis: AvailabilityAnalysis, node: number): Int32Array {
  const { model, counts, cappedImpacts } = analysis;
  const pending: number[] = [];
  let v = node;
  while (!cappedImpacts.has(v) && counts.representative[v] >= 0) {
    pending.push(v);
    v = counts.representative[v];
  }
  let list = cappedImpacts.get(v);
  if (list === undefined) {
    list = Int32Array.from(impactOf(model, v, { savedGroups: false }).systems.slice(0, IMPACT_LIST_CAP));
    cappedImpacts.set(v, list);
  }
  for (let i = pending.length - 1; i >= 0; i--) {
    const x = pending[i];
    if (model.nodeKind[x] === NODE_SYSTEM) list = withMember(list, x);
    cappedImpacts.set(x, list);
  }
  return list;
}

/** `list` (ascending, x not in it) with x inserted in order, still at most IMPACT_LIST_CAP long. */
function withMember(list: Int32Array, x: number): Int32Array {
  let at = 0;
  while (at < list.length && list[at] < x) at++;
  if (at >= IMPACT_LIST_CAP) return list;
  const next = new Int32Array(Math.min(list.length + 1, IMPACT_LIST_CAP));
  next.set(list.subarray(0, at));
  next[at] = x;
  next.set(list.subarray(at, next.length - 1), at + 1);
  return next;
}
