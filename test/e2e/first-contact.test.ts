// Issue 14: the mistakes a new user makes first, run through the built CLI. Each message names the real mistake, and
// the cause comes before its consequences; no diagnostic is printed twice.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { cityWithTabbedZone, everyBrokenRegister, writeMistake } from '../fixtures/mistakes.js';
import { loadRegister } from '../../src/register/load-register.js';
import { hasScript, plainText, shellQuote } from '../authoring/pty-session.js';

const TODAY = ['--today', '2026-06-01'];
const STACK_FRAME = /\n\s+at .*\.js:\d+/;

function validate(dir: string) {
  const run = runCli(['validate', '--register', dir, '--no-cache']);
  expect(run.code).toBe(2);
  expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_FRAME);
  return run.stdout.split('\n').filter((line) => line !== '');
}

describe('first contact: messages that name the real mistake', () => {
  it('a tab in zones.yaml: the tab first, then one line for the references it left unchecked, then a genuine typo', () => {
    const dir = cityWithTabbedZone();
    const lines = validate(dir);
    expect(lines[0]).toBe('zones.yaml:27:1  invalid YAML: Tabs are not allowed as indentation; indent with spaces '
      + '(and 12 more YAML errors, most likely caused by this one)');
    expect(lines[1]).toMatch(/^zones\.yaml:27:1 {2}\d+ references into `zones\.yaml` could not be checked because it does not parse$/);
    // `parkingg` appears in no broken file, so it is still reported, after the cause.
    expect(lines[2]).toBe("vendors/parkco.yaml:55:5  system 'parking-meters': zone 'parkingg' does not exist");
    expect(lines.slice(3, -1)).toEqual([]);
    expect(lines.at(-1)).toBe('3 errors, 0 warnings');
    // Commands that need a valid register print the same, on stderr, cause first.
    const scan = runCli(['scan', '--register', dir, '--no-cache', ...TODAY]);
    expect(scan.code).toBe(2);
    expect(scan.stderr.split('\n')[0]).toBe(lines[0]);
  });

  it('--today 2026-02-30 says the day does not exist', () => {
    const run = runCli(['scan', '--register', writeMistake('misspelled field'), '--today', '2026-02-30']);
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: 'sidedoor: --today: 2026-02-30 is not a calendar date (February 2026 has 28 days)\n' });
    expect(runCli(['scan', '--today', '2026-2-3']).stderr).toBe("sidedoor: --today must be a date written YYYY-MM-DD, got '2026-2-3'\n");
  });

  it('2026-02-29 in the register says February 2026 has 28 days', () => {
    expect(validate(writeMistake('impossible date'))).toEqual([
      "r.yaml:8:21  system 'app': `end_of_support`: 2026-02-29 is not a calendar date (February 2026 has 28 days)",
      '1 error, 0 warnings',
    ]);
  });

  it('`critical:` on a system suggests `criticality`', () => {
    expect(validate(writeMistake('misspelled field'))).toEqual([
      "r.yaml:8:5  system 'app': unknown field 'critical' (did you mean 'criticality'?)",
      '1 error, 0 warnings',
    ]);
  });

  it('`mfa: no` explains that YAML 1.2 reads it as a string', () => {
    expect(validate(writeMistake('YAML 1.1 boolean'))).toEqual([
      "r.yaml:9:12  system 'app': `controls.mfa` must be a boolean: YAML 1.2 reads `no` as a string, not as false; write true or false",
      "r.yaml:10:16  system 'app': `controls.backups` must be a boolean: YAML 1.2 reads `Yes` as a string, not as true; write true or false",
      '2 errors, 0 warnings',
    ]);
  });

  it('a mis-indented line is the one pointed at, not the end of the line before', () => {
    expect(validate(writeMistake('mis-indented line'))).toEqual([
      "bad.yaml:4:7  invalid YAML: this line is indented deeper than the key above it (line 3, column 5), so YAML reads it as part of that key's value; "
        + 'indent it like that key (and 1 more YAML error, most likely caused by this one)',
      '1 error, 0 warnings',
    ]);
    // A line missing its colon is itself at fault.
    expect(validate(writeMistake('missing colon'))[0]).toMatch(/^bad\.yaml:7:5 {2}invalid YAML: .*this line has no `:` after its key/);
  });

  it.skipIf(!hasScript())('at a terminal, shows the line at fault with a caret under the column', () => {
    const dir = writeMistake('mis-indented line');
    const command = `${shellQuote(process.execPath)} ${shellQuote(CLI)} scan --register ${shellQuote(dir)} --no-cache --today 2026-06-01`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const lines = plainText(run.stdout).split('\n');
    const at = lines.findIndex((line) => line.includes('bad.yaml:4:7  invalid YAML'));
    expect(at, plainText(run.stdout)).toBeGreaterThanOrEqual(0);
    expect(lines.slice(at + 1, at + 3)).toEqual(['          trust: 2', '          ^']);
    // Not at a terminal (the other tests), no excerpt: one line per diagnostic.
  });

  it('a malformed date is reported once, not once per check', () => {
    const lines = validate(writeMistake('malformed date'));
    expect(lines).toEqual([
      "r.yaml:8:21  system 'app': `end_of_support` must be a date written YYYY-MM-DD, got '2026-2-3'",
      '1 error, 0 warnings',
    ]);
  });

  it('a reference into a file that does not parse is counted, not reported as unknown', () => {
    expect(validate(writeMistake('broken file referenced elsewhere'))).toEqual([
      'zones.yaml:3:12  invalid YAML: this `[` is never closed with `]` (Flow sequence in block collection must be sufficiently indented and end with a ])',
      'zones.yaml:3:12  1 reference into `zones.yaml` could not be checked because it does not parse',
      '2 errors, 0 warnings',
    ]);
  });
});

describe('no diagnostic twice', () => {
  it('over every broken register the tests know, no place carries the same message twice', () => {
    const registers = everyBrokenRegister(join(REPO_ROOT, 'test', 'fixtures', 'hostile'));
    let broken = 0;
    for (const { name, dir } of registers) {
      const { diagnostics } = loadRegister(dir);
      if (diagnostics.some((d) => d.severity === 'error')) broken++;
      const keys = diagnostics.map((d) => `${d.file}:${d.line}:${d.column}  ${d.message}`);
      expect(keys.filter((key, i) => keys.indexOf(key) !== i), name).toEqual([]);
    }
    expect(broken).toBeGreaterThanOrEqual(10);
  });
});
