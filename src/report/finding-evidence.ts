// Plain-text renderings of a finding's evidence (witness path, availability impact), shared by the CI formats that
// have only a free-text body to carry them (SARIF message, GitHub annotation, JUnit failure).

import type { Finding } from '../findings/types.js';
import { plural, verb } from '../util/plural.js';
import { supplyHopsText } from '../findings/supply-hops.js';

export { supplyHopsText };

/**
 * `v ⇒ a → b (v supplies a; links: a-to-b)` for path findings, undefined otherwise: a supply hop is drawn `⇒` and
 * named in words, and the links list holds only links.
 */
export function witnessPathText(finding: Finding): string | undefined {
  if (finding.path === undefined || finding.path.length === 0) return undefined;
  const hops = finding.supplyHops ?? 0;
  const nodes = witnessArrows(finding.path, hops);
  const links = (finding.links ?? []).slice(hops);
  const parts = [hops > 0 ? supplyHopsText(finding.path, hops) : '', links.length > 0 ? `links: ${links.join(', ')}` : '']
    .filter((p) => p !== '');
  return parts.length > 0 ? `${nodes} (${parts.join('; ')})` : nodes;
}

/** The witness's node labels joined by `⇒` over its first `supplyHops` steps and `→` over its links. */
export function witnessArrows(labels: readonly string[], supplyHops: number): string {
  return labels.map((label, i) => (i === 0 ? label : `${i <= supplyHops ? ' ⇒ ' : ' → '}${label}`)).join('');
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
