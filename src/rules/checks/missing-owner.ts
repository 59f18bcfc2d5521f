// missing-owner (SPEC §3.1): a vendor of tier critical/high, or a system of criticality high/critical, has no
// accountable internal owner. Vendors and systems share the node namespace, so the subject id alone is unambiguous.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Level, SourceLocation } from '../../register/types.js';
import type { Rule } from '../types.js';
import { NIS2 } from '../controls.js';
import { entityLabel } from '../node-facts.js';

const IMPORTANT: ReadonlySet<Level> = new Set<Level>(['high', 'critical']);

/** An owner of only whitespace names nobody, so it counts as missing. */
function hasOwner(owner: string | undefined): boolean {
  return owner !== undefined && owner.trim() !== '';
}

function finding(id: string, title: string, message: string, location: SourceLocation): RawFinding {
  return {
    id: findingId('missing-owner', [id]), rule: 'missing-owner', severity: 'low', title, message, subjects: [id], location,
  };
}

export const missingOwner: Rule = {
  meta: {
    id: 'missing-owner',
    family: 'hygiene',
    title: 'No accountable owner',
    defaultSeverity: 'low',
    severityText: 'low',
    description: 'A vendor of tier critical or high, or a system of criticality high or critical, has no `owner`: no '
      + 'internal person or team is accountable for it. An owner that is empty or only whitespace counts as missing.',
    fix: 'Name the internal person or team accountable for it in `owner`.',
    iso27001: [
      'A.5.9 Inventory of information and other associated assets',
      'A.5.2 Information security roles and responsibilities',
      'A.5.19 Information security in supplier relationships',
    ],
    nis2: [NIS2.supplyChain, NIS2.accessControl],
  },
  check({ register }) {
    const findings: RawFinding[] = [];
    for (const vendor of register.vendors.values()) {
      if (!IMPORTANT.has(vendor.tier) || hasOwner(vendor.owner)) continue;
      const label = entityLabel(vendor);
      findings.push(finding(
        vendor.id,
        `Vendor ${label} has no owner (tier ${vendor.tier})`,
        `Vendor ${label} is tier ${vendor.tier} but nobody inside the organization is accountable for it. `
          + 'Set `owner` to the person or team who manages the relationship, its contract and its assessments.',
        vendor.fieldLocs.get('owner') ?? vendor.loc,
      ));
    }
    for (const system of register.systems.values()) {
      if (!IMPORTANT.has(system.criticality) || hasOwner(system.owner)) continue;
      const label = entityLabel(system);
      findings.push(finding(
        system.id,
        `System ${label} has no owner (criticality ${system.criticality})`,
        `System ${label} is of criticality ${system.criticality} but nobody inside the organization is accountable `
          + 'for it. Set `owner` to the person or team responsible for its security and availability.',
        system.fieldLocs.get('owner') ?? system.loc,
      ));
    }
    return findings;
  },
};
