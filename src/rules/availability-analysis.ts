// Availability impacts (SPEC §2.3), computed once per scan and shared by single-point-of-failure and
// vendor-concentration.

import { allImpactCounts, analyzeAvailability, impactOf } from '../graph/availability.js';
import type { AvailabilityModel, ImpactCounts } from '../graph/availability.js';
import type { AnalysisContext } from './context.js';

export const IMPACT_LIST_CAP = 100;

export interface AvailabilityAnalysis {
  model: AvailabilityModel;
  counts: ImpactCounts;
}

export function availabilityAnalysis(context: AnalysisContext): AvailabilityAnalysis {
  return context.shared('availability', () => {
    const model = analyzeAvailability(context.register, context.graph);
    return { model, counts: allImpactCounts(model) };
  });
}

/** The `impact` and `impact_count` fields of an availability finding: sorted ids, at most 100. */
export function impactFields(analysis: AvailabilityAnalysis, node: number): { impact: string[]; impact_count: number } {
  const systems = impactOf(analysis.model, node, { savedGroups: false }).systems;
  return {
    impact: systems.slice(0, IMPACT_LIST_CAP).map((v) => analysis.model.nodeIds[v]),
    impact_count: systems.length,
  };
}
