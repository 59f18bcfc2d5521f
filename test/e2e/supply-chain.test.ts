// What a compromised supplier holds (SPEC §2.1, §2.2, §3.1), through the built CLI on real register directories:
// supply edges, footholds, vendor_access, subprocessors, the implicit internet edge's MFA, and backup-missing.

import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../helpers/run-cli.js';

const TODAY = '2026-12-06';

/** A vendor hosting an internet-facing HR tool with 243,000 restricted records; no link leaves the vendor. */
function hrRegister(extra: { hrTool?: string; systems?: string; vendors?: string } = {}): Record<string, string> {
  return {
    'sidedoor.yaml': 'version: 1\norganization: Académie\n',
    'zones.yaml': 'zones:\n  - { id: hr, trust: 3 }\n  - { id: admin, trust: 4 }\n',
    'vendors.yaml': `vendors:\n  - { id: hostco, name: HostCo, tier: high }\n${extra.vendors ?? ''}`,
    'systems/hr.yaml': 'systems:\n  - id: hr-tool\n    name: HR tool\n    zone: hr\n    vendor: hostco\n    data: restricted\n'
      + `    records: 243000\n    internet_facing: true\n${extra.hrTool ?? ''}`,
    ...(extra.systems === undefined ? {} : { 'systems/more.yaml': extra.systems }),
  };
}

const scanJson = (dir: string) => {
  const run = runCli(['scan', '--register', dir, '--format', 'json', '--today', TODAY, '--no-cache']);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as {
    findings: { id: string; rule: string; severity: string; path?: string[]; links?: string[]; supply_hops?: number; location: { file: string } }[];
    remediations: { rule: string; cut: string[]; closes: number; exact: boolean }[];
  };
};

describe('a vendor that hosts a system holds it (SPEC §2.1)', () => {
  it('blast-radius lists the hosted HR tool and its records, the report counts them, and no unsegmented path comes of the supply chain alone', () => {
    const dir = writeTree(hrRegister());
    const radius = runCli(['blast-radius', 'hostco', '--register', dir, '--no-cache']);
    expect(radius.code).toBe(0);
    expect(radius.stdout).toContain('hostco supplies hr-tool');
    expect(radius.stdout).toContain('records exposed: 243,000 in total');
    expect(radius.stdout).toContain('one person may be counted once per system');
    expect(radius.stdout).toMatch(/hr-tool\s+restricted\s+hr\s+243,000 records/);
    expect(radius.stdout).not.toContain('it reaches nothing');
    const json = JSON.parse(runCli(['blast-radius', 'hostco', '--register', dir, '--format', 'json', '--no-cache']).stdout);
    expect(json.records_total).toBe(243000);
    expect(json.records_largest_system).toBe(243000);
    expect(json.supplied).toEqual([{ id: 'hr-tool', chain: [{ from: 'hostco', to: 'hr-tool' }] }]);

    const report = runCli(['report', '--register', dir, '--today', TODAY, '--no-cache']);
    expect(report.stdout).toContain("**243,000 people's records** can be reached from third parties");
    expect(report.stdout).toContain('1 system (243,000 records) is held through a supply chain alone');

    const scan = scanJson(dir);
    expect(scan.findings.filter((f) => f.rule === 'unsegmented-path' && f.id.includes(':hostco:'))).toEqual([]);
  });

  it('a link from the hosted system into another sensitive zone is one finding for the vendor, whose witness starts with the supply hop, and the cut names the link', () => {
    const dir = writeTree(hrRegister({
      systems: 'systems:\n  - { id: ad, name: Directory, zone: admin, kind: identity }\n'
        + 'links:\n  - { from: hr-tool, to: ad, protocol: ldaps, port: 636, auth: key }\n',
    }));
    const scan = scanJson(dir);
    const vendorPaths = scan.findings.filter((f) => f.rule === 'unsegmented-path' && f.id.includes(':hostco:'));
    expect(vendorPaths.map((f) => f.id)).toEqual(['unsegmented-path:low-trust-to-sensitive:hostco:admin']);
    expect(vendorPaths[0]).toMatchObject({
      path: ['hostco', 'hr-tool', 'ad'], links: ['hostco-supplies-hr-tool', 'hr-tool-to-ad-636'], supply_hops: 1,
      location: { file: 'systems/more.yaml' },
    });
    const [remediation] = scan.remediations;
    expect(remediation.cut).toContain('hr-tool-to-ad-636');
    expect(remediation.cut.some((id) => id.includes('-supplies-'))).toBe(false);
    // hr-tool is a path start (held by hostco) and a target (trust 3): the cut is the split-node one.
    expect(remediation.exact).toBe(false);

    const table = runCli(['scan', '--register', dir, '--today', TODAY, '--no-cache']);
    expect(table.stdout).toContain('path: hostco ⇒ hr-tool → ad');
    expect(table.stdout).toContain('supply: hostco supplies hr-tool');
    const sarif = JSON.parse(runCli(['scan', '--register', dir, '--today', TODAY, '--format', 'sarif', '--no-cache']).stdout);
    const result = sarif.runs[0].results.find((r: { partialFingerprints: Record<string, string> }) => JSON.stringify(r).includes('hostco:admin'));
    expect(result.message.text).toContain('hostco ⇒ hr-tool → ad (hostco supplies hr-tool; links: hr-tool-to-ad-636)');
    const path = runCli(['path', 'hostco', 'zone:admin', '--register', dir, '--no-cache']);
    expect(path.stdout).toContain('hostco-supplies-hr-tool: hostco supplies hr-tool');
    expect(path.stdout).toContain('1 link after 1 supply hop');
  });

  it('vendor_access: false removes the supply edge, and a subprocessor reaches through the vendor it serves', () => {
    const closed = writeTree(hrRegister({ hrTool: '    vendor_access: false\n' }));
    const radius = runCli(['blast-radius', 'hostco', '--register', closed, '--no-cache']);
    expect(radius.stdout).toContain('it reaches nothing');
    const graph = runCli(['graph', '--register', closed, '--format', 'json', '--no-cache']);
    expect(graph.stdout).not.toContain('hostco-supplies-hr-tool');

    // cloudco hosts hostco's platform: hostco lists it as a subprocessor.
    const sub = writeTree({
      ...hrRegister({
        systems: 'systems:\n  - { id: ad, name: Directory, zone: admin, kind: identity }\nlinks:\n  - { from: hr-tool, to: ad, auth: key }\n',
      }),
      'vendors.yaml': 'vendors:\n  - { id: hostco, name: HostCo, tier: high, subprocessors: [cloudco] }\n  - { id: cloudco, name: CloudCo, tier: medium }\n',
    });
    const scan = scanJson(sub);
    const finding = scan.findings.find((f) => f.id === 'unsegmented-path:low-trust-to-sensitive:cloudco:admin');
    expect(finding).toMatchObject({
      path: ['cloudco', 'hostco', 'hr-tool', 'ad'],
      links: ['cloudco-supplies-hostco', 'hostco-supplies-hr-tool', 'hr-tool-to-ad'],
      supply_hops: 2,
    });
    const radius2 = runCli(['blast-radius', 'cloudco', '--register', sub, '--no-cache']);
    expect(radius2.stdout).toContain('hr-tool: cloudco supplies hostco, hostco supplies hr-tool');
    const graph2 = runCli(['graph', '--register', sub, '--format', 'opengraph', '--no-cache']);
    expect(JSON.parse(graph2.stdout).graph.edges.filter((e: { kind: string }) => e.kind === 'SD_Supplies').map((e: { properties: { id: string } }) => e.properties.id))
      .toEqual(['cloudco-supplies-hostco', 'hostco-supplies-hr-tool']);
    const mermaid = runCli(['graph', '--register', sub, '--format', 'mermaid', '--no-cache']).stdout;
    expect(mermaid).toContain('-.->|"supplies"|');
    expect(mermaid).toContain('stroke-dasharray:6');
    const dot = runCli(['graph', '--register', sub, '--format', 'dot', '--no-cache']).stdout;
    expect(dot).toContain('"hostco" -> "hr-tool" [id="hostco-supplies-hr-tool", label="supplies", style=dashed');
  });
});

describe('controls that count (SPEC §1.5, §3.1)', () => {
  it('an internet-facing restricted system without controls.mfa raises weak-authentication at high on its internet edge; with mfa it does not', () => {
    const weak = scanJson(writeTree(hrRegister()));
    expect(weak.findings.find((f) => f.id === 'weak-authentication:internet-to-hr-tool')).toMatchObject({ severity: 'high' });
    const strong = scanJson(writeTree(hrRegister({ hrTool: '    controls: { mfa: true }\n' })));
    expect(strong.findings.some((f) => f.rule === 'weak-authentication')).toBe(false);
  });

  it('backup-missing fires on a critical system without backups (high) and on a high one (medium), not once backups are recorded', () => {
    const dir = writeTree(hrRegister({
      hrTool: '    criticality: critical\n',
      systems: 'systems:\n  - { id: payroll, name: Payroll, zone: hr, criticality: high }\n'
        + '  - { id: archive, name: Archive, zone: hr, criticality: critical, controls: { backups: true } }\n',
    }));
    const scan = scanJson(dir);
    const backups = scan.findings.filter((f) => f.rule === 'backup-missing').map((f) => [f.id, f.severity]);
    expect(backups).toEqual([['backup-missing:hr-tool', 'high'], ['backup-missing:payroll', 'medium']]);
    const rules = runCli(['rules']);
    expect(rules.stdout).toContain('backup-missing');
  });
});
