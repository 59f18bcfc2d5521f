// The links a set of findings implicates: those on a finding's witness path (`links`), and the subject of a finding
// about a link. These are the candidates for "new risky links" (SPEC §4).

import type { Finding } from '../findings/types.js';
import type { Register } from '../register/types.js';
import { compareIds } from '../graph/attack-graph.js';

/** Rules whose single subject is always a link. */
export const LINK_SUBJECT_RULES: ReadonlySet<string> = new Set([
  'weak-authentication', 'plaintext-protocol', 'vendor-remote-access', 'credential-exposure',
]);

/** network-chokepoint's subject is a system (articulation point) or a link (bridge). */
const NODE_OR_LINK_RULES: ReadonlySet<string> = new Set(['network-chokepoint']);

export function implicatedLinks(findings: readonly Finding[], register: Register): Set<string> {
  const linkIds = new Set(register.links.map((l) => l.id));
  const links = new Set<string>();
  for (const finding of findings) {
    for (const link of finding.links ?? []) links.add(link);
    const subject = finding.subjects.length === 1 ? finding.subjects[0] : undefined;
    if (subject === undefined) continue;
    if (LINK_SUBJECT_RULES.has(finding.rule)) links.add(subject);
    else if (NODE_OR_LINK_RULES.has(finding.rule) && !register.systems.has(subject) && linkIds.has(subject)) links.add(subject);
  }
  return links;
}

/** The implicated links that also pass `keep`, sorted by id. */
export function sortedLinks(links: ReadonlySet<string>, keep: (id: string) => boolean = () => true): string[] {
  return [...links].filter(keep).sort(compareIds);
}
