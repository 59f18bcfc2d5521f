// The hostile corpus, file-system cases: symlinks out of the register root (refused and named, their target never
// read), broken and self-looping symlinks, a directory symlink loop (walked once), and an unreadable file. Each
// register goes through every command and format; every run is bounded and prints no stack trace.

import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTree } from '../helpers/run-cli.js';
import {
  everyCommand, expectCleanRun, inBatches, PARALLEL_RUNS, permissionsAreIgnored, runBoundedAsync,
} from './hostile-cli.js';
import type { BoundedRun, CommandNodes } from './hostile-cli.js';

async function runEveryCommand(register: string, nodes: CommandNodes): Promise<BoundedRun[]> {
  const runs = await inBatches(everyCommand(register, nodes).map((args) => () => runBoundedAsync(args)), PARALLEL_RUNS);
  for (const run of runs) expectCleanRun(run);
  return runs;
}

/** Diagnostics are validate's output (stdout); every other command prints them on stderr. */
function diagnosticsOf(run: BoundedRun): string {
  return run.args[0] === 'validate' ? run.stdout : run.stderr;
}

const VALID_FILES = {
  'sidedoor.yaml': 'version: 1\n',
  'zones.yaml': 'zones:\n  - { id: office, trust: 2 }\n',
  'sub/systems.yaml': 'systems:\n  - { id: web, name: Web, zone: office }\n  - { id: db, name: DB, zone: office, depends_on: [web] }\n'
    + 'links:\n  - { from: web, to: db, protocol: https, auth: key }\n',
};
const NODES = { from: 'web', to: 'db', impact: 'web' };

/** One register holding every refused symlink (out of the root, broken, looping), read by each command once: each
 * symlink is refused on its own, so the cases share the runs and each asserts its own lines in them. */
let refusedRuns: Promise<BoundedRun[]> | undefined;
function everyCommandOnRefusedSymlinks(): Promise<BoundedRun[]> {
  refusedRuns ??= (async () => {
    const outside = mkdtempSync(join(tmpdir(), 'sidedoor-outside-'));
    writeFileSync(join(outside, 'stolen.yaml'), 'zones:\n  - { id: exfiltrated, name: Top secret payroll, trust: 2 }\n');
    mkdirSync(join(outside, 'more'));
    writeFileSync(join(outside, 'more', 'other.yaml'), 'zones:\n  - { id: exfiltrated-too, trust: 2 }\n');
    const register = writeTree(VALID_FILES);
    symlinkSync(join(outside, 'stolen.yaml'), join(register, 'leak.yaml'));
    symlinkSync(join(outside, 'more'), join(register, 'sub', 'shared'));
    symlinkSync(join(register, 'gone.yaml'), join(register, 'dangling.yaml'));
    symlinkSync('self.yaml', join(register, 'self.yaml'));
    const runs = await runEveryCommand(register, NODES);
    for (const run of runs) expect(run.code, run.args.join(' ')).toBe(2);
    return runs;
  })();
  return refusedRuns;
}

describe('hostile corpus: the file system', () => {
  it('refuses a file and a directory symlinked outside the register root, names both, and never reads them', async () => {
    for (const run of await everyCommandOnRefusedSymlinks()) {
      const diagnostics = diagnosticsOf(run);
      expect(diagnostics).toMatch(/^leak\.yaml:1:1  this symlink points outside the register root \(to .*stolen\.yaml\); refusing to read it$/m);
      expect(diagnostics).toMatch(/^sub\/shared:1:1  this symlink points outside the register root \(to .*more\); refusing to read it$/m);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/exfiltrated|Top secret/);
    }
  });

  it('refuses a broken symlink and a symlink that points at itself, naming each', async () => {
    for (const run of await everyCommandOnRefusedSymlinks()) {
      expect(diagnosticsOf(run)).toMatch(/^dangling\.yaml:1:1  this symlink is broken or loops; refusing to follow it$/m);
      expect(diagnosticsOf(run)).toMatch(/^self\.yaml:1:1  this symlink is broken or loops; refusing to follow it$/m);
    }
  });

  it('walks a directory symlink loop once: each real file read once, under its real path', async () => {
    const register = writeTree(VALID_FILES);
    symlinkSync('..', join(register, 'sub', 'up'));
    symlinkSync(join(register, 'sub'), join(register, 'sub', 'again'));
    symlinkSync('sub', join(register, 'alias'));
    mkdirSync(join(register, 'sub', 'deeper'));
    symlinkSync('../..', join(register, 'sub', 'deeper', 'back'));
    const runs = await runEveryCommand(register, NODES);
    for (const run of runs) expect(run.code, `${run.args.join(' ')}: ${run.stderr}`).toBe(0);
    const validate = runs.find((run) => run.args[0] === 'validate' && !run.args.includes('--format'));
    expect(validate?.stdout).toBe('register is valid: 3 files, 3 zones, 0 vendors, 2 systems, 1 link\n');
    const json = runs.find((run) => run.args[0] === 'scan' && run.args.includes('json'));
    expect(JSON.parse(json?.stdout ?? '').register).toMatchObject({ files: 3, systems: 2, links: 1 });
    const path = runs.find((run) => run.args[0] === 'path');
    expect(path?.stdout).toMatch(/web/);
    expect(path?.stdout).toMatch(/db/);
  });

  describe('an unreadable file (chmod 000)', () => {
    const register = writeTree({ ...VALID_FILES, 'locked.yaml': 'zones:\n  - { id: locked-zone, trust: 3 }\n' });
    chmodSync(join(register, 'locked.yaml'), 0o000);
    afterAll(() => chmodSync(join(register, 'locked.yaml'), 0o644));

    // Root reads any file whatever its mode (tests often run as root in CI containers), so the outcome differs; both
    // are asserted, whichever applies here.
    it.runIf(!permissionsAreIgnored())('is refused with exit 2, naming the file and the reason', async () => {
      for (const run of await runEveryCommand(register, NODES)) {
        expect(run.code, run.args.join(' ')).toBe(2);
        expect(diagnosticsOf(run)).toMatch(/^locked\.yaml:1:1  cannot read this file \(permission denied\)$/m);
      }
    });

    it.runIf(permissionsAreIgnored())('is read normally when running as root, where permission bits do not stop reads', async () => {
      const runs = await runEveryCommand(register, NODES);
      for (const run of runs) expect(run.code, `${run.args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(runs[0].stdout).toBe('register is valid: 4 files, 4 zones, 0 vendors, 2 systems, 1 link\n');
    });
  });
});
