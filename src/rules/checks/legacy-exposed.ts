// legacy-exposed (SPEC §3.1): a system past its end of support that an attacker on the internet, or on any other
// low-trust node, or in the foothold of a low-trust vendor (legacy-reach.ts), can reach over one or more links.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import { legacyReach } from './legacy-reach.js';
import type { Rule } from '../types.js';
import { daysBetween, plural } from '../node-facts.js';
import { NIS2 } from '../controls.js';

export const legacyExposed: Rule = {
  meta: {
    id: 'legacy-exposed',
    family: 'system',
    title: 'Unsupported legacy system reachable from a low-trust foothold',
    defaultSeverity: 'high',
    severityText: 'high if the system is internet_facing, else medium',
    description: 'A system whose `end_of_support` is on or before today can be reached, over one or more links of any kind '
      + '(gateways do not stop this check: they filter traffic, they do not patch), from `internet` or from any other node in '
      + 'a zone of trust 1 or less, or from a node of the foothold of a trust-≤1 vendor (the systems it supplies) when the '
      + 'system is not in that foothold itself.',
    fix: 'Upgrade or replace the system; until then isolate it behind a gateway, remove low-trust links to it, and record an acceptance with an end date.',
    iso27001: ['A.8.8 Management of technical vulnerabilities', 'A.8.19 Installation of software on operational systems', 'A.5.22 Monitoring, review and change management of supplier services'],
    nis2: [NIS2.secureDevelopment],
  },
  check(context) {
    const { register, graph, today } = context;
    const legacy = [...register.systems.values()].filter((s) => s.end_of_support !== undefined && s.end_of_support <= today);
    if (legacy.length === 0) return [];
    const reach = legacyReach(graph, legacy.map((s) => graph.nodeIndex.get(s.id) as number));
    const findings: RawFinding[] = [];
    for (const system of legacy) {
      const v = graph.nodeIndex.get(system.id) as number;
      const how = reach.get(v);
      if (how === undefined) continue;
      const from = how.supplier === undefined ? graph.nodeIds[how.from]
        : how.from === how.supplier ? `the foothold of ${graph.nodeIds[how.supplier]} (what it holds through its supply chain)`
          : `${graph.nodeIds[how.from]} (held by ${graph.nodeIds[how.supplier]} through its supply chain)`;
      const years = Math.floor(daysBetween(system.end_of_support as string, today) / 365);
      findings.push({
        id: findingId('legacy-exposed', [system.id]),
        rule: 'legacy-exposed',
        severity: system.internet_facing ? 'high' : 'medium',
        title: `${system.id} is past end of support (${system.end_of_support}) and reachable from ${from}`,
        message: `${system.name} (${system.id}) has been out of support since ${system.end_of_support}`
          + `${years >= 1 ? ` (over ${plural(years, 'year')})` : ''} and can be reached from ${from} in `
          + `${plural(how.distance, 'link')}${system.internet_facing ? ', and it faces the internet' : ''}. `
          + 'Upgrade it or isolate it.',
        subjects: [system.id],
        location: system.fieldLocs.get('end_of_support') ?? system.loc,
      });
    }
    return findings;
  },
};
