// The baseline file (`sidedoor baseline`, `scan --baseline`): a versioned JSON list of known finding ids, each with
// its rule and title so that a reviewer can read a diff of it, and (since version 2) its severity, so that a scan
// can tell a finding that worsened. schemas/baseline.schema.json describes the same shape for editors; a test keeps
// the two in step. Version 1 files (no severity) are still read: they can tell new findings only.
//
//   { "version": 2, "tool": "sidedoor", "findings": [ { "id": "…", "rule": "…", "title": "…", "severity": "high" } ] }

import { z } from 'zod';
import { compareIds } from '../graph/attack-graph.js';
import type { FixedFinding } from '../findings/scan-result.js';
import type { Finding } from '../findings/types.js';
import type { FindingSeverity } from '../register/types.js';
import { jsonDocument } from '../report/terminal-text.js';

/** The version written; every version in READABLE_BASELINE_VERSIONS is read. */
export const BASELINE_VERSION = 2;
export const READABLE_BASELINE_VERSIONS = [1, 2] as const;

export const baselineEntrySchema = z.strictObject({
  id: z.string().min(1),
  rule: z.string().min(1),
  title: z.string(),
  severity: z.enum(['critical', 'high', 'medium', 'low', 'info']).optional(),
});

export const baselineSchema = z.strictObject({
  version: z.union([z.literal(1), z.literal(2)]),
  tool: z.literal('sidedoor'),
  findings: z.array(baselineEntrySchema),
});

export interface BaselineEntry extends FixedFinding {
  /** Absent in version 1 files. */
  severity?: FindingSeverity;
}

export interface Baseline {
  version: (typeof READABLE_BASELINE_VERSIONS)[number];
  tool: 'sidedoor';
  findings: BaselineEntry[];
}

/** Every finding given (open and accepted alike), sorted by id, as 2-space JSON with a final newline. */
export function renderBaseline(findings: readonly Finding[]): string {
  const entries = findings
    .map((f) => ({ id: f.id, rule: f.rule, title: f.title, severity: f.severity }))
    .sort((a, b) => compareIds(a.id, b.id));
  const baseline: Baseline = { version: BASELINE_VERSION, tool: 'sidedoor', findings: entries };
  return jsonDocument(baseline);
}
