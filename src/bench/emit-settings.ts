// The register-wide files of a synthetic register: sidedoor.yaml (settings and segmentation policy), zones.yaml and
// acceptances.yaml.

import type { RegisterPlan } from './plan-types.js';
import { yamlString, yamlStringList } from '../util/yaml-text.js';
import { HOTSPOTS_ZONE_ID } from './zone-templates.js';
import { REFERENCE_DATE } from './calendar.js';

/** The first line of a generated sidedoor.yaml: lets writeRegister recognise a register it may overwrite. */
export const GENERATED_MARKER = '# Synthetic sidedoor register';

export function renderSettings(plan: RegisterPlan, sizeLabel: string): string {
  const { zones, systems, core, zoneFirewall } = plan;
  const ids = (indices: readonly number[]) => indices.map((i) => systems[i].id);
  const fieldZones = zones.filter((z) => z.cls === 'field' && !z.id.startsWith(HOTSPOTS_ZONE_ID) && !z.id.startsWith('guests')).map((z) => z.id);
  const sensitiveZones = zones.filter((z) => z.cls === 'sensitive').map((z) => z.id);
  const hotspots = zones.filter((z) => z.id.startsWith(HOTSPOTS_ZONE_ID)).map((z) => z.id);
  const zoneFirewalls = zoneFirewall.filter((f) => f >= 0);
  const gateways = [...core.vpns, ...core.dmzBastions, core.reverseProxy, ...core.coreFirewalls, ...zoneFirewalls];
  let out = `${GENERATED_MARKER} (size ${sizeLabel}, seed ${plan.seed}), written by scripts/generate.js.\n`
    + `# Dates are relative to ${REFERENCE_DATE}: scan with --today ${REFERENCE_DATE} to see the findings it was built to show.\n`
    + 'version: 1\n'
    + `organization: ${yamlString(plan.organization)}\n`
    + 'policy:\n'
    + '  builtin: true\n'
    + '  segmentation:\n'
    + '    - id: field-never-reaches-admin\n'
    + '      description: Parking, building and OT networks must never reach tier-0 administration\n'
    + `      from: { zones: ${yamlStringList(fieldZones)} }\n`
    + '      to: { trust_min: 4 }\n'
    + `      allow_via: ${yamlStringList(ids(core.coreFirewalls))}\n`
    + '      severity: critical\n'
    + '    - id: vendors-through-bastion\n'
    + '      description: Suppliers reach confidential data only through the VPN, a bastion, the reverse proxy or a firewall\n'
    + '      from: { vendors: true }\n'
    + `      to: { zones: ${yamlStringList(sensitiveZones)}, data_min: confidential }\n`
    + `      allow_via: ${yamlStringList(ids(gateways))}\n`
    + '      severity: high\n';
  if (hotspots.length > 0) {
    out += '    - id: hotspots-isolated\n'
      + '      description: Public Wi-Fi reaches nothing inside\n'
      + `      from: { zones: ${yamlStringList(hotspots)} }\n`
      + '      to: { trust_min: 2 }\n'
      + '      severity: high\n';
  } else {
    out += '    - id: published-apps-keep-off-restricted-data\n'
      + '      description: Applications published on the internet must not reach restricted data except through a gateway\n'
      + '      from: { internet_facing: true, kinds: [application] }\n'
      + '      to: { data_min: restricted }\n'
      + `      allow_via: ${yamlStringList(ids([...core.wafs, ...gateways]))}\n`
      + '      severity: high\n';
  }
  return out
    + 'review:\n'
    + '  assessment_max_age_days: { critical: 365, high: 365, medium: 730, low: 1095 }\n'
    + '  contract_warning_days: 90\n'
    + '  bulk_records_threshold: 10000\n'
    + 'rules:\n'
    + '  vendor-concentration: { severity: high, threshold: 3 }\n';
}

export function renderZones(plan: RegisterPlan): string {
  let out = '# Network zones. The built-in zones internet (trust 0) and third-party (trust 1) are kept as they are.\nzones:\n';
  for (const zone of plan.zones) {
    if (zone.builtin) continue;
    out += `  - id: ${zone.id}\n    name: ${yamlString(zone.name)}\n    trust: ${zone.trust}\n`;
    if (zone.template?.description) out += `    description: ${yamlString(zone.template.description)}\n`;
  }
  return out;
}

export function renderAcceptances(plan: RegisterPlan): string {
  let out = '# Risk acceptances, reviewed by the security committee every quarter.\nacceptances:\n';
  for (const a of plan.acceptances) {
    out += `  - finding: ${yamlString(a.finding)}\n    reason: ${yamlString(a.reason)}\n    approved_by: ${yamlString(a.approved_by)}\n`
      + `    expires: ${a.expires}\n`;
    if (a.ticket) out += `    ticket: ${yamlString(a.ticket)}\n`;
  }
  return out;
}
