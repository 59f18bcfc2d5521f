// The exploration commands as a user runs them (the BUILT CLI) on the sample city: `path`, `blast-radius`, `impact`
// and `rules`, their JSON, their exit codes, and hostile register text that must never reach stdout raw.

import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runCli, SAMPLE_CITY, writeTree } from '../helpers/run-cli.js';
import { RULES } from '../../src/rules/index.js';

const city = (...args: string[]) => runCli([...args, '--register', SAMPLE_CITY]);
const json = (...args: string[]) => {
  const run = city(...args, '--format', 'json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};

describe('sidedoor path', () => {
  it('shows the parking app reaching the admin zone through the file server, forbidden by the built-in rule', () => {
    const run = city('path', 'parking-app', 'zone:admin');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Path from parking-app to zone:admin: 2 links, no gateway, 2 crossings into a higher-trust zone/);
    expect(run.stdout).toMatch(/parking-app .*parking \(trust 1\)[\s\S]*fs-01 .*services \(trust 2\).*▲ into higher trust[\s\S]*ad-dc .*admin \(trust 4\)/);
    expect(run.stdout).toContain('parking-app-to-fs-01-445: network · smb/445 · auth password');
    expect(run.stdout).toMatch(/✗ low-trust-to-sensitive \(critical, built-in\) forbids this path/);
    expect(run.stdout).toMatch(/✗ parking-never-reaches-admin \(critical\) forbids this path/);

    const doc = json('path', 'parking-app', 'zone:admin');
    expect(doc.path).toEqual(['parking-app', 'fs-01', 'ad-dc']);
    expect(doc.links).toEqual(['parking-app-to-fs-01-445', 'fs-01-to-ad-dc-389']);
    expect(doc.gateways).toEqual([]);
    expect(doc.hops.map((h: { trust: number }) => h.trust)).toEqual([1, 2, 4]);
    const forbidding = doc.policies.filter((p: { forbids_path: boolean }) => p.forbids_path).map((p: { rule: string }) => p.rule);
    expect(forbidding).toEqual(['low-trust-to-sensitive', 'parking-never-reaches-admin']);
  });

  it('agrees with the witness scan reports for the same source and zone', () => {
    const scan = JSON.parse(runCli(['scan', '--register', SAMPLE_CITY, '--today', '2026-12-06', '--format', 'json']).stdout);
    const finding = scan.findings.find((f: { id: string }) => f.id === 'unsegmented-path:low-trust-to-sensitive:parkco:finance-hr');
    const doc = json('path', 'parkco', 'zone:finance-hr');
    const verdict = doc.policies.find((p: { rule: string }) => p.rule === 'low-trust-to-sensitive');
    expect(verdict.unsegmented_path).toEqual({ path: finding.path, links: finding.links });
  });

  it('shows vendors that run a system in a protected zone holding it through the supply chain, which no policy judges', () => {
    // Rempart operates the SIEM and Sentinelle the police RMS (`vendor:`): they hold them without their bastion sessions.
    for (const [vendor, target, system] of [
      ['rempart', 'zone:admin', 'siem'],
      ['sentinelle', 'police-rms', 'police-rms'],
    ] as const) {
      const doc = json('path', vendor, target);
      expect(doc).toMatchObject({ found: true, path: [vendor, system], links: [`${vendor}-supplies-${system}`], length: 0, supply_hops: 1 });
      expect(doc.steps).toEqual([{ link: `${vendor}-supplies-${system}`, kind: 'supply', from: vendor, to: system }]);
      expect(doc.policies.some((p: { forbids_path: boolean }) => p.forbids_path)).toBe(false);
      const text = city('path', vendor, target).stdout;
      expect(text).toContain(`${vendor}-supplies-${system}: ${vendor} supplies ${system}`);
      expect(text).toContain('does not judge this path: it is a supply chain alone');
      expect(text).not.toContain('✗');
    }
  });

  it('answers "no path" with exit 0', () => {
    const run = city('path', 'ad-dc', 'parking-app');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^No path from ad-dc to parking-app/);
    expect(json('path', 'ad-dc', 'parking-app')).toMatchObject({ found: false, path: [], links: [] });
  });

  it.each([
    [['parkng-app', 'zone:admin'], "unknown node 'parkng-app' (did you mean 'parking-app'?)"],
    [['parking-app', 'admin'], "unknown node 'admin' (did you mean 'zone:admin'?)"],
    [['parking-app', 'zone:admn'], "unknown zone 'admn' (did you mean 'zone:admin'?)"],
  ])('rejects unknown names %j with exit 2 and a suggestion', (args, message) => {
    const run = city('path', ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`sidedoor: ${message}\n`);
  });
});

describe('sidedoor blast-radius', () => {
  it('shows the admin zone, the sensitive data and a records total for the parking app', () => {
    const doc = json('blast-radius', 'parking-app');
    expect(doc.node).toMatchObject({ id: 'parking-app', zone: 'parking', trust: 1 });
    const admin = doc.zones.find((z: { zone: string }) => z.zone === 'admin');
    expect(admin).toMatchObject({ trust: 4, nodes: ['ad-dc', 'siem'], count: 2, without_gateway: 2 });
    expect(doc.zones.map((z: { zone: string }) => z.zone)).toEqual(['admin', 'finance-hr', 'services']);
    expect(typeof doc.records_total).toBe('number');
    expect(doc.sensitive.map((s: { id: string }) => s.id)).toEqual(['ad-dc', 'fin-db', 'fs-01', 'siem']);
    expect(doc.gateways).toEqual([]);
    const text = city('blast-radius', 'parking-app').stdout;
    expect(text).toMatch(/admin +Administration \(tier 0\) +trust 4 +2 nodes/);
    expect(text).toMatch(/records exposed: /);
  });

  it('names the gateway that stops the internet, and what lies behind it', () => {
    const doc = json('blast-radius', 'internet');
    expect(doc.gateways.map((g: { id: string }) => g.id)).toEqual(['fw-edge']);
    expect(doc.gateways[0].behind).toContain('ad-dc');
    expect(doc.records_total).toBeGreaterThan(doc.records_without_gateway);
  });

  it('rejects an unknown node with exit 2', () => {
    const run = city('blast-radius', 'parking');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown node 'parking' ('parking' is a zone, not a node)");
  });
});

describe('sidedoor impact', () => {
  it('lists the high and critical systems the domain controller takes down', () => {
    const doc = json('impact', 'ad-dc');
    expect(doc.impact_count).toBe(15);
    const ids = (level: string) => doc.systems.filter((s: { criticality: string }) => s.criticality === level).map((s: { id: string }) => s.id);
    expect(ids('critical')).toEqual(['ad-dc', 'fin-app', 'police-rms']);
    expect(ids('high')).toEqual(['bastion-01', 'fs-01', 'ged', 'gis-app', 'mail-srv', 'rh-admin', 'vpn-01']);
    expect(doc.by_criticality).toEqual({ critical: 3, high: 7, medium: 5, low: 0 });
    expect(doc.single_point_of_failure).toBe(true);
    const text = city('impact', 'ad-dc').stdout;
    expect(text).toMatch(/15 systems stop running: 3 critical, 7 high, 5 medium\./);
    expect(text).toMatch(/critical +police-rms/);
    expect(text).toContain('ad-dc is a single point of failure');
  });

  it('shows the services saved by the any_of group when one uplink is out', () => {
    for (const [uplink, survivor] of [['uplink-a', 'uplink-b'], ['uplink-b', 'uplink-a']]) {
      const doc = json('impact', uplink);
      expect(doc.systems.map((s: { id: string }) => s.id)).toEqual([uplink]);
      expect(doc.saved_groups).toEqual(['fw-edge', 'web-cms'].map((system) => ({
        system, any_of: ['uplink-a', 'uplink-b'], lost: [uplink], survivors: [survivor],
      })));
      expect(doc.single_point_of_failure).toBe(false);
      expect(city('impact', uplink).stdout).toContain(`web-cms keeps running: any_of [uplink-a, uplink-b] lost ${uplink}, still has ${survivor}`);
    }
  });

  it('follows a vendor outage', () => {
    const doc = json('impact', 'nuage-cloud');
    expect(doc.node.type).toBe('vendor');
    expect(doc.systems.map((s: { id: string }) => s.id).sort()).toEqual(['backup-cloud', 'eservices', 'ged', 'gis-app', 'parlotte-chat', 'payroll', 'rh-admin']);
  });
});

describe('sidedoor rules', () => {
  const ids = RULES.map((r) => r.meta.id);

  it('lists all 20 rules in every format', () => {
    expect(ids).toHaveLength(20);
    const table = runCli(['rules'], { cwd: '/' });
    expect(table.code).toBe(0);
    for (const id of ids) expect(table.stdout).toContain(id);
    const doc = JSON.parse(runCli(['rules', '--format', 'json'], { cwd: '/' }).stdout);
    expect(doc.rules.map((r: { id: string }) => r.id)).toEqual(ids);
    expect(doc.policies).toBeUndefined();
    const markdown = runCli(['rules', '--format', 'markdown'], { cwd: '/' }).stdout;
    expect(markdown.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(20);
  });

  it('shows the register\'s overrides and policy when run inside it', () => {
    const doc = JSON.parse(runCli(['rules', '--format', 'json'], { cwd: `${SAMPLE_CITY}/vendors` }).stdout);
    expect(doc.rules.find((r: { id: string }) => r.id === 'network-chokepoint').override).toEqual({ off: false, severity: 'low', options: {} });
    expect(doc.policies.map((p: { id: string }) => p.id)).toEqual(['low-trust-to-sensitive', 'parking-never-reaches-admin', 'guest-never-reaches-internal', 'ot-field-stays-segmented']);
    expect(city('rules').stdout).toContain('here: severity low');
  });

  it('still lists the rules, with a note, inside a register that does not validate', () => {
    const dir = writeTree({ 'sidedoor.yaml': 'version: 1\nbogus: 1\n' });
    const run = runCli(['rules', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).rules).toHaveLength(20);
    expect(run.stderr).toMatch(/does not load, so its overrides are not shown/);
    expect(runCli(['rules', '--register', dir]).code).toBe(2);
  });
});

describe('hostile register text', () => {
  // Names, zone names, a link purpose and a policy description carrying ANSI/OSC escapes, a carriage return, a C1 CSI
  // and bidi overrides (YAML double-quoted escapes, so the bytes really are in the loaded values). A protocol cannot
  // carry them: it is lower-case ASCII (test/hostile/protocol-names.test.ts).
  const evil = '\\e[31mRED\\e]0;pwned\\a\\r\\x9b2J\\u202Eevil\\u2066';
  const dir = writeTree({
    'sidedoor.yaml': `version: 1\npolicy:\n  segmentation:\n    - id: r\n      description: "Rule ${evil}"\n      from: { zones: [low] }\n      to: { zones: [high] }\n`,
    'zones.yaml': `zones:\n  - { id: low, trust: 1, name: "Low ${evil}" }\n  - { id: high, trust: 4, name: "High ${evil}" }\n`,
    'systems.yaml': [
      'vendors:',
      `  - { id: v, name: "Vendor ${evil}", tier: low }`,
      'systems:',
      `  - { id: a, zone: low, name: "A ${evil}", records: 12, data: restricted, depends_on: [{ any_of: [b, fw] }] }`,
      `  - { id: b, zone: high, name: "B ${evil}", criticality: critical, vendor: v }`,
      `  - { id: fw, zone: high, name: "FW ${evil}", kind: firewall }`,
      'links:',
      `  - { from: v, to: a, kind: remote-access, protocol: ssh, purpose: "maintenance ${evil}", auth: mfa, on_demand: true }`,
      '  - { from: a, to: b, port: 22 }',
      '  - { from: a, to: fw }',
      '',
    ].join('\n'),
  });
  const commands = [
    ['path', 'v', 'zone:high'], ['path', 'a', 'fw'], ['blast-radius', 'v'], ['impact', 'v'], ['impact', 'b'], ['rules'],
  ];

  it('loads (so the hostile bytes are really there)', () => {
    const run = runCli(['path', 'v', 'b', '--format', 'json', '--register', dir]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).hops[0].name).toBe('Vendor \u001b[31mRED\u001b]0;pwned\u0007\r\u009b2J\u202eevil\u2066');
  });

  it.each(commands)('never prints them raw with FORCE_COLOR=1: %s %s %s', (...args) => {
    for (const format of ['text', 'json']) {
      const run = runCli([...args, '--register', dir, ...(format === 'json' ? ['--format', 'json'] : [])], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
      expect(run.code, run.stderr).toBe(0);
      const withoutSgr = run.stdout.replace(/\u001b\[[0-9;]*m/g, '');
      expect(withoutSgr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      if (format === 'text') expect(run.stdout).toMatch(/\u001b\[\d+m/);
    }
  });
});

describe('docs/commands.md', () => {
  // Every console block whose output is complete (not an excerpt marked with …), and the markdown catalogue between
  // its markers, must be what the CLI prints today. After a deliberate change of output, refresh them with
  // `npm run build && UPDATE_DOCS=1 npx vitest run test/e2e/explore.test.ts`, then read the diff.
  const path = join(REPO_ROOT, 'docs', 'commands.md');
  const BLOCK = /```console\n\$ sidedoor ([^\n]*)\n([\s\S]*?)\n```/g;
  const CATALOGUE = /(<!-- rules --format markdown -->\n\n)([\s\S]*?)(\n<!-- end -->)/;
  const isExcerpt = (output: string) => output.split('\n').includes('…');
  const printed = (args: string) => {
    const run = runCli(args.split(' '));
    return `${run.stdout}${run.stderr}`.replace(/\n$/, '');
  };
  const catalogue = () => runCli(['rules', '--format', 'markdown'], { cwd: '/' }).stdout;

  if (process.env.UPDATE_DOCS === '1') {
    writeFileSync(path, readFileSync(path, 'utf8')
      .replace(BLOCK, (block, args: string, output: string) => (isExcerpt(output) ? block : `\`\`\`console\n$ sidedoor ${args}\n${printed(args)}\n\`\`\``))
      .replace(CATALOGUE, (_all, open: string, _old: string, close: string) => `${open}${catalogue()}${close}`));
  }
  const doc = readFileSync(path, 'utf8');
  const blocks = [...doc.matchAll(BLOCK)].filter((m) => !isExcerpt(m[2])).map((m) => [m[1], m[2]] as const);

  it('has examples of every exploration command', () => {
    for (const command of ['path', 'blast-radius', 'impact']) expect(blocks.some(([args]) => args.startsWith(`${command} `))).toBe(true);
  });

  it('holds the real markdown catalogue', () => {
    expect(doc.match(CATALOGUE)?.[2]).toBe(catalogue());
  });

  it.each(blocks)('shows the real output of `sidedoor %s`', (args, expected) => {
    expect(printed(args)).toBe(expected);
  });

  it('cuts its excerpts from real output (refresh those by hand)', () => {
    const excerpts = [...doc.matchAll(BLOCK)].filter((m) => isExcerpt(m[2]));
    expect(excerpts.length).toBeGreaterThan(0);
    for (const [, args, output] of excerpts) {
      const real = new Set(printed(args).split('\n'));
      for (const line of output.split('\n')) if (line !== '…') expect(real.has(line), line).toBe(true);
    }
  });
});
