// backup-missing (SPEC §3.1): a system the organisation cannot do without, with no offline or immutable backup that
// has been restore-tested. Ransomware that reaches it turns an intrusion into an outage with no way back.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Rule } from '../types.js';
import { NIS2 } from '../controls.js';

export const backupMissing: Rule = {
  meta: {
    id: 'backup-missing',
    family: 'system',
    title: 'High-criticality system without tested offline backups',
    defaultSeverity: 'medium',
    severityText: 'medium, high for a critical system',
    description: 'A system of criticality high or critical whose `controls.backups` is not true: no offline or immutable '
      + 'backup is recorded as existing and restore-tested.',
    fix: 'Keep offline or immutable backups of the system, test a restore, then set `controls.backups: true`.',
    iso27001: ['A.8.13 Information backup', 'A.5.30 ICT readiness for business continuity'],
    nis2: [NIS2.businessContinuity],
  },
  check({ register }) {
    const findings: RawFinding[] = [];
    for (const system of register.systems.values()) {
      if ((system.criticality !== 'high' && system.criticality !== 'critical') || system.controls.backups === true) continue;
      const stated = system.controls.backups === false ? 'controls.backups is false' : 'controls.backups is not set';
      findings.push({
        id: findingId('backup-missing', [system.id]),
        rule: 'backup-missing',
        severity: system.criticality === 'critical' ? 'high' : 'medium',
        title: `${system.id} (criticality ${system.criticality}) has no tested offline backups`,
        message: `${system.name} (${system.id}) is of criticality ${system.criticality} and ${stated}: ransomware or a `
          + 'destructive intruder could leave nothing to restore. Keep offline or immutable backups, test a restore, then set controls.backups: true.',
        subjects: [system.id],
        location: system.fieldLocs.get('controls.backups') ?? system.fieldLocs.get('criticality') ?? system.loc,
      });
    }
    return findings;
  },
};
