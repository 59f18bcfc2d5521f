// The limits (docs/security.md): file size, number of files and number of diagnostics printed, each with a flag
// that raises it, and the fixed YAML limits (nesting depth, alias expansions), which no valid register comes near.
// Each limit is checked at its default and when raised, and the documentation is checked to state the real values.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_DIAGNOSTICS } from '../../src/cli/load.js';
import { DEFAULT_MAX_FILES } from '../../src/register/discover.js';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/register/load-register.js';
import { MAX_NESTING_DEPTH } from '../../src/register/parse-file.js';
import { REPO_ROOT, writeTree } from '../helpers/run-cli.js';
import { expectCleanRun, inBatches, PARALLEL_RUNS, runBounded, runBoundedAsync } from './hostile-cli.js';

const ZONES = 'zones:\n  - { id: office, trust: 2 }\n';

describe('limits', () => {
  it('has the documented defaults, and docs/security.md states each of them with its flag', () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(16 * 1024 * 1024);
    expect(DEFAULT_MAX_FILES).toBe(20_000);
    expect(DEFAULT_MAX_DIAGNOSTICS).toBe(200);
    expect(MAX_NESTING_DEPTH).toBe(100);
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'security.md'), 'utf8');
    expect(doc).toMatch(/`--max-file-size BYTES`[^\n]*16 MiB \(16,777,216 bytes\)/);
    expect(doc).toMatch(/`--max-files COUNT`[^\n]*20,000/);
    expect(doc).toMatch(/`--max-diagnostics COUNT`[^\n]*200/);
    expect(doc).toMatch(/nest[^\n]*100 levels/);
    expect(doc).toMatch(/100 alias expansions/);
  });

  it(`refuses more than ${DEFAULT_MAX_FILES.toLocaleString('en')} files by default in every command, and --max-files raises the limit`, async () => {
    const register = writeTree({ 'sidedoor.yaml': 'version: 1\n' });
    for (let dir = 0; dir < 20; dir++) {
      mkdirSync(join(register, `d${dir}`));
      for (let i = 0; i < 1000; i++) writeFileSync(join(register, `d${dir}`, `f${i}.yaml`), '');
    }
    const at = ['--register', register, '--no-cache'];
    const runs = await inBatches([['validate', ...at], ['scan', ...at], ['report', ...at], ['graph', ...at], ['path', 'a', 'b', ...at],
      ['impact', 'a', ...at]].map((args) => () => runBoundedAsync(args)), PARALLEL_RUNS);
    for (const run of runs) {
      expectCleanRun(run);
      expect(run.code, run.args.join(' ')).toBe(2);
      expect(run.stderr).toBe(`sidedoor: the register has more than ${DEFAULT_MAX_FILES} YAML files; raise the limit with --max-files if this is intended\n`);
    }

    const small = writeTree(Object.fromEntries([['sidedoor.yaml', 'version: 1\n'], ['zones.yaml', ZONES],
      ...Array.from({ length: 10 }, (_, i) => [`s${i}.yaml`, `systems:\n  - { id: s${i}, name: S, zone: office }\n`])]));
    const refused = runBounded(['validate', '--register', small, '--max-files', '11']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/more than 11 YAML files; raise the limit with --max-files/);
    const raised = runBounded(['validate', '--register', small, '--max-files', '12']);
    expect(raised.stdout).toBe('register is valid: 12 files, 3 zones, 0 vendors, 10 systems, 0 links\n');
  });

  it(`prints ${DEFAULT_MAX_DIAGNOSTICS} diagnostics by default, says how many more, and --max-diagnostics changes that`, () => {
    const systems = Array.from({ length: 300 }, (_, i) => `  - { id: s${i}, name: S, zone: nowhere }\n`).join('');
    const register = writeTree({ 'sidedoor.yaml': 'version: 1\n', 'big.yaml': `systems:\n${systems}` });
    const shown = (text: string) => text.split('\n').filter((line) => line.startsWith('big.yaml:')).length;
    for (const [command, stream] of [['validate', 'stdout'], ['scan', 'stderr']] as const) {
      const byDefault = runBounded([command, '--register', register, '--no-cache']);
      expect(byDefault.code).toBe(2);
      expect(shown(byDefault[stream])).toBe(200);
      expect(byDefault[stream]).toMatch(/^… and 100 more \(raise the limit with --max-diagnostics\)\n300 errors, 0 warnings\n$/m);
      const all = runBounded([command, '--register', register, '--no-cache', '--max-diagnostics', '300']);
      expect(shown(all[stream])).toBe(300);
      expect(all[stream]).not.toMatch(/more \(raise the limit/);
      const few = runBounded([command, '--register', register, '--no-cache', '--max-diagnostics', '5']);
      expect(shown(few[stream])).toBe(5);
      expect(few[stream]).toMatch(/^… and 295 more \(raise the limit with --max-diagnostics\)$/m);
    }
  });

  it('refuses a file over --max-file-size in every loading command, naming the file and the flag', () => {
    const register = writeTree({ 'sidedoor.yaml': 'version: 1\n', 'zones.yaml': ZONES });
    const size = Buffer.byteLength(ZONES);
    for (const command of [['validate'], ['scan'], ['report'], ['graph'], ['baseline', '-o', '-'], ['path', 'a', 'b'], ['impact', 'a'], ['blast-radius', 'a']]) {
      const run = runBounded([...command, '--register', register, '--no-cache', '--max-file-size', String(size - 1)]);
      expectCleanRun(run);
      expect(run.code, command.join(' ')).toBe(2);
      expect(`${run.stdout}${run.stderr}`).toContain(`zones.yaml:1:1  the file is ${size} bytes, over the ${size - 1}-byte limit; raise it with --max-file-size if this is intended`);
    }
    expect(runBounded(['validate', '--register', register, '--no-cache', '--max-file-size', String(size)]).code).toBe(0);
  });

  it.each([
    ['--max-file-size', '0'], ['--max-file-size', 'lots'], ['--max-files', '-3'], ['--max-diagnostics', '1.5'],
  ])('rejects %s %s as a usage error', (flag, value) => {
    const run = runBounded(['validate', '--register', writeTree({ 'sidedoor.yaml': 'version: 1\n' }), flag, value]);
    expectCleanRun(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${flag} must be a positive whole number, got '${value.replace('.', '\\.')}'`));
  });
});
