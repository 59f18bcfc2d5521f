// legacy-exposed (SPEC §3.1): a system past its end of support that an attacker on the internet, or on any other
// low-trust node, can reach over one or more links of any kind.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import { reachableFrom } from '../../graph/reachability.js';
import type { Rule } from '../types.js';
import { daysBetween, plural } from '../node-facts.js';
import { INTERNET_NODE } from '../../register/types.js';
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
      + 'a zone of trust 1 or less.',
    fix: 'Upgrade or replace the system; until then isolate it behind a gateway, remove low-trust links to it, and record an acceptance with an end date.',
    iso27001: ['A.8.8 Management of technical vulnerabilities', 'A.8.19 Installation of software on operational systems', 'A.5.22 Monitoring, review and change management of supplier services'],
    nis2: [NIS2.secureDevelopment],
  },
  check(context) {
    const { register, graph, today } = context;
    const legacy = [...register.systems.values()].filter((s) => s.end_of_support !== undefined && s.end_of_support <= today);
    if (legacy.length === 0) return [];
    const sources: number[] = [];
    for (let v = 0; v < graph.nodeCount; v++) {
      if (graph.nodeIds[v] === INTERNET_NODE || graph.nodeTrust[v] <= 1) sources.push(v);
    }
    const reach = reachableFrom(graph, sources);
    const findings: RawFinding[] = [];
    for (const system of legacy) {
      const v = graph.nodeIndex.get(system.id) as number;
      if (reach.reachedFromOther[v] !== 1) continue;
      const from = graph.nodeIds[reach.nearestOtherSource[v]];
      const years = Math.floor(daysBetween(system.end_of_support as string, today) / 365);
      findings.push({
        id: findingId('legacy-exposed', [system.id]),
        rule: 'legacy-exposed',
        severity: system.internet_facing ? 'high' : 'medium',
        title: `${system.id} is past end of support (${system.end_of_support}) and reachable from ${from}`,
        message: `${system.name} (${system.id}) has been out of support since ${system.end_of_support}`
          + `${years >= 1 ? ` (over ${plural(years, 'year')})` : ''} and can be reached from ${from} in `
          + `${plural(reach.distanceFromOther[v], 'link')}${system.internet_facing ? ', and it faces the internet' : ''}. `
          + 'Upgrade it or isolate it.',
        subjects: [system.id],
        location: system.fieldLocs.get('end_of_support') ?? system.loc,
      });
    }
    return findings;
  },
};
