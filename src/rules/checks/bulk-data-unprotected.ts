// bulk-data-unprotected (SPEC §3.1): a large store of people's records that can be scraped without a trace.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Rule } from '../types.js';
import { DATA_RANK } from '../../register/types.js';
import { NIS2 } from '../controls.js';

export const bulkDataUnprotected: Rule = {
  meta: {
    id: 'bulk-data-unprotected',
    family: 'system',
    title: 'Bulk personal data without rate limiting or audit log',
    defaultSeverity: 'high',
    severityText: 'high',
    description: 'A system holds at least `review.bulk_records_threshold` people\'s records (default 10,000) of confidential or '
      + 'restricted data, and lacks `controls.rate_limit` or `controls.audit_log` — so a single account can scrape it unnoticed.',
    fix: 'Add rate limiting on bulk reads and exports, and an audit log of who read what, reviewed regularly.',
    iso27001: ['A.8.15 Logging', 'A.8.16 Monitoring activities', 'A.8.3 Information access restriction'],
    nis2: [NIS2.accessControl],
  },
  check({ register }) {
    const findings: RawFinding[] = [];
    const threshold = register.config.review.bulk_records_threshold;
    for (const system of register.systems.values()) {
      if ((system.records ?? 0) < threshold || DATA_RANK[system.data] < DATA_RANK.confidential) continue;
      const missing = [system.controls.rate_limit ? '' : 'rate limiting', system.controls.audit_log ? '' : 'an audit log']
        .filter((m) => m !== '');
      if (missing.length === 0) continue;
      findings.push({
        id: findingId('bulk-data-unprotected', [system.id]),
        rule: 'bulk-data-unprotected',
        severity: 'high',
        title: `${system.id} holds ${system.records} records of ${system.data} data without ${missing.join(' or ')}`,
        message: `${system.name} (${system.id}) holds ${system.records} people's records (${system.data}) and has no `
          + `${missing.join(' and no ')}: one compromised account could export them all unnoticed.`,
        subjects: [system.id],
        location: system.fieldLocs.get('records') ?? system.loc,
      });
    }
    return findings;
  },
};
