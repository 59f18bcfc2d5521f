// assessment-failed (SPEC §3.1): the vendor's newest security assessment came back `fail`.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Rule } from '../types.js';
import { daysBetween, plural, entityLabel } from '../node-facts.js';
import { newestAssessment } from './assessment-overdue.js';
import { NIS2 } from '../controls.js';

export const assessmentFailed: Rule = {
  meta: {
    id: 'assessment-failed',
    family: 'hygiene',
    title: 'Vendor failed its newest security assessment',
    defaultSeverity: 'high',
    severityText: 'high',
    description: 'The newest assessment of the vendor (latest `date`) has result `fail`. Several assessments on that date '
      + 'resolve to the worst result, so a failure is never hidden by a pass recorded the same day. An older failure '
      + 'followed by a newer pass or conditional result does not fire; a `conditional` result never fires.',
    fix: 'Agree a remediation plan with the vendor and reassess it, restrict what it can reach and hold until then, '
      + 'or record a time-limited risk acceptance.',
    iso27001: [
      'A.5.22 Monitoring, review and change management of supplier services',
      'A.5.19 Information security in supplier relationships',
      'A.5.21 Managing information security in the ICT supply chain',
    ],
    nis2: [NIS2.supplyChain],
  },
  check({ register, today }) {
    const findings: RawFinding[] = [];
    for (const vendor of register.vendors.values()) {
      const newest = newestAssessment(vendor);
      if (newest === undefined || newest.assessment.result !== 'fail') continue;
      const { assessment, index } = newest;
      const label = entityLabel(vendor);
      const since = assessment.date < today ? `, ${plural(daysBetween(assessment.date, today), 'day')} ago`
        : assessment.date === today ? ', today' : '';
      findings.push({
        id: findingId('assessment-failed', [vendor.id]),
        rule: 'assessment-failed',
        severity: 'high',
        title: `${label} failed its ${assessment.kind} assessment of ${assessment.date}`,
        message: `The newest assessment of vendor ${label} (${assessment.kind}, ${assessment.date}${since}) failed`
          + `${assessment.evidence ? ` (evidence: ${assessment.evidence})` : ''}. `
          + 'Agree a remediation plan and reassess, or record a time-limited risk acceptance.',
        subjects: [vendor.id],
        location: vendor.fieldLocs.get(`assessments.${index}.result`)
          ?? vendor.fieldLocs.get(`assessments.${index}`) ?? vendor.loc,
      });
    }
    return findings;
  },
};

