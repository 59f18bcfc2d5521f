// The baseline file (`sidedoor baseline`, `scan --baseline`): a versioned JSON list of known finding ids, each with
// its rule and title so that a reviewer can read a diff of it. schemas/baseline.schema.json describes the same shape
// for editors; a test keeps the two in step.
//
//   { "version": 1, "tool": "sidedoor", "findings": [ { "id": "…", "rule": "…", "title": "…" } ] }

import { z } from 'zod';
import { compareIds } from '../graph/attack-graph.js';
import type { FixedFinding } from '../findings/scan-result.js';
import type { Finding } from '../findings/types.js';
import { jsonDocument } from '../report/terminal-text.js';

export const BASELINE_VERSION = 1;

export const baselineEntrySchema = z.strictObject({
  id: z.string().min(1),
  rule: z.string().min(1),
  title: z.string(),
});

export const baselineSchema = z.strictObject({
  version: z.literal(BASELINE_VERSION),
  tool: z.literal('sidedoor'),
  findings: z.array(baselineEntrySchema),
});

export type BaselineEntry = FixedFinding;

export interface Baseline {
  version: typeof BASELINE_VERSION;
  tool: 'sidedoor';
  findings: BaselineEntry[];
}

/** Every finding given (open and accepted alike), sorted by id, as 2-space JSON with a final newline. */
export function renderBaseline(findings: readonly Finding[]): string {
  const entries = findings
    .map((f) => ({ id: f.id, rule: f.rule, title: f.title }))
    .sort((a, b) => compareIds(a.id, b.id));
  const baseline: Baseline = { version: BASELINE_VERSION, tool: 'sidedoor', findings: entries };
  return jsonDocument(baseline);
}
