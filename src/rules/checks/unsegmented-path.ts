// unsegmented-path (SPEC §2.2, §3.1): a low-trust foothold that reaches a sensitive zone with no allowed gateway in
// the way. One finding per (policy rule, source, target zone), with a deterministic shortest witness path.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import { supplyHopsText } from '../../findings/supply-hops.js';
import type { Rule } from '../types.js';
import { segmentationAnalysis } from '../segmentation-analysis.js';
import { entityLabel, plural, zoneLabel } from '../node-facts.js';
import type { Register } from '../../register/types.js';
import { NIS2 } from '../controls.js';

export const unsegmentedPath: Rule = {
  meta: {
    id: 'unsegmented-path',
    family: 'segmentation',
    title: 'Unsegmented path into a sensitive zone',
    defaultSeverity: 'critical',
    severityText: "the policy rule's severity (built-in low-trust-to-sensitive: critical; user rules: high unless set)",
    description: 'For each segmentation rule, a source matching `from` reaches a node matching `to` in some zone over one or more '
      + 'links of any kind, without passing an allowed gateway (a node in `allow_via`, or a link that lists one in `via`). '
      + 'A vendor source also starts from its foothold (the systems it supplies, and for a fourth party the vendors it serves '
      + 'and theirs), towards targets outside that foothold; the supply chain alone is never a path. '
      + 'The built-in rule low-trust-to-sensitive takes every trust ≤ 1 node as a source, every trust ≥ 3 node as a target and '
      + 'every enforcement system as a gateway. The witness is a shortest path, ties broken by the smallest id at each step.',
    fix: 'Remove the link, or route it through an allowed gateway (list the gateway in the link\'s `via`). The remediation section '
      + 'gives a minimum set of links that closes every violation of the rule.',
    iso27001: ['A.8.22 Segregation of networks', 'A.8.20 Networks security', 'A.5.19 Information security in supplier relationships'],
    nis2: [NIS2.supplyChain, NIS2.secureDevelopment],
  },
  check(context) {
    const { register, graph } = context;
    const findings: RawFinding[] = [];
    for (const { rule, result } of segmentationAnalysis(context)) {
      for (const violation of result.violations) {
        const source = graph.nodeIds[violation.source];
        const path = violation.pathNodes.map((v) => graph.nodeIds[v]);
        const links = violation.pathLinks.map((l) => graph.links[l]);
        const supplyIds = violation.supplyEdges.map((e) => graph.supply.ids[e]);
        const target = path[path.length - 1];
        const hops = links.length;
        // SPEC §2.2: the supply hops are shown but not counted, and the location is the first LINK's.
        const held = supplyIds.length === 0 ? ''
          : `, which holds ${path[supplyIds.length]} through its supply chain (${supplyHopsText(path, supplyIds.length)}),`;
        const sourceZone = graph.nodeZone[violation.source];
        const gatewayText = rule.builtin || rule.allow_via.length === 0 ? 'with no gateway' : 'without an allowed gateway';
        findings.push({
          id: findingId('unsegmented-path', [rule.id, source, violation.zone]),
          rule: 'unsegmented-path',
          severity: rule.severity,
          title: `${source} (${zoneLabel(register, sourceZone)}) reaches ${zoneLabel(register, violation.zone)} ${gatewayText}`,
          message: `A compromise of ${describeNode(register, source)}${held} reaches ${target} in ${zoneLabel(register, violation.zone)} in `
            + `${plural(hops, 'hop')}: ${path.join(' → ')}. Policy ${rule.id}${rule.description ? ` (${rule.description})` : ''} `
            + `forbids it. Cut or gate ${links[0].id}${result.cut.length > 0 ? `, or apply the rule's minimum cut of ${plural(result.cut.length, 'link')}` : ''}.`,
          subjects: [rule.id, source, violation.zone],
          path,
          links: [...supplyIds, ...links.map((l) => l.id)],
          ...(supplyIds.length === 0 ? {} : { supplyHops: supplyIds.length }),
          location: links[0].loc,
        });
      }
    }
    return findings;
  },
};


function describeNode(register: Register, id: string): string {
  const node = register.systems.get(id) ?? register.vendors.get(id);
  return node ? entityLabel(node) : id;
}
