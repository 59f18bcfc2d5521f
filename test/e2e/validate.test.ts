// `sidedoor validate` as a user runs it: exit 0 on the samples, exit 2 with `file:line:col  message` on each kind of
// bad input (issue 2), never a stack trace.

import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_CITY, SAMPLE_MINIMAL, writeTree } from '../helpers/run-cli.js';

const CONFIG = 'version: 1\n';
const ZONE = 'zones:\n  - id: admin\n    trust: 4\n';

function validate(files: Record<string, string | Uint8Array>) {
  return runCli(['validate', '--register', writeTree({ 'sidedoor.yaml': CONFIG, ...files })]);
}

function expectRejected(run: ReturnType<typeof runCli>, where: RegExp, message: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stdout).toMatch(where);
  expect(run.stdout).toMatch(message);
  expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at .*\.js:\d+/);
}

describe('sidedoor validate', () => {
  it.each([SAMPLE_CITY, SAMPLE_MINIMAL])('accepts the sample register %s', (dir) => {
    const run = runCli(['validate', '--register', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^register is valid: /);
  });

  it('finds the register root by walking up from a subdirectory', () => {
    const run = runCli(['validate'], { cwd: `${SAMPLE_CITY}/systems` });
    expect(run.code).toBe(0);
  });

  it('rejects invalid YAML syntax', () => {
    expectRejected(validate({ 'a.yaml': 'zones:\n  - id: a\n    trust: [1, 2\n' }), /^a\.yaml:\d+:\d+ {2}/m, /invalid YAML/);
  });

  it('rejects a duplicate key in one mapping', () => {
    expectRejected(validate({ 'a.yaml': `${ZONE}    trust: 3\n` }), /^a\.yaml:4:5 {2}/m, /duplicate key/);
  });

  it.each([['a list', '- a\n- b\n'], ['a scalar', 'just text\n']])('rejects a file whose root is %s', (what, text) => {
    expectRejected(validate({ 'a.yaml': text }), /^a\.yaml:1:1 {2}/m, new RegExp(`mapping.*found ${what}`));
  });

  it('rejects an unknown top-level key with a suggestion, and an unknown field', () => {
    const run = validate({ 'a.yaml': `${ZONE}sytems: []\n`, 'b.yaml': 'zones:\n  - id: b\n    trust: 1\n    colour: red\n' });
    expectRejected(run, /^a\.yaml:4:1 {2}unknown top-level key 'sytems' \(did you mean 'systems'\?\)/m, /^b\.yaml:4:5 {2}zone 'b': unknown field 'colour'/m);
  });

  it('rejects a wrong type', () => {
    expectRejected(validate({ 'a.yaml': 'zones:\n  - id: a\n    trust: high\n' }), /^a\.yaml:3:12 {2}/m, /`trust` must be a number/);
  });

  it('rejects an invalid date', () => {
    expectRejected(validate({ 'a.yaml': `${ZONE}systems:\n  - id: s\n    name: S\n    zone: admin\n    end_of_support: 2026-13-45\n` }),
      /^a\.yaml:8:21 {2}/m, /`end_of_support`: 2026-13-45 is not a calendar date \(there is no month 13\)/);
  });

  it.each(['Parking App', '__proto__'])('rejects the id %j', (id) => {
    expectRejected(validate({ 'a.yaml': `${ZONE}systems:\n  - id: "${id}"\n    name: S\n    zone: admin\n` }), /^a\.yaml:5:9 {2}/m, /`id` must be lowercase/);
  });

  it('rejects an unknown reference, with a suggestion', () => {
    expectRejected(validate({ 'a.yaml': `${ZONE}systems:\n  - id: s\n    name: S\n    zone: admn\n` }),
      /^a\.yaml:7:5 {2}/m, /zone 'admn' does not exist \(did you mean 'admin'\?\)/);
  });

  it('rejects a duplicate id across two files, naming both', () => {
    const run = validate({ 'a.yaml': `${ZONE}systems:\n  - id: s\n    name: S\n    zone: admin\n`, 'b/c.yaml': 'vendors:\n  - id: s\n    name: V\n    tier: low\n' });
    expectRejected(run, /^b\/c\.yaml:2:5 {2}/m, /duplicate id 's': already defined at a\.yaml:5:5/);
  });

  it('stops a YAML alias bomb fast', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 20; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    expectRejected(validate({ 'bomb.yaml': `${levels.join('\n')}\n` }), /^bomb\.yaml:1:1 {2}/m, /alias/);
  });

  it('exits 2 with a clear message for a directory without sidedoor.yaml', () => {
    const run = runCli(['validate', '--register', writeTree({ 'a.yaml': ZONE })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no sidedoor\.yaml here/);
  });

  it('accepts ids such as constructor, valueof and tostring, and a BOM with CRLF', () => {
    const text = '\uFEFFzones:\r\n  - id: constructor\r\n    trust: 2\r\nsystems:\r\n  - id: valueof\r\n    name: V\r\n    zone: constructor\r\n  - id: tostring\r\n    name: T\r\n    zone: nope\r\n';
    const run = validate({ 'a.yaml': text });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^a\.yaml:10:5 {2}system 'tostring': zone 'nope' does not exist/m);
  });

  it('prints machine-readable diagnostics with --format json', () => {
    const dir = writeTree({ 'sidedoor.yaml': CONFIG, 'a.yaml': 'zones:\n  - id: a\n    trust: high\n' });
    const run = runCli(['validate', '--register', dir, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: false, errors: 1, diagnostics: [{ file: 'a.yaml', line: 3, column: 12, severity: 'error' }] });
  });

  it('caps the number of messages on a large broken file and says how many were left out', () => {
    const systems = Array.from({ length: 300 }, (_, i) => `  - id: s${i}\n    name: S\n    zone: nowhere\n`).join('');
    const run = validate({ 'big.yaml': `systems:\n${systems}` });
    expect(run.code).toBe(2);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('big.yaml:'))).toHaveLength(200);
    expect(run.stdout).toMatch(/… and 100 more \(raise the limit with --max-diagnostics\)/);
  });
});
