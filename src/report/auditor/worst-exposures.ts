// The three worst exposures of the executive summary, chosen among the open unsegmented-path findings.
//
// Ranking, most serious first: severity; then the trust of the zone reached (admin before sensitive); then the trust
// of the source (the internet before a partner zone); then vendors before the internet before systems (the report
// is about third parties); then fewer hops; then the finding id. The same (source, zone) pair reached under several
// policy rules counts once. The pick is greedy and prefers zones not yet named, so three sentences cover up to three
// different zones before any zone is named twice.
// Cost: O(F log F) for F path findings.

import { compareIds } from '../../graph/attack-graph.js';
import type { Finding } from '../../findings/types.js';
import { severityRank } from '../../findings/types.js';
import type { Register } from '../../register/types.js';
import { INTERNET_NODE } from '../../register/types.js';
import { nodeType, zoneTrust } from './display-names.js';

export interface Exposure {
  finding: Finding;
  policy: string;
  source: string;
  zone: string;
  hops: number;
}

const SOURCE_TYPE_RANK = new Map([['vendor', 0], ['node', 1], ['system', 2]]);

function sourceTrust(register: Register, source: string): number {
  if (source === INTERNET_NODE && nodeType(register, source) === 'node') return 0;
  const zone = register.systems.get(source)?.zone ?? register.vendors.get(source)?.zone;
  return zone === undefined ? 0 : zoneTrust(register, zone);
}

function compareExposures(register: Register, a: Exposure, b: Exposure): number {
  return severityRank(a.finding.severity) - severityRank(b.finding.severity)
    || zoneTrust(register, b.zone) - zoneTrust(register, a.zone)
    || sourceTrust(register, a.source) - sourceTrust(register, b.source)
    || (SOURCE_TYPE_RANK.get(nodeType(register, a.source)) ?? 3) - (SOURCE_TYPE_RANK.get(nodeType(register, b.source)) ?? 3)
    || a.hops - b.hops
    || compareIds(a.finding.id, b.finding.id);
}

/** Open path findings as exposures, ranked, one per (source, zone). */
export function rankedExposures(register: Register, findings: readonly Finding[]): Exposure[] {
  const all: Exposure[] = [];
  for (const finding of findings) {
    if (finding.rule !== 'unsegmented-path' || finding.status !== 'open' || finding.subjects.length < 3) continue;
    const [policy, source, zone] = finding.subjects;
    // Supply hops are shown, not counted (SPEC §2.2).
    all.push({ finding, policy, source, zone, hops: (finding.links?.length ?? 0) - (finding.supplyHops ?? 0) });
  }
  all.sort((a, b) => compareExposures(register, a, b));
  const seen = new Set<string>();
  const unique: Exposure[] = [];
  for (const exposure of all) {
    // Ids cannot hold a NUL, so the pair key is unambiguous.
    const key = `${exposure.source}\u0000${exposure.zone}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(exposure);
  }
  return unique;
}

/** The `count` worst exposures, covering as many distinct zones as possible. */
export function worstExposures(register: Register, findings: readonly Finding[], count = 3): Exposure[] {
  const ranked = rankedExposures(register, findings);
  const picked: Exposure[] = [];
  const zones = new Set<string>();
  for (const exposure of ranked) {
    if (picked.length === count) break;
    if (zones.has(exposure.zone)) continue;
    zones.add(exposure.zone);
    picked.push(exposure);
  }
  for (const exposure of ranked) {
    if (picked.length === count) break;
    if (!picked.includes(exposure)) picked.push(exposure);
  }
  return picked.sort((a, b) => compareExposures(register, a, b));
}
