// The hostile corpus, valid registers: hostile text in every field, ids that are Object.prototype members, depends_on
// cycles and self-links, empty and comment-only files, and 10,000 acceptances with wildcards. Each goes through every
// command and format (bounded, no stack trace, no raw control character in any output) and gives exactly the
// findings the SPEC predicts, worked out by hand in each fixture's header.

import { describe, expect, it } from 'vitest';
import { writeTree } from '../helpers/run-cli.js';
import { copyFixture, everyCommand, expectCleanRun, inBatches, PARALLEL_RUNS, runBounded, runBoundedAsync } from './hostile-cli.js';
import type { BoundedRun, CommandNodes } from './hostile-cli.js';

// Everything but LF: C0, DEL, C1, the bidi controls and the line/paragraph separators.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

interface FindingSummary { id: string; severity: string; status: string; path?: string[]; impact?: string[] }

async function runEveryCommand(register: string, nodes: CommandNodes, only: (args: string[]) => boolean = () => true): Promise<Map<string, BoundedRun>> {
  const commands = everyCommand(register, nodes).filter(only);
  const runs = await inBatches(commands.map((args) => () => runBoundedAsync(args)), PARALLEL_RUNS);
  const byLabel = new Map<string, BoundedRun>();
  for (const run of runs) {
    expectCleanRun(run);
    const label = run.args[0] === 'scan' || run.args[0] === 'graph' ? `${run.args[0]} ${run.args[run.args.length - 1]}` : run.args[0];
    expect(run.stdout, `${label}: raw control character`).not.toMatch(RAW_CONTROL);
    expect(run.stderr, `${label}: raw control character`).not.toMatch(RAW_CONTROL);
    byLabel.set(label, run);
  }
  return byLabel;
}

/** Exit codes: scan fails (1) exactly when an open finding is high or above; every other command succeeds. */
function expectExitCodes(runs: Map<string, BoundedRun>, scanFails: boolean): void {
  for (const [label, run] of runs) {
    expect(run.code, `${label}: ${run.stderr}`).toBe(label.startsWith('scan ') && scanFails ? 1 : 0);
  }
}

function findingsOf(runs: Map<string, BoundedRun>): FindingSummary[] {
  const document = JSON.parse(runs.get('scan json')?.stdout ?? '') as { findings: FindingSummary[] };
  return document.findings.map(({ id, severity, status, path, impact }) => ({
    id, severity, status, ...(path ? { path } : {}), ...(impact ? { impact } : {}),
  }));
}

function graphNodeIds(runs: Map<string, BoundedRun>): string[] {
  return (JSON.parse(runs.get('graph json')?.stdout ?? '') as { nodes: { id: string }[] }).nodes.map((node) => node.id);
}

describe('hostile corpus: valid registers', () => {
  it('hostile text in every field (ANSI/OSC sequences, CR, NUL, bidi overrides, |, <script>, backticks, newlines)', async () => {
    const register = copyFixture('hostile-names');
    const runs = await runEveryCommand(register, { from: 'parkco', to: 'ad-dc', impact: 'file-server' });
    expectExitCodes(runs, true);
    expect(runs.get('validate')?.stdout).toBe('register is valid: 2 files, 5 zones, 1 vendor, 3 systems, 3 links\n');
    expect(findingsOf(runs)).toEqual([
      { id: 'single-point-of-failure:file-server', severity: 'critical', status: 'open', impact: ['ad-dc', 'file-server'] },
      { id: 'unsegmented-path:low-trust-to-sensitive:parkco:admin', severity: 'critical', status: 'open', path: ['parkco', 'parking-app', 'file-server', 'ad-dc'] },
      { id: 'unsegmented-path:low-trust-to-sensitive:parking-app:admin', severity: 'critical', status: 'open', path: ['parking-app', 'file-server', 'ad-dc'] },
      // ad-dc is critical and records no tested offline backups.
      { id: 'backup-missing:ad-dc', severity: 'high', status: 'open' },
      { id: 'unsegmented-path:parking-never-admin:parking-app:admin', severity: 'high', status: 'open', path: ['parking-app', 'file-server', 'ad-dc'] },
      // The acceptance runs to 2099: it applies, and says so with its hostile approver in the message.
      { id: 'acceptance-too-long:network-chokepoint:*', severity: 'medium', status: 'open' },
      { id: 'network-chokepoint:file-server-to-ad-dc-636', severity: 'medium', status: 'accepted' },
    ]);
    // The JSON keeps the register's text exactly (escaped as JSON, parsed back whole).
    const json = JSON.parse(runs.get('scan json')?.stdout ?? '') as { findings: { id: string; acceptance?: { approved_by: string } }[] };
    expect(json.findings.find((f) => f.id.startsWith('network-chokepoint'))?.acceptance?.approved_by).toBe('CISO \u001b]0;title\u0007\rFORGED');
    expect(graphNodeIds(runs)).toEqual(['ad-dc', 'file-server', 'internet', 'parkco', 'parking-app']);
    expect(runs.get('path')?.stdout).toMatch(/^Path from parkco to ad-dc: 2 links after 1 supply hop, no gateway, 2 crossings into a higher-trust zone$/m);
    expect(runs.get('path')?.stdout).toMatch(/✗ low-trust-to-sensitive \(critical, built-in\) forbids this path/);
    expect(runs.get('impact')?.stdout).toMatch(/^If system file-server, .* is out, 2 systems stop running: 1 critical, 1 medium\.$/m);
    expect(runs.get('impact')?.stdout).toMatch(/^file-server is a single point of failure/m);
    // Escaped, the hostile text is still there for a reader to see, not acted on.
    expect(runs.get('impact')?.stdout).toContain('File server \\u{1b}[1;31mbold red\\u{1b}[0m\\u{d}\\u{a}# heading');
    for (const label of ['report', 'scan markdown']) {
      expect(runs.get(label)?.stdout).toContain('unsegmented-path:low-trust-to-sensitive:parkco:admin');
      expect(runs.get(label)?.stdout).not.toMatch(/<script|<img|<b>|<i>/);
    }
  });

  it('ids that are Object.prototype members: constructor, valueof, tostring, hasownproperty', async () => {
    const register = copyFixture('prototype-ids');
    const runs = await runEveryCommand(register, { from: 'constructor', to: 'tostring', impact: 'hasownproperty' });
    expectExitCodes(runs, true);
    expect(runs.get('validate')?.stdout).toBe('register is valid: 2 files, 6 zones, 1 vendor, 4 systems, 3 links\n');
    expect(findingsOf(runs)).toEqual([
      { id: 'single-point-of-failure:hasownproperty', severity: 'critical', status: 'open', impact: ['hasownproperty', 'tostring'] },
      { id: 'unsegmented-path:low-trust-to-sensitive:constructor:tostring', severity: 'critical', status: 'open', path: ['constructor', 'valueof', 'hasownproperty', 'tostring'] },
      { id: 'unsegmented-path:low-trust-to-sensitive:valueof:tostring', severity: 'critical', status: 'open', path: ['valueof', 'hasownproperty', 'tostring'] },
      { id: 'backup-missing:tostring', severity: 'high', status: 'open' },
      { id: 'vendor-concentration:constructor', severity: 'high', status: 'open', impact: ['valueof'] },
      { id: 'vendor-remote-access:constructor-to-valueof-3389', severity: 'high', status: 'open' },
      { id: 'network-chokepoint:hasownproperty-to-tostring-636', severity: 'medium', status: 'open' },
    ]);
    expect(graphNodeIds(runs)).toEqual(['constructor', 'hasownproperty', 'internet', 'prototype', 'tostring', 'valueof']);
    expect(runs.get('path')?.stdout).toMatch(/^Path from constructor to tostring: 2 links after 1 supply hop, no gateway, 2 crossings into a higher-trust zone$/m);
    expect(runs.get('impact')?.stdout).toMatch(/^If system hasownproperty, Own property server, is out, 2 systems stop running: 1 critical, 1 medium\.$/m);
    // A zone id can be a prototype member too.
    const toZone = runBounded(['path', 'valueof', 'zone:tostring', '--register', register, '--no-cache']);
    expectCleanRun(toZone);
    expect(toZone.stdout).toMatch(/^Path from valueof to zone:tostring: 2 links/m);
  });

  it('depends_on cycles and links from a node to itself', async () => {
    const register = copyFixture('cycles-and-self-links');
    const runs = await runEveryCommand(register, { from: 'a', to: 'b', impact: 'a' });
    expectExitCodes(runs, true);
    expect(findingsOf(runs)).toEqual([
      { id: 'single-point-of-failure:a', severity: 'critical', status: 'open', impact: ['a', 'b', 'c'] },
      { id: 'single-point-of-failure:b', severity: 'critical', status: 'open', impact: ['a', 'b', 'c'] },
      { id: 'single-point-of-failure:c', severity: 'critical', status: 'open', impact: ['a', 'b', 'c'] },
      { id: 'backup-missing:a', severity: 'high', status: 'open' },
      { id: 'weak-authentication:e-to-e', severity: 'high', status: 'open' },
      { id: 'backup-missing:b', severity: 'medium', status: 'open' },
      { id: 'backup-missing:c', severity: 'medium', status: 'open' },
      { id: 'network-chokepoint:a-to-b', severity: 'medium', status: 'open' },
      { id: 'acceptance-unused:nothing:*', severity: 'low', status: 'open' },
    ]);
    expect(runs.get('impact')?.stdout).toMatch(/^If system a, A, is out, 3 systems stop running: 1 critical, 2 high\.$/m);
    expect(runs.get('impact')?.stdout).toMatch(/^ {2}e keeps running: any_of \[e, a\] lost a, still has e$/m);
    expect(runs.get('path')?.stdout).toMatch(/^Path from a to b: 1 link/m);
    const selfPath = runBounded(['path', 'a', 'a', '--register', register, '--no-cache']);
    expectCleanRun(selfPath);
    expect(selfPath.code).toBe(0);
    expect(selfPath.stdout).toMatch(/^No path from a to a: a path has at least one link and never ends where it starts\.$/m);
    const selfDependent = runBounded(['impact', 'd', '--register', register, '--no-cache']);
    expect(selfDependent.stdout).toMatch(/^If system d, D, is out, 1 system stops running: 1 medium\.$/m);
    expect(selfDependent.stdout).toMatch(/^d is not a single point of failure/m);
  });

  it('an empty file and a file of only comments count as files and add nothing', async () => {
    const runs = await runEveryCommand(copyFixture('empty-and-comments'), { from: 'web', to: 'db', impact: 'web' });
    expectExitCodes(runs, false);
    expect(runs.get('validate')?.stdout).toBe('register is valid: 4 files, 3 zones, 0 vendors, 2 systems, 1 link\n');
    expect(findingsOf(runs)).toEqual([]);
    expect(graphNodeIds(runs)).toEqual(['db', 'internet', 'web']);
    expect(runs.get('impact')?.stdout).toMatch(/^If system web, Web, is out, 2 systems stop running: 2 medium\.$/m);
  });

  describe('10,000 acceptances with wildcards', () => {
    function acceptanceRegister(): string {
      const systems = Array.from({ length: 200 }, (_, i) => `  - { id: s${String(i).padStart(3, '0')}, name: S, zone: office, criticality: high, controls: { backups: true } }\n`);
      const acceptances: string[] = [];
      for (let i = 0; i < 10_000; i++) {
        const pattern = [
          'missing-owner:*', // matches all 200 findings
          `missing-owner:s${String(i % 200).padStart(3, '0')}`, // matches one finding each, 2,000 of them
          'unsegmented-path:*:*:*', // matches nothing: one acceptance-unused finding for 2,000 acceptances
          `nothing-${i}:*`, // matches nothing: 2,000 distinct patterns, 2,000 findings
          'weak-authentication:*', // expired: one acceptance-expired finding
        ][i % 5];
        const expires = i % 5 === 4 ? '2020-01-01' : '2027-01-01'; // within review.acceptance_max_days of TODAY
        acceptances.push(`  - { finding: "${pattern}", reason: r${i}, approved_by: ciso, expires: ${expires} }\n`);
      }
      return writeTree({
        'sidedoor.yaml': 'version: 1\n',
        'systems.yaml': `zones:\n  - { id: office, trust: 2 }\nsystems:\n${systems.join('')}`,
        'acceptances.yaml': `acceptances:\n${acceptances.join('')}`,
      });
    }
    const register = acceptanceRegister();
    const nodes = { from: 's000', to: 's001', impact: 's000' };

    // The commands are split in two tests (each loads the 10,000 entries once per command), so neither comes near its
    // timeout on a busy machine: scan in every format, where acceptances change the output, and the others.
    it('scan, in every format: current ones accept, unused and expired ones are reported once per pattern', async () => {
      const runs = await runEveryCommand(register, nodes, (args) => args[0] === 'scan');
      expectExitCodes(runs, false);
      const findings = findingsOf(runs);
      const byRule = (rule: string) => findings.filter((f) => f.id.startsWith(`${rule}:`));
      expect(byRule('missing-owner')).toHaveLength(200);
      expect(byRule('missing-owner').every((f) => f.status === 'accepted')).toBe(true);
      const unused = byRule('acceptance-unused').map((f) => f.id);
      expect(unused).toHaveLength(2001);
      expect(unused).toContain('acceptance-unused:unsegmented-path:*:*:*');
      expect(unused).toContain('acceptance-unused:nothing-9998:*');
      expect(byRule('acceptance-expired').map((f) => f.id)).toEqual(['acceptance-expired:weak-authentication:*']);
      expect(findings).toHaveLength(200 + 2001 + 1);
      const summary = JSON.parse(runs.get('scan json')?.stdout ?? '').summary;
      expect(summary).toEqual({ critical: 0, high: 0, medium: 1, low: 2001, info: 0, accepted: 200 });
    });

    it('validate, report, graph, path and impact load them in bounded time and succeed', async () => {
      // Graph output does not depend on acceptances, so one graph format (JSON) is enough to show a graph command
      // loads the file: the others would only parse it again.
      const runs = await runEveryCommand(register, nodes, (args) => args[0] !== 'scan' && (args[0] !== 'graph' || args.at(-1) === 'json'));
      expect([...runs.keys()].sort()).toEqual(['graph json', 'impact', 'path', 'report', 'validate']);
      expectExitCodes(runs, false);
      expect(runs.get('validate')?.stdout).toBe('register is valid: 3 files, 3 zones, 0 vendors, 200 systems, 0 links\n');
    });
  });
});
