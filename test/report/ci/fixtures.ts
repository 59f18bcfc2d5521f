// Hand-made scan results for the CI reporters: several rules, a path finding, availability findings (one with a
// capped impact list), an accepted finding, a finding of a rule missing from the registry, and a hostile finding
// whose texts carry markdown, HTML, workflow-command and XML syntax.

import type { ScanResult } from '../../../src/findings/scan-result.js';
import type { Finding } from '../../../src/findings/types.js';
import type { RuleMeta } from '../../../src/rules/types.js';
import type { ReporterOptions } from '../../../src/report/types.js';

export const HOSTILE_TEXT = 'A|B <script>alert(1)</script> `rm -rf /` 100% done, a:b\nsecond line\r\nthird & "quoted" ]] [x](y)';

export const RULES: RuleMeta[] = [
  {
    id: 'weak-authentication', family: 'link', title: 'Weak authentication into a sensitive system',
    defaultSeverity: 'high', severityText: 'high if a target holds `restricted` data or sits in trust 4, else medium',
    description: 'A link into a sensitive system uses auth `none` or `password`.',
    fix: 'Require MFA or certificates on the link.',
    iso27001: ['A.8.5 Secure authentication'], nis2: ['Art. 21(2)(j) multi-factor authentication'],
  },
  {
    id: 'unsegmented-path', family: 'segmentation', title: 'Unsegmented path to a sensitive zone',
    defaultSeverity: 'critical', severityText: "the policy rule's severity (built-in: critical)",
    description: 'A low-trust source reaches a sensitive zone with no gateway in the way.',
    fix: 'Route the traffic through an allowed gateway or remove a link of the minimum cut.',
    iso27001: ['A.8.22 Segregation of networks', 'A.8.20 Networks security'],
    nis2: ['Art. 21(2)(d) supply chain security'],
  },
  {
    id: 'single-point-of-failure', family: 'availability', title: 'Single point of failure',
    defaultSeverity: 'high', severityText: 'critical if the impact includes a critical system, else high',
    description: 'The outage of this node takes high or critical systems down.',
    fix: 'Make it redundant or add an alternative with any_of.',
    iso27001: ['A.5.30 ICT readiness for business continuity'], nis2: ['Art. 21(2)(c) business continuity'],
  },
  {
    id: 'plaintext-protocol', family: 'link', title: 'Plaintext protocol',
    defaultSeverity: 'medium', severityText: 'high into trust >= 3, else medium',
    description: 'The link is unencrypted and crosses zones or carries a password.',
    fix: 'Use an encrypted protocol.', iso27001: ['A.8.20 Networks security'], nis2: [],
  },
  {
    id: 'missing-owner', family: 'hygiene', title: 'Missing owner', defaultSeverity: 'low', severityText: 'low',
    description: 'No accountable owner is recorded.', fix: 'Set `owner`.', iso27001: ['A.5.19 Information security in supplier relationships'],
    nis2: ['Art. 21(2)(d) supply chain security'],
  },
];

function findings(): Finding[] {
  return [
    {
      id: 'single-point-of-failure:ad-dc', rule: 'single-point-of-failure', severity: 'critical', status: 'open',
      title: 'ad-dc is a single point of failure', message: 'If ad-dc is down, 3 systems stop, 1 of them critical.',
      subjects: ['ad-dc'], impact: ['erp', 'mail', 'payroll'], impact_count: 3,
      location: { file: 'systems/core.yaml', line: 4, column: 5 },
    },
    {
      id: 'unsegmented-path:low-trust-to-sensitive:parking-app:admin', rule: 'unsegmented-path', severity: 'critical',
      status: 'open', title: 'parking-app (zone parking, trust 1) reaches zone admin (trust 4) with no gateway',
      message: 'Route parking-app through a gateway, or cut fs-01-to-ad-dc-389.',
      subjects: ['low-trust-to-sensitive', 'parking-app', 'admin'], path: ['parking-app', 'fs-01', 'ad-dc'],
      links: ['parking-app-to-fs-01-445', 'fs-01-to-ad-dc-389'],
      location: { file: 'systems/parking.yaml', line: 12, column: 5 },
    },
    {
      id: 'plaintext-protocol:guest-ap-to-library-app-80', rule: 'plaintext-protocol', severity: 'high', status: 'accepted',
      title: 'guest-ap-to-library-app-80 uses plaintext http across zones', message: 'Switch to https.',
      subjects: ['guest-ap-to-library-app-80'], location: { file: 'links.yaml', line: 30, column: 3 },
      acceptedBy: {
        finding: 'plaintext-protocol:guest-ap-to-library-app-80', reason: 'Library kiosk replaced in Q3',
        approved_by: 'CISO', expires: '2027-03-31', ticket: 'SEC-42', location: { file: 'acceptances.yaml', line: 2, column: 5 },
      },
    },
    {
      id: 'single-point-of-failure:acme', rule: 'single-point-of-failure', severity: 'high', status: 'open',
      title: 'Vendor acme is a single point of failure', message: 'An outage of acme takes 150 systems down.',
      subjects: ['acme'], impact: ['app-1', 'app-2'], impact_count: 150,
      location: { file: 'vendors/acme corp.yaml', line: 1, column: 3 },
    },
    {
      id: 'weak-authentication:constructor', rule: 'weak-authentication', severity: 'high', status: 'open',
      title: HOSTILE_TEXT, message: HOSTILE_TEXT, subjects: ['constructor'],
      location: { file: 'vendors/acme corp.yaml', line: 7, column: 9 },
    },
    {
      id: 'plaintext-protocol:kiosk-to-cms-21', rule: 'plaintext-protocol', severity: 'medium', status: 'open',
      title: 'kiosk-to-cms-21 uses plaintext ftp', message: 'Use sftp.', subjects: ['kiosk-to-cms-21'],
      location: { file: 'links.yaml', line: 41, column: 3 },
    },
    {
      id: 'acceptance-unused:weak-authentication:*', rule: 'acceptance-unused', severity: 'low', status: 'open',
      title: 'Acceptance weak-authentication:* matches nothing', message: 'Remove it.',
      subjects: ['weak-authentication:*'], location: { file: 'acceptances.yaml', line: 9, column: 5 },
    },
    {
      id: 'missing-owner:parking-app', rule: 'missing-owner', severity: 'low', status: 'open',
      title: 'parking-app has no owner', message: 'Set owner on parking-app.', subjects: ['parking-app'],
      location: { file: 'systems/parking.yaml', line: 10, column: 5 },
    },
  ];
}

/** A plain scan: no base, so no `new`. */
export function plainResult(): ScanResult {
  const list = findings();
  return {
    tool: { name: 'sidedoor', version: '0.1.0' },
    today: '2026-11-22',
    organization: 'Ville de Kerbrest',
    register: { root: 'register', files: 9, zones: 7, vendors: 12, systems: 40, links: 85 },
    findings: list,
    remediations: [{ rule: 'low-trust-to-sensitive', cut: ['fs-01-to-ad-dc-389'], closes: 4, exact: true }],
    summary: { critical: 2, high: 2, medium: 1, low: 2, info: 0, accepted: 1 },
  };
}

/** The same scan compared with a git base: one finding of each category that counts, one fixed, a risky link and
 * a policy change. */
export function comparedResult(): ScanResult {
  const result = plainResult();
  const changes = new Map<string, Finding['change']>([
    ['unsegmented-path:low-trust-to-sensitive:parking-app:admin', 'new'], ['missing-owner:parking-app', 'new'],
    ['weak-authentication:constructor', 'worsened'], ['single-point-of-failure:acme', 'hidden'],
  ]);
  for (const finding of result.findings) {
    finding.change = changes.get(finding.id) ?? 'unchanged';
    finding.new = finding.change !== 'unchanged';
  }
  result.summary.new = 4;
  result.comparison = {
    kind: 'base', ref: 'origin/main', commit: '0123456789abcdef0123456789abcdef01234567', judgedBy: 'base',
    fixed: [{ id: 'weak-authentication:old-link', rule: 'weak-authentication', title: `Old | fixed ${HOSTILE_TEXT}` }],
    worsened: [{ id: 'weak-authentication:constructor', rule: 'weak-authentication', title: 'constructor is weak', severity: 'high', before: 'medium', links: [] }],
    hidden: [{ id: 'single-point-of-failure:acme', rule: 'single-point-of-failure', title: 'acme is a SPOF', severity: 'high', claims: [`vendor acme: redundant false → true ${HOSTILE_TEXT}`] }],
    newRiskyLinks: [{ id: 'parking-app-to-fs-01-445', rules: ['low-trust-to-sensitive'], severity: 'critical', location: { file: 'links/parking.yaml', line: 7, column: 5 } }],
    policyChanges: [{ kind: 'rule', subject: 'plaintext-protocol', description: 'rule plaintext-protocol: turned off', weakens: true, location: { file: 'sidedoor.yaml', line: 30, column: 3 } }],
  };
  return result;
}

export function options(overrides: Partial<ReporterOptions> = {}): ReporterOptions {
  return { rules: RULES, failOn: 'high', uriBase: 'security/register', ...overrides };
}
