// Availability and single points of failure (SPEC §2.3): the public entry point. The model, the incremental failure
// propagation, one node's impact and the all-nodes counts each live in their own availability-*.ts file; their
// headers give the algorithms and their complexity.

export type { AvailabilityModel } from './availability-model.js';
export { analyzeAvailability, NODE_INTERNET, NODE_SYSTEM, NODE_VENDOR } from './availability-model.js';
export type { Impact, ImpactOptions, SavedGroup } from './availability-impact.js';
export { impactOf, resolveNode } from './availability-impact.js';
export type { ImpactCounts } from './availability-counts.js';
export { allImpactCounts } from './availability-counts.js';
