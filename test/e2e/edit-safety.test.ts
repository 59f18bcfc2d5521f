// Edits by `add`, `accept` and `init`, run through the built CLI: the edited file keeps its owner, group and mode; a
// symlinked register file is edited at its target when that target is inside the register, and refused otherwise;
// a refusal writes nothing anywhere and leaves no temporary file.

import { chmodSync, chownSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync,
  statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli, SAMPLE_CITY } from '../helpers/run-cli.js';
import { DOWN, ENTER, hasScript, runInPty, shellQuote, snapshot } from '../authoring/pty-session.js';

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'sidedoor-edit-'));
}

function sidedoor(...args: string[]): string {
  return [process.execPath, CLI, ...args].map(shellQuote).join(' ');
}

function cityCopy(): string {
  const dir = join(freshDir(), 'city');
  cpSync(SAMPLE_CITY, dir, { recursive: true, filter: (source) => !source.includes('.sidedoor-cache') });
  return dir;
}

const asRoot = process.getuid?.() === 0;

const ADD_ZONE_LAB = [
  { waitFor: /Zone id/, send: `lab${ENTER}` },
  { waitFor: /Trust level/, send: `${DOWN}${ENTER}` },
  { waitFor: /Add a display name/, send: ENTER },
  { waitFor: /File to append to/, send: ENTER },
  { waitFor: /Write it to zones\.yaml\?/, send: ENTER },
];

describe.runIf(hasScript())('add in a pseudo-terminal', () => {
  it('edits zones.yaml at its target inside the register, keeping the link, owner, group and mode', async () => {
    const dir = cityCopy();
    mkdirSync(join(dir, '.shared'));
    renameSync(join(dir, 'zones.yaml'), join(dir, '.shared', 'zones.yaml'));
    symlinkSync('.shared/zones.yaml', join(dir, 'zones.yaml'));
    chmodSync(join(dir, '.shared', 'zones.yaml'), 0o640);
    if (asRoot) chownSync(join(dir, '.shared', 'zones.yaml'), 4321, 4322);
    const before = statSync(join(dir, '.shared', 'zones.yaml'));
    const run = await runInPty(sidedoor('add', 'zone', '--register', dir), ADD_ZONE_LAB, { cwd: freshDir() });
    expect(run.output).toMatch(/Added zone lab to zones\.yaml/);
    expect(run.code).toBe(0);
    expect(readlinkSync(join(dir, 'zones.yaml'))).toBe('.shared/zones.yaml');
    expect(readFileSync(join(dir, '.shared', 'zones.yaml'), 'utf8')).toMatch(/\n {2}- id: lab\n {4}trust: 3\n$/);
    const after = statSync(join(dir, '.shared', 'zones.yaml'));
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([before.uid, before.gid, 0o640]);
    if (asRoot) expect([after.uid, after.gid]).toEqual([4321, 4322]);
    expect(readdirSync(join(dir, '.shared'))).toEqual(['zones.yaml']);
    expect(runCli(['validate', '--register', dir]).code).toBe(0);
  });
});

describe('init --yes', () => {
  it('leaves an existing .gitignore alone, even one linked outside the directory', () => {
    const dir = freshDir();
    const outside = freshDir();
    writeFileSync(join(outside, 'profile'), 'export PATH=/usr/bin\n');
    symlinkSync(join(outside, 'profile'), join(dir, '.gitignore'));
    const run = runCli(['init', '--yes', dir], { env: { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 6) / 1000) } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/gitignore/);
    expect(readlinkSync(join(dir, '.gitignore'))).toBe(join(outside, 'profile'));
    expect(readFileSync(join(outside, 'profile'), 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(readdirSync(outside)).toEqual(['profile']);
    expect(runCli(['validate', '--register', dir]).code).toBe(0);
  });

  it('refuses a scaffold directory linked outside the target, leaving the outside empty', () => {
    const dir = freshDir();
    const outside = freshDir();
    symlinkSync(outside, join(dir, 'vendors'));
    const run = runCli(['init', '--yes', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^sidedoor: .*vendors.*(symbolic link|outside)/);
    expect(readdirSync(outside)).toEqual([]);
  });
});
