// single-point-of-failure (SPEC §2.3, §3.1): a system or vendor whose outage alone stops a high or critical service.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Rule } from '../types.js';
import { availabilityAnalysis, impactFields } from '../availability-analysis.js';
import { NODE_SYSTEM } from '../../graph/availability.js';
import { NIS2 } from '../controls.js';
import { plural } from '../node-facts.js';

export const singlePointOfFailure: Rule = {
  meta: {
    id: 'single-point-of-failure',
    family: 'availability',
    title: 'Single point of failure',
    defaultSeverity: 'high',
    severityText: 'critical if the impact includes a critical system, else high',
    description: 'A node whose failure alone stops at least one high or critical system other than itself, and that is not '
      + '`redundant`. A system runs when it is up, every `depends_on` entry holds (a plain id runs, or one member of an `any_of` '
      + 'group runs) and its vendor runs; a vendor runs when all its subprocessors run; dependency cycles of running nodes run.',
    fix: 'Make the node redundant (a cluster, then mark it `redundant: true`), or give its dependants an alternative through an `any_of` group.',
    iso27001: ['A.5.30 ICT readiness for business continuity', 'A.8.14 Redundancy of information processing facilities', 'A.5.21 Managing information security in the ICT supply chain'],
    nis2: [NIS2.businessContinuity, NIS2.supplyChain],
  },
  check(context) {
    const analysis = availabilityAnalysis(context);
    const { model, counts } = analysis;
    const findings: RawFinding[] = [];
    for (let x = 0; x < model.nodeCount; x++) {
      if (counts.highOrCriticalOthers[x] === 0) continue;
      const id = model.nodeIds[x];
      const system = context.register.systems.get(id);
      if (system?.redundant) continue;
      const entity = system ?? context.register.vendors.get(id);
      const fields = impactFields(analysis, x);
      const others = counts.highOrCriticalOthers[x];
      const what = model.nodeKind[x] === NODE_SYSTEM ? 'system' : context.register.vendors.has(id) ? 'vendor' : 'node';
      findings.push({
        id: findingId('single-point-of-failure', [id]),
        rule: 'single-point-of-failure',
        severity: counts.includesCritical[x] === 1 ? 'critical' : 'high',
        title: `${id} is a single point of failure: its outage stops ${plural(others, 'high or critical system')}`,
        message: `If ${what} ${id} is down, ${plural(fields.impact_count, 'system')} stop running, `
          + `${others} of them high or critical (${fields.impact.filter((s) => s !== id).slice(0, 5).join(', ')}`
          + `${others > 5 ? ', …' : ''}). Add redundancy or an any_of alternative.`,
        subjects: [id],
        ...fields,
        location: entity?.loc ?? context.register.config.loc,
      });
    }
    return findings;
  },
};
