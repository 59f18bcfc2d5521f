// The interactive commands as a person runs them, in a real pseudo-terminal (util-linux `script`): `init` with Enter
// throughout gives a register that `validate` accepts; `add zone`, `add link` (searching a long list) and `accept`
// append exactly their entity; without a terminal every interactive command exits 2 and changes nothing on disk;
// Ctrl-C in the middle of the questions exits 130 and writes nothing.

import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, SAMPLE_CITY } from '../helpers/run-cli.js';
import { CTRL_C, DOWN, ENTER, hasScript, runInPty, shellQuote, snapshot } from '../authoring/pty-session.js';

const TODAY = '2026-12-06';
const EPOCH = String(Date.UTC(2026, 11, 6) / 1000);

function sidedoor(...args: string[]): string {
  return [process.execPath, CLI, ...args].map(shellQuote).join(' ');
}

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'sidedoor-authoring-'));
}

function cityCopy(): string {
  const dir = join(freshDir(), 'city');
  cpSync(SAMPLE_CITY, dir, { recursive: true, filter: (source) => !source.includes('.sidedoor-cache') });
  return dir;
}

/** new == old[0:k] + inserted + old[k:] for some k: the edit only inserted. */
function insertedText(before: string, after: string): string {
  let k = 0;
  while (k < before.length && before[k] === after[k]) k++;
  const inserted = after.slice(k, after.length - (before.length - k));
  expect(before.slice(0, k) + inserted + before.slice(k)).toBe(after);
  return inserted;
}

beforeAll(() => {
  if (!hasScript()) throw new Error('these tests need util-linux `script` (Debian package bsdutils) to open a pseudo-terminal');
});

describe('init and add in a pseudo-terminal', () => {
  it('init with Enter throughout, then add zone, gives a register that validate accepts', async () => {
    const dir = join(freshDir(), 'register');
    const init = await runInPty(sidedoor('init', dir), [
      { waitFor: /Organization name/, send: ENTER },
      { waitFor: /Zones to start with/, send: ENTER },
      { waitFor: /Keep the built-in rule/, send: ENTER },
      { waitFor: /Write a live example/, send: ENTER },
    ], { cwd: freshDir(), env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(init.output).toMatch(/Created a register in .*register:/);
    expect(init.code).toBe(0);
    expect(readFileSync(join(dir, 'sidedoor.yaml'), 'utf8')).toMatch(/^organization: register$/m);
    expect(existsSync(join(dir, '.gitignore'))).toBe(false);
    expect(runCli(['validate', '--register', dir])).toMatchObject({ code: 0, stdout: 'register is valid: 6 files, 9 zones, 1 vendor, 1 system, 1 link\n' });

    const zonesBefore = readFileSync(join(dir, 'zones.yaml'), 'utf8');
    const add = await runInPty(sidedoor('add', 'zone'), [
      { waitFor: /Zone id/, send: `lab${ENTER}` },
      { waitFor: /Trust level/, send: `${DOWN}${ENTER}` },
      { waitFor: /Add a display name/, send: ENTER },
      { waitFor: /File to append to/, send: ENTER },
      { waitFor: /Write it to zones\.yaml\?/, send: ENTER },
    ], { cwd: join(dir, 'vendors') });
    expect(add.output).toMatch(/This goes into zones\.yaml, at line \d+:\n\n {2}- id: lab\n {4}trust: 3\n/);
    expect(add.output).toMatch(/Added zone lab to zones\.yaml/);
    expect(add.code).toBe(0);
    expect(insertedText(zonesBefore, readFileSync(join(dir, 'zones.yaml'), 'utf8'))).toBe('\n  - id: lab\n    trust: 3\n');
    expect(runCli(['validate', '--register', dir])).toMatchObject({ code: 0, stdout: expect.stringMatching(/10 zones/) });
  });

  it('add link searches the long node list, and goes next to its source', async () => {
    const dir = cityCopy();
    const before = readFileSync(join(dir, 'vendors/parkco.yaml'), 'utf8');
    const run = await runInPty(sidedoor('add', 'link', '--register', dir), [
      { waitFor: /From: the node that initiates/, send: 'parkco' },
      { waitFor: /❯ parkco {2}\(vendor/, send: ENTER },
      { waitFor: /To: the target node/, send: 'fs-01' },
      { waitFor: /❯ fs-01 {2}\(/, send: ENTER },
      { waitFor: /Add details/, send: `n${ENTER}` },
      { waitFor: /Link id \(Enter keeps the default parkco-to-fs-01\)/, send: ENTER },
      { waitFor: /File to append to/, send: ENTER },
      { waitFor: /Write it to vendors\/parkco\.yaml\?/, send: ENTER },
    ], { cwd: freshDir() });
    expect(run.code).toBe(0);
    expect(insertedText(before, readFileSync(join(dir, 'vendors/parkco.yaml'), 'utf8'))).toBe('\n  - from: parkco\n    to: fs-01\n');
    expect(runCli(['validate', '--register', dir]).code).toBe(0);
  });

  it('accept records an acceptance that the next scan applies', async () => {
    const dir = cityCopy();
    const scan = JSON.parse(runCli(['scan', '--register', dir, '--format', 'json', '--today', TODAY]).stdout) as { findings: { id: string; status: string }[] };
    const target = scan.findings.find((f) => f.status === 'open' && f.id.startsWith('weak-authentication:'));
    if (!target) throw new Error('the sample has no open weak-authentication finding');
    const before = readFileSync(join(dir, 'acceptances.yaml'), 'utf8');
    const run = await runInPty(sidedoor('accept', target.id, '--register', dir, '--today', TODAY), [
      { waitFor: /Reason: why is this risk accepted/, send: `Compensating control in place${ENTER}` },
      { waitFor: /Approved by/, send: `CISO${ENTER}` },
      { waitFor: /Expires on/, send: ENTER },
      { waitFor: /Ticket/, send: ENTER },
      { waitFor: /File to append to/, send: ENTER },
      { waitFor: /Write it to acceptances\.yaml\?/, send: ENTER },
    ], { cwd: freshDir() });
    expect(run.output).toContain(`${target.id} matches 1 current finding:`);
    expect(run.code).toBe(0);
    const inserted = insertedText(before, readFileSync(join(dir, 'acceptances.yaml'), 'utf8'));
    expect(inserted).toBe(`\n  - finding: ${target.id}\n    reason: Compensating control in place\n    approved_by: CISO\n    expires: 2027-03-06\n`);
    const after = JSON.parse(runCli(['scan', '--register', dir, '--format', 'json', '--today', TODAY]).stdout) as { findings: { id: string; status: string }[] };
    expect(after.findings.find((f) => f.id === target.id)?.status).toBe('accepted');
  });
});

describe('Ctrl-C in the middle of the questions', () => {
  it('add zone writes nothing and exits 130', async () => {
    const dir = cityCopy();
    const before = snapshot(dir);
    const run = await runInPty(sidedoor('add', 'zone', '--register', dir), [
      { waitFor: /Zone id/, send: `lab${ENTER}` },
      { waitFor: /Trust level/, send: CTRL_C },
    ], { cwd: freshDir() });
    expect(run.code).toBe(130);
    expect(run.output).toContain('sidedoor: interrupted; nothing was written');
    expect(run.output).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('init writes nothing and exits 130', async () => {
    const base = freshDir();
    const run = await runInPty(sidedoor('init', 'register'), [
      { waitFor: /Organization name/, send: `Acme${ENTER}` },
      { waitFor: /Zones to start with/, send: CTRL_C },
    ], { cwd: base });
    expect(run.code).toBe(130);
    expect(existsSync(join(base, 'register'))).toBe(false);
  });
});

describe('without a terminal', () => {
  const commands: [string, string[]][] = [
    ['init', ['init', 'new-register']],
    ['add vendor', ['add', 'vendor']],
    ['add system', ['add', 'system']],
    ['add link', ['add', 'link']],
    ['add zone', ['add', 'zone']],
    ['accept', ['accept', 'weak-authentication:parking-app-to-fs-01-445']],
  ];

  it.each(commands)('%s exits 2, names the alternative, and changes nothing on disk', (name, args) => {
    const dir = cityCopy();
    const before = snapshot(dir);
    const run = runCli(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`\`sidedoor ${name}\` is interactive and needs a terminal`);
    expect(run.stderr).toMatch(/schemas\/register-file\.schema\.json/);
    expect(run.stderr).toContain('docs/register-format.md');
    if (name === 'init') expect(run.stderr).toContain('sidedoor init --yes');
    expect(run.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses when only stdin is a terminal (stdout redirected)', async () => {
    const dir = cityCopy();
    const before = snapshot(dir);
    const out = join(freshDir(), 'out.txt');
    const run = await runInPty(`${sidedoor('add', 'zone', '--register', dir)} > ${shellQuote(out)}`, [], { cwd: freshDir() });
    expect(run.code).toBe(2);
    expect(run.output).toContain('needs a terminal');
    expect(snapshot(dir)).toEqual(before);
  });

  it('init --yes needs no terminal and gives a register that validates', () => {
    const base = freshDir();
    const run = runCli(['init', 'register', '--yes'], { cwd: base, env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(run.code).toBe(0);
    expect(runCli(['validate', '--register', join(base, 'register')]).code).toBe(0);
    const again = runCli(['init', 'register', '--yes'], { cwd: base });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds a register/);
  });
});
