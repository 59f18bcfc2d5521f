// The risk-acceptance register of a synthetic register: acceptances of planted findings (so they are known to
// exist), one that has expired, one that runs longer than review allows, one whose finding no longer exists, and at
// larger sizes a wildcard one.

import { dateFromReference } from './calendar.js';
import type { PlantedLinks } from './plan-links.js';
import type { PlantedSystems } from './plan-systems.js';
import type { PlantedVendors } from './plan-vendors.js';
import type { AcceptancePlan, CoreSystems, SystemPlan, VendorPlan } from './plan-types.js';

export function planAcceptances(
  count: number, systems: readonly SystemPlan[], vendors: readonly VendorPlan[], core: CoreSystems,
  plantedSystems: PlantedSystems, plantedVendors: PlantedVendors, plantedLinks: PlantedLinks,
): AcceptancePlan[] {
  const ciso = 'RSSI - Anne Le Bihan';
  const cio = 'DSI - Marc Le Roux';
  const all: AcceptancePlan[] = [
    { finding: `unsegmented-path:low-trust-to-sensitive:${systems[plantedSystems.leakApps[0]].id}:admin`,
      reason: 'Pay stations move behind the DMZ firewalls with the 2027 parking contract; the export share is monitored meanwhile.',
      approved_by: ciso, expires: dateFromReference(85), ticket: 'SEC-1412' },
    { finding: `contract-expired:${vendors[plantedVendors.contractExpired].id}`,
      reason: 'Renewal signed by the vendor, awaiting council approval.', approved_by: cio, expires: dateFromReference(56) },
    { finding: `assessment-overdue:${vendors[plantedVendors.assessmentOverdue].id}`,
      reason: 'Questionnaire sent; vendor asked for an extension.', approved_by: ciso, expires: dateFromReference(-67), ticket: 'SEC-1307' },
    { finding: 'plaintext-protocol:office-fax-01-to-servers-fs-01-21',
      // Past review.acceptance_max_days (365): acceptance-too-long.
      reason: 'Fax-to-share gateway kept until the last paper workflow is retired.', approved_by: cio, expires: dateFromReference(540) },
    { finding: `vendor-remote-access:${plantedLinks.directRemoteAccess[0]}`,
      reason: 'Vendor cannot support MFA before its next major release; access is logged.', approved_by: ciso, expires: dateFromReference(40),
      ticket: 'SEC-1450' },
    { finding: `weak-authentication:${plantedLinks.hubToDirectory}`,
      reason: 'Legacy share permissions tool; replacement project started.', approved_by: cio, expires: dateFromReference(-6) },
    { finding: `legacy-exposed:${systems[plantedSystems.legacyPortal].id}`,
      reason: 'Portal decommissioned at the end of the quarter.', approved_by: ciso, expires: dateFromReference(115) },
    { finding: `missing-security-contact:${vendors[plantedVendors.noSecurityContact].id}`,
      reason: 'Vendor gave a generic support address; escalation goes through the account manager.', approved_by: ciso,
      expires: dateFromReference(150) },
    { finding: 'unsegmented-path:field-never-reaches-admin:*:admin',
      reason: 'Field network re-segmentation is funded for next year; compensating monitoring in place.', approved_by: 'DGS - Claire Morvan',
      expires: dateFromReference(300), ticket: 'SEC-1501' },
    { finding: `bulk-data-unprotected:${systems[plantedSystems.bulkDatabase].id}`,
      reason: 'Rate limiting comes with the database upgrade.', approved_by: cio, expires: dateFromReference(-36) },
    { finding: `single-point-of-failure:${systems[core.sso].id}`,
      reason: 'Second SSO node budgeted; manual failover procedure tested.', approved_by: cio, expires: dateFromReference(250) },
    { finding: 'missing-owner:decommissioned-crm',
      reason: 'CRM vendor off-boarded; entry kept for the audit trail.', approved_by: ciso, expires: dateFromReference(100) },
  ];
  return all.slice(0, Math.min(count, all.length));
}
