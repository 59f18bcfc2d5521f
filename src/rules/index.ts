// The rule registry: data, not a switch. Order here is the catalogue order of SPEC §3.1 (used by `sidedoor rules`,
// SARIF and the report's control mapping); findings are sorted independently of it.

import type { Rule } from './types.js';
import { unsegmentedPath } from './checks/unsegmented-path.js';
import { weakAuthentication } from './checks/weak-authentication.js';
import { plaintextProtocol } from './checks/plaintext-protocol.js';
import { vendorRemoteAccess } from './checks/vendor-remote-access.js';
import { credentialExposure } from './checks/credential-exposure.js';
import { legacyExposed } from './checks/legacy-exposed.js';
import { backupMissing } from './checks/backup-missing.js';
import { bulkDataUnprotected } from './checks/bulk-data-unprotected.js';
import { singlePointOfFailure } from './checks/single-point-of-failure.js';
import { networkChokepoint } from './checks/network-chokepoint.js';
import { vendorConcentration } from './checks/vendor-concentration.js';
import { assessmentOverdue } from './checks/assessment-overdue.js';
import { assessmentFailed } from './checks/assessment-failed.js';
import { contractExpired } from './checks/contract-expired.js';
import { contractExpiring } from './checks/contract-expiring.js';
import { missingSecurityContact } from './checks/missing-security-contact.js';
import { missingOwner } from './checks/missing-owner.js';
import { acceptanceExpired, acceptanceUnused } from './checks/acceptance-rules.js';
import { acceptanceTooLong } from './checks/acceptance-too-long.js';

export const RULES: readonly Rule[] = [
  unsegmentedPath,
  weakAuthentication,
  plaintextProtocol,
  vendorRemoteAccess,
  credentialExposure,
  legacyExposed,
  backupMissing,
  bulkDataUnprotected,
  singlePointOfFailure,
  networkChokepoint,
  vendorConcentration,
  assessmentOverdue,
  assessmentFailed,
  contractExpired,
  contractExpiring,
  missingSecurityContact,
  missingOwner,
  acceptanceExpired,
  acceptanceUnused,
  acceptanceTooLong,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
