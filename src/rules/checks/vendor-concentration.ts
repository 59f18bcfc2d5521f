// vendor-concentration (SPEC §3.1): a third party whose outage alone takes down many important systems, directly or
// as a fourth party, or a critical vendor nobody could replace and for which there is no exit plan.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import type { Rule } from '../types.js';
import { availabilityAnalysis, impactFields } from '../availability-analysis.js';
import { NIS2 } from '../controls.js';
import { plural } from '../node-facts.js';

export const DEFAULT_CONCENTRATION_THRESHOLD = 3;

export const vendorConcentration: Rule = {
  meta: {
    id: 'vendor-concentration',
    family: 'availability',
    title: 'Vendor concentration risk',
    defaultSeverity: 'high',
    severityText: 'high',
    description: 'The vendor\'s outage (counting systems it runs directly and those of vendors that use it as a subprocessor) takes '
      + 'down at least `threshold` (default 3, set with `rules: { vendor-concentration: { threshold: N } }`) high or critical '
      + 'systems, or the vendor is tier critical with `substitutability: none` and no `exit_plan`.',
    fix: 'Spread critical services over more than one provider, add any_of alternatives, and write and test an exit plan.',
    iso27001: ['A.5.19 Information security in supplier relationships', 'A.5.21 Managing information security in the ICT supply chain', 'A.5.23 Information security for use of cloud services', 'A.5.30 ICT readiness for business continuity'],
    nis2: [NIS2.supplyChain, NIS2.businessContinuity],
  },
  check(context) {
    const analysis = availabilityAnalysis(context);
    const threshold = context.register.config.rules.get('vendor-concentration')?.options.get('threshold') ?? DEFAULT_CONCENTRATION_THRESHOLD;
    const findings: RawFinding[] = [];
    for (const vendor of context.register.vendors.values()) {
      const x = analysis.model.nodeIndex.get(vendor.id) as number;
      const important = analysis.counts.highOrCriticalOthers[x];
      const locked = vendor.tier === 'critical' && vendor.substitutability === 'none' && vendor.exit_plan !== true;
      if (important < threshold && !locked) continue;
      const fields = impactFields(analysis, x);
      const reasons = [
        important >= threshold ? `its outage takes down ${important} high or critical systems (threshold ${threshold})` : '',
        locked ? 'it is a critical vendor that cannot be substituted and has no exit plan' : '',
      ].filter((r) => r !== '');
      findings.push({
        id: findingId('vendor-concentration', [vendor.id]),
        rule: 'vendor-concentration',
        severity: 'high',
        title: `Concentration on ${vendor.name}: ${reasons.join('; ')}`,
        message: `${vendor.name} (${vendor.id}, tier ${vendor.tier}): ${reasons.join('; and ')}. `
          + `${plural(fields.impact_count, 'system')} depend on it directly or through subprocessors.`,
        subjects: [vendor.id],
        ...fields,
        location: vendor.loc,
      });
    }
    return findings;
  },
};
