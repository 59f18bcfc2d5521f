// The files `sidedoor init` writes: sidedoor.yaml (organization, policy, review thresholds, commented examples of
// policy rules and rule overrides), zones.yaml (the standard zones), a commented example of a vendor, a system and a
// link, and acceptances.yaml explaining the format. Pure: the answers and the date in, file texts out.

import { stringify } from 'yaml';
import { addDays, addOneYear } from './dates.js';
import type { InitAnswers, ZonePreset } from './init-flow.js';

export interface ScaffoldFile {
  /** Relative to the register directory, `/`-separated. */
  path: string;
  content: string;
}

interface ZoneTemplate { id: string; name: string; trust: number; description: string }

const STANDARD_ZONES: ZoneTemplate[] = [
  { id: 'guest', name: 'Guest Wi-Fi', trust: 1, description: 'Public and visitor Wi-Fi.' },
  { id: 'iot', name: 'IoT and OT devices', trust: 1, description: 'Cameras, building management, badge readers, printers on their own network.' },
  { id: 'dmz', name: 'DMZ', trust: 2, description: 'Servers published to the internet, behind the edge firewall.' },
  { id: 'office', name: 'Office network', trust: 2, description: 'Staff workstations, phones and printers.' },
  { id: 'servers', name: 'Internal servers', trust: 2, description: 'File, mail, intranet and business application servers.' },
  { id: 'sensitive', name: 'Sensitive data', trust: 3, description: 'Finance, HR and personal data.' },
  { id: 'admin', name: 'Administration (tier 0)', trust: 4, description: 'Directory, bastion, backups, hypervisors: whoever controls it controls everything.' },
];

const MINIMAL_ZONES = STANDARD_ZONES.filter((zone) => zone.id === 'office' || zone.id === 'admin');

export function zoneTemplates(preset: ZonePreset): ZoneTemplate[] {
  return preset === 'standard' ? STANDARD_ZONES : MINIMAL_ZONES;
}

export function scaffoldRegister(answers: InitAnswers, today: string): ScaffoldFile[] {
  const files: ScaffoldFile[] = [
    { path: 'sidedoor.yaml', content: configFile(answers) },
    { path: 'zones.yaml', content: zonesFile(answers.zones) },
    answers.examples
      ? { path: 'vendors/example-support.yaml', content: vendorFile(today, true) }
      : { path: 'vendors/_template.yaml', content: vendorFile(today, false) },
    { path: 'systems.yaml', content: systemsFile(answers.examples) },
    { path: 'links.yaml', content: linksFile(answers.examples) },
    { path: 'acceptances.yaml', content: acceptancesFile(today) },
  ];
  return files;
}

function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** Comments out a block of YAML, keeping its indentation readable. */
function commentOut(block: string): string {
  return block.split('\n').map((line) => (line === '' ? '' : `# ${line}`)).join('\n');
}

function configFile(answers: InitAnswers): string {
  const zones = zoneTemplates(answers.zones);
  const zoneList = zones.map((z) => `${z.id} (${z.trust})`).join(' · ');
  const segmentation = answers.zones === 'standard'
    ? `  # segmentation:
  #   - id: guest-never-reaches-servers
  #     description: Guest Wi-Fi never reaches the internal servers, not even through a firewall
  #     from: { zones: [guest] }
  #     to: { zones: [servers, sensitive, admin] }
  #     allow_via: []                 # no exceptions
  #     severity: high
  #   - id: admin-only-through-the-bastion
  #     description: Nothing outside the admin zone reaches it except through the bastion
  #     from: { trust_max: 3 }
  #     to: { zones: [admin] }
  #     allow_via: [bastion]          # the id of a jump-host system
  #     severity: critical`
    : `  # segmentation:
  #   - id: admin-only-through-the-bastion
  #     description: Nothing outside the admin zone reaches it except through the bastion
  #     from: { zones: [office] }
  #     to: { zones: [admin] }
  #     allow_via: [bastion]          # the id of a jump-host system
  #     severity: critical`;
  return `# sidedoor.yaml marks the root of this register: sidedoor walks up from the working directory until it finds this
# file, the way git finds .git. Every other *.yaml / *.yml file below this directory is a register file holding any of
# \`zones\`, \`vendors\`, \`systems\`, \`links\` and \`acceptances\`; only this file may hold the settings below.
#
# Editors: sidedoor ships JSON Schemas (schemas/sidedoor-config.schema.json for this file,
# schemas/register-file.schema.json for the others) for completion and checks as you type. With the YAML language
# server, point a file at one with a first line such as
#   # yaml-language-server: $schema=node_modules/sidedoor-cli/schemas/register-file.schema.json
#
# Next: \`sidedoor add vendor|system|link|zone\` asks questions and appends to these files; \`sidedoor validate\`
# checks the register; \`sidedoor scan\` reports the risks.

# The register format version. Always 1 for now.
version: 1

# Shown in report headers.
organization: ${scalar(answers.organization)}

# The zones are trust levels, written in zones.yaml: ${zoneList}.
# Two more are built in: internet (0), and third-party (1), where every vendor sits unless it names another zone.

policy:
  # The built-in rule \`low-trust-to-sensitive\`: nothing in a zone of trust 0-1 (the internet, vendors, guest and IoT
  # networks) may reach a zone of trust 3-4 unless every path crosses an enforcement system (a firewall, jump host,
  # proxy, VPN gateway or WAF).
  builtin: ${answers.builtinPolicy ? 'true' : 'false'}

  # Your own segmentation rules: nothing matched by \`from\` may reach a node matched by \`to\`, except through one of
  # the gateways in \`allow_via\`. A selector field left out matches everything. Uncomment and adapt:
${segmentation}

# Thresholds for the hygiene checks. These are the defaults, spelled out.
review:
  # An assessment older than this many days (by vendor tier) is overdue.
  assessment_max_age_days: { critical: 365, high: 365, medium: 730, low: 1095 }
  # A contract ending within this many days raises contract-expiring.
  contract_warning_days: 90
  # A system holding at least this many people's records counts as bulk data.
  bulk_records_threshold: 10000
  # An acceptance expiring more than this many days ahead raises acceptance-too-long.
  acceptance_max_days: 365

# Per-rule overrides, in the style of eslint: \`<rule>: off\`, a severity, or a mapping with \`severity\` and the rule's
# options. \`sidedoor rules\` lists every rule. Uncomment and adapt:
# rules:
#   network-chokepoint: { severity: low }
#   vendor-concentration: { severity: high, threshold: 3 }
#   plaintext-protocol: off
`;
}

function zonesFile(preset: ZonePreset): string {
  const zones = zoneTemplates(preset).map((zone) => `  - id: ${zone.id}
    name: ${scalar(zone.name)}
    trust: ${zone.trust}
    description: ${scalar(zone.description)}
`).join('\n');
  return `# Network zones. A zone is a trust level, not a place: every vendor and system sits in one zone, and the zone's trust
# decides which paths are dangerous.
#
#   trust 0  untrusted (the internet)
#   trust 1  partner, guest, IoT/OT field: assume it will be compromised one day
#   trust 2  internal
#   trust 3  sensitive (personal data, finance, health)
#   trust 4  administration, tier 0: whoever controls it controls everything
#
# Two zones are built in and need not be written: \`internet\` (trust 0) and \`third-party\` (trust 1, where every
# vendor sits unless it names another zone). Add a zone with \`sidedoor add zone\`, or by hand below.

zones:
${zones}`;
}

function vendorFile(today: string, live: boolean): string {
  const end = addOneYear(addOneYear(addOneYear(today)));
  const vendor = `vendors:
  - id: example-support              # graph node id: lower case letters, digits, and . _ - inside
    name: Example IT Support         # display name
    tier: medium                     # how much you depend on the vendor: critical | high | medium | low
    # zone: third-party              # where the vendor's staff and systems sit; third-party is the default
    owner: IT department             # the internal person or team accountable for this vendor
    contacts:                        # role: security | account | dpo | support | other
      - { name: Security desk, email: security@support.example, role: security }
    contract:                        # dates are always YYYY-MM-DD
      ref: C-0001
      start: ${today}
      end: ${end}
      notice_days: 90
    assessments:                     # kind: questionnaire | sig-lite | sig-core | iso27001 | soc2 | pentest | ...
      - { date: ${today}, kind: questionnaire, result: pass }
    data: internal                   # the most sensitive data it handles: public | internal | confidential | restricted
    substitutability: easy           # how hard it is to replace: easy | medium | hard | none
    notes: Remote support for the office workstations.
`;
  const intro = live
    ? `# An example vendor, to show the format: edit it into one of your own, or delete this file (and the example system
# and link in systems.yaml and links.yaml).
#
# One file per vendor is a common layout, and \`sidedoor add vendor\` follows it. A vendor file may also hold the
# systems the vendor runs and their links.`
    : `# A vendor template, commented out: copy this file to vendors/<id>.yaml and uncomment it, or run
# \`sidedoor add vendor\`. One file per vendor is a common layout; a vendor file may also hold the systems the vendor
# runs and their links.`;
  return `${intro}\n\n${live ? vendor : commentOut(vendor)}`;
}

function systemsFile(live: boolean): string {
  const system = `  - id: example-intranet
    name: Intranet portal
    zone: office                     # required: the network zone it sits in
    kind: application                # application (default) | database | server | workstation | identity | saas | firewall | ...
    vendor: example-support          # who supplies or operates it: the vendor's outage takes it down too
    owner: IT department
    criticality: medium              # business impact when it is down: low | medium (default) | high | critical
    data: internal                   # the most sensitive data it holds: public | internal (default) | confidential | restricted
    controls: { mfa: true, audit_log: true, backups: true }
    # depends_on: [some-system]      # availability: it stops when these stop
`;
  return `# Systems: applications, servers, devices, SaaS. \`zone\` is required; \`kind\` defaults to application,
# \`criticality\` to medium and \`data\` to internal. Add one with \`sidedoor add system\`.

${live ? `systems:\n  # An example system, to show the format: edit or delete it.\n${system}` : commentOut(`systems:\n${system}`)}`;
}

function linksFile(live: boolean): string {
  const link = `  - from: example-support
    to: example-intranet
    kind: remote-access              # network (default) | remote-access | credential
    protocol: https
    port: 443
    auth: mfa                        # none (default) | password | key | certificate | mfa
    on_demand: true                  # enabled only on request, for a limited time
    purpose: Remote support
`;
  return `# Links: who can attack whom. The direction is the way compromise travels: whoever controls \`from\` can attack \`to\`.
# Without \`id\`, a link's id is \`<from>-to-<to>\`, plus \`-<port>\` when there is a port. Add one with
# \`sidedoor add link\`.

${live
    ? `links:\n  # An example link (its id is example-support-to-example-intranet-443): the vendor's remote support sessions, with\n  # MFA, enabled only on request. Edit or delete it.\n${link}`
    : commentOut(`links:\n${link}`)}`;
}

function acceptancesFile(today: string): string {
  return `# The risk-acceptance register. An accepted finding is still reported, with status \`accepted\`, and does not fail CI.
# It holds through its \`expires\` date; then the finding is open again, and sidedoor reports the expired acceptance.
# Record one with \`sidedoor accept FINDING_ID\` (it appends below), or by hand:
#
# acceptances:
#   - finding: weak-authentication:some-link-id   # a finding id; \`*\` stands for exactly one \`:\`-separated segment
#     reason: Why the risk is accepted, and until what happens
#     approved_by: Who accepted it
#     expires: ${addDays(today, 90)}                         # at most one year ahead
#     ticket: SEC-123
`;
}
