// Plain-text renderings of a finding's evidence (witness path, availability impact), shared by the CI formats that
// have only a free-text body to carry them (SARIF message, GitHub annotation, JUnit failure).

import type { Finding } from '../findings/types.js';
import { plural, verb } from '../util/plural.js';

/** `a → b → c (links: a-to-b, b-to-c)` for path findings, undefined otherwise. */
export function witnessPathText(finding: Finding): string | undefined {
  if (finding.path === undefined || finding.path.length === 0) return undefined;
  const nodes = finding.path.join(' → ');
  return finding.links !== undefined && finding.links.length > 0
    ? `${nodes} (links: ${finding.links.join(', ')})`
    : nodes;
}

/** `3 systems go down: a, b, c` for availability findings (with `…` when the list was capped), undefined otherwise. */
export function impactText(finding: Finding): string | undefined {
  if (finding.impact === undefined) return undefined;
  const count = finding.impact_count ?? finding.impact.length;
  const listed = finding.impact.join(', ');
  const more = count > finding.impact.length ? ', …' : '';
  return `${plural(count, 'system')} ${verb(count, 'goes', 'go')} down: ${listed}${more}`;
}

/** The message followed by `Path: …` and `Impact: …` lines when the finding has them. */
export function messageWithEvidence(finding: Finding): string {
  const lines = [finding.message];
  const path = witnessPathText(finding);
  if (path !== undefined) lines.push(`Path: ${path}`);
  const impact = impactText(finding);
  if (impact !== undefined) lines.push(`Impact: ${impact}`);
  return lines.join('\n');
}
