// Terminal injection (SPEC §4): with colour forced on (FORCE_COLOR=1), the output of a register full of escape
// sequences holds no escape sequence from the data. The only ESC bytes allowed are the tool's own colour codes,
// `ESC [ n m` with n one of the SGR codes chalk uses here; everything the register says shows up as a visible
// `\u{…}` escape instead. Covered: the scan table, path, impact, blast-radius, rules, validate diagnostics, usage
// errors that quote an id or a path, and every other format (which must carry no colour at all).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMATS } from '../../src/export/index.js';
import { SCAN_FORMATS } from '../../src/cli/commands/scan.js';
import { renderTable } from '../../src/report/table.js';
import { comparedResult, options } from '../report/ci/fixtures.js';
import { writeTree } from '../helpers/run-cli.js';
import { copyFixture, expectCleanRun, inBatches, PARALLEL_RUNS, runBoundedAsync, TODAY } from './hostile-cli.js';
import type { BoundedRun } from './hostile-cli.js';

const COLOUR = { FORCE_COLOR: '1', NO_COLOR: undefined };

/** bold, dim, their reset, and the foreground colours (and reset) the reporters use; nothing else. */
const OWN_SGR_CODES = new Set(['1', '2', '22', '31', '32', '33', '35', '36', '39', '90']);

/** Sequences planted in the fixtures. None may reach the output raw. */
const PLANTED = ['\u001b[31mRED', '\u001b]0;', '\u001b[2J', '\u001b[8m', '\u001b]52;', '\u001b[1;31m', '\u001b]8;;', '\u001b[5m',
  '\u009b31m', '\u0007', '\u0000', '\r', '\u202e', '\u2066', '\u007f', '\u001b\\'];

// Everything but LF (and ESC, judged separately): C0, DEL, C1, bidi controls, line/paragraph separators.
// eslint-disable-next-line no-control-regex
const OTHER_CONTROL = /[\u0000-\u0009\u000b-\u001a\u001c-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

function expectOnlyOwnColour(text: string, label: string): void {
  for (const planted of PLANTED) expect(text.includes(planted), `${label}: raw ${JSON.stringify(planted)}`).toBe(false);
  // eslint-disable-next-line no-control-regex
  const escapes = [...text.matchAll(/\u001b/g)].map((match) => match.index);
  for (const at of escapes) {
    const sgr = /^\u001b\[(\d+)m/.exec(text.slice(at, at + 8));
    expect(sgr !== null && OWN_SGR_CODES.has(sgr[1]), `${label}: ESC not starting one of our SGR codes at ${JSON.stringify(text.slice(at, at + 12))}`).toBe(true);
  }
  expect(text, `${label}: raw control character`).not.toMatch(OTHER_CONTROL);
}

async function runColoured(commands: string[][]): Promise<BoundedRun[]> {
  const runs = await inBatches(commands.map((args) => () => runBoundedAsync(args, { env: COLOUR })), PARALLEL_RUNS);
  for (const run of runs) {
    expectCleanRun(run);
    expectOnlyOwnColour(run.stdout, `${run.args.join(' ')} (stdout)`);
    expectOnlyOwnColour(run.stderr, `${run.args.join(' ')} (stderr)`);
  }
  return runs;
}

/** The same hostile names written as raw bytes in plain scalars, not as YAML escapes. */
const RAW_REGISTER = {
  'sidedoor.yaml': 'version: 1\norganization: Raw \u001b[31mRED\u001b[0m \u001b]0;title\u0007\n',
  'register.yaml': [
    'zones:',
    '  - id: low',
    '    name: Low \u001b[2J zone',
    '    trust: 1',
    '  - id: high',
    '    name: High \u202ezone\u202c',
    '    trust: 4',
    'vendors:',
    '  - id: rawco',
    '    name: Raw \u001b]52;c;ZXZpbA==\u0007 \u009b31m co',
    '    tier: low',
    'systems:',
    '  - id: raw-app',
    '    name: App \u001b[8mhidden\u001b[28m \u0000 nul \u007f',
    '    zone: low',
    '    vendor: rawco',
    '  - id: raw-db',
    '    name: DB \u001b[1;31mred\u001b[0m',
    '    zone: high',
    '    data: restricted',
    '    owner: o\u0007wner',
    'links:',
    '  - from: rawco',
    '    to: raw-app',
    '    kind: remote-access',
    '  - from: raw-app',
    '    to: raw-db',
    '    protocol: sql', // lower-case ASCII only (test/hostile/protocol-names.test.ts): the escape goes in the purpose
    '    purpose: sync \u001b[5m',
    '    auth: password',
    '',
  ].join('\n'),
};

describe('terminal output of hostile names, colour forced on', () => {
  it('scan table, path, impact, blast-radius, rules and validate print our colours and no escape sequence from the data', async () => {
    const register = copyFixture('hostile-names');
    const raw = writeTree(RAW_REGISTER);
    const at = (dir: string) => ['--register', dir, '--no-cache'];
    const runs = await runColoured([
      ['scan', ...at(register), '--today', TODAY],
      ['path', 'parkco', 'ad-dc', ...at(register)],
      ['path', 'parkco', 'zone:admin', ...at(register)],
      ['impact', 'file-server', ...at(register)],
      ['impact', 'parkco', ...at(register)],
      ['blast-radius', 'parkco', ...at(register)],
      ['rules', ...at(register)],
      ['validate', ...at(register)],
      ['scan', ...at(raw), '--today', TODAY],
      ['path', 'rawco', 'raw-db', ...at(raw)],
      ['impact', 'rawco', ...at(raw)],
      ['blast-radius', 'raw-app', ...at(raw)],
      ['rules', ...at(raw)],
    ]);
    for (const run of runs.filter((r) => r.args[0] !== 'validate')) {
      // Colour really is on (so the check above saw coloured output), and the data is there, made visible.
      expect(run.stdout, run.args.join(' ')).toMatch(/\u001b\[\d+m/);
    }
    const table = runs[0].stdout;
    expect(table).toContain('accepted by CISO \\u{1b}]0;title\\u{7}\\u{d}FORGED until 2099-01-01');
    expect(runs[5].stdout).toContain('ParkCo \\u{1b}[31mRED\\u{1b}[0m');
    expect(runs[9].stdout).toContain('App \\u{1b}[8mhidden\\u{1b}[28m \\u{0} nul \\u{7f}');
    expect(runs[6].stdout).toContain('\\u{1b}]8;;https://evil.example'); // the policy description, in `rules`
  });

  it('prints diagnostics and usage errors (ours and commander\'s) that quote register text or arguments without their escape sequences', async () => {
    const invalid = writeTree({
      'sidedoor.yaml': 'version: 1\n',
      'bad.yaml': 'zones:\n  - { id: "\\e[31mzone", trust: 2 }\n  - { id: ok, trust: 2, "\\e]0;key\\a": 1 }\n'
        + 'systems:\n  - { id: app, name: "\\e[2J", zone: "\\u202ezone" }\n\u001b[8mtop: 1\n',
    });
    const register = copyFixture('hostile-names');
    const outDir = mkdtempSync(join(tmpdir(), 'sidedoor-out-'));
    writeFileSync(join(outDir, 'placeholder'), '');
    const runs = await runColoured([
      ['validate', '--register', invalid, '--no-cache'],
      ['scan', '--register', invalid, '--no-cache'],
      ['path', '\u001b]0;x\u0007', 'ad-dc', '--register', register, '--no-cache'],
      ['impact', '\u001b[2Jad-dc', '--register', register, '--no-cache'],
      ['graph', '--focus', '\u009b31mparkco', '--register', register, '--no-cache'],
      ['scan', '--rule', '\u001b[31mweak', '--register', register, '--no-cache'],
      ['scan', '--register', join(outDir, '\u001b[31mmissing'), '--no-cache'],
      ['baseline', '--register', register, '--no-cache', '-o', join(outDir, '\u001b]0;base\u0007.json')],
      ['report', '--register', register, '--no-cache', '-o', join(outDir, 'nowhere', '\u202e.md')],
      ['scan', '--\u001b[31mbogus'],
      ['scan', '--format', '\u001b]0;x\u0007'],
    ]);
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2, 2, 2, 2, 2, 0, 2, 2, 2]);
    expect(runs[0].stdout).toMatch(/^bad\.yaml:2:11 {2}zone '\\u\{1b\}\[31mzone': `id` must be/m);
    expect(runs[0].stdout).toMatch(/^bad\.yaml:3:25 {2}zone 'ok': unknown field '\\u\{1b\}\]0;key\\u\{7\}'$/m);
    expect(runs[0].stdout).toMatch(/^bad\.yaml:6:1 {2}unknown top-level key '\\u\{1b\}\[8mtop'/m);
    expect(runs[1].stderr).toBe(runs[0].stdout);
    expect(runs[2].stderr).toMatch(/^sidedoor: .*\\u\{1b\}\]0;x\\u\{7\}/m);
    expect(runs[3].stderr).toMatch(/\\u\{1b\}\[2Jad-dc/);
    expect(runs[4].stderr).toMatch(/^sidedoor: --focus: /m);
    expect(runs[5].stderr).toMatch(/^sidedoor: unknown rule '\\u\{1b\}\[31mweak'/m);
    expect(runs[6].stderr).toMatch(/\\u\{1b\}\[31mmissing: no sidedoor\.yaml here/);
    expect(runs[7].stderr).toMatch(/^sidedoor: wrote \d+ findings to .*\\u\{1b\}\]0;base\\u\{7\}\.json$/m);
    expect(runs[8].stderr).toMatch(/^sidedoor: cannot write .*nowhere\/\\u\{202e\}\.md: no such directory$/m);
    expect(runs[9].stderr).toMatch(/^error: unknown option '--\\u\{1b\}\[31mbogus'$/m);
    expect(runs[10].stderr).toMatch(/^error: option '--format <format>' argument '\\u\{1b\}\]0;x\\u\{7\}' is invalid/m);
  });

  it('every other format carries no colour and no raw control character, even with FORCE_COLOR=1', async () => {
    const register = copyFixture('hostile-names');
    const raw = writeTree(RAW_REGISTER);
    const commands: string[][] = [];
    for (const dir of [register, raw]) {
      const at = ['--register', dir, '--no-cache'];
      for (const format of SCAN_FORMATS.filter((f) => f !== 'table')) commands.push(['scan', ...at, '--today', TODAY, '--format', format]);
      for (const format of GRAPH_FORMATS) commands.push(['graph', ...at, '--format', format]);
      commands.push(['report', ...at, '--today', TODAY], ['rules', ...at, '--format', 'json'], ['rules', ...at, '--format', 'markdown'],
        ['validate', ...at, '--format', 'json'], ['baseline', ...at, '-o', '-'], ['blast-radius', dir === raw ? 'raw-app' : 'parkco', ...at, '--format', 'json']);
    }
    for (const run of await runColoured(commands)) {
      expect(run.stdout, run.args.join(' ')).not.toContain('\u001b');
      expect(run.stdout.length, run.args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('keeps every colour sequence of the table whole and every row inside the frame, whatever the text and width (property)', () => {
    // cli-table3's own wrap counted colour codes as width and could cut one in two; the table now wraps plain text.
    const words = fc.array(fc.constantFrom('a', 'bb', 'ccc ', ' ', '  ', 'x'.repeat(40), '\u001b[31m', '\r', '😀', 'é'), { maxLength: 40 })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(words, words, fc.integer({ min: 40, max: 220 }), (title, approver, width) => {
      const result = comparedResult();
      result.findings = result.findings.map((finding, i) => ({
        ...finding, title: i % 2 === 0 ? title : `${title} ${title}`,
        ...(finding.acceptedBy ? { acceptedBy: { ...finding.acceptedBy, approved_by: approver } } : {}),
      }));
      const table = renderTable(result, options({ color: true, width }));
      expectOnlyOwnColour(table, 'table');
      const frameRows = table.replace(/\u001b\[\d+m/g, '').split('\n').filter((line) => /^[│┌├└]/.test(line));
      // UTF-16 length is the display width here: every character is one column wide except the emoji, two.
      const widths = new Set(frameRows.map((line) => line.length));
      expect(widths.size).toBe(1);
    }), { numRuns: 300 });
  });
});
