// The hostile corpus, size: a 25 MB file with 600,000 systems is refused at once by the default --max-file-size
// (16 MiB), through every command and format, naming the file and the flag. Parsing it would take about a minute,
// too long for CI, so the raised-limit case uses a smaller file (60,000 systems, 2.4 MB) that goes through on a
// raised limit and is refused just below its size.

import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/register/load-register.js';
import { writeTree } from '../helpers/run-cli.js';
import { everyCommand, expectCleanRun, inBatches, PARALLEL_RUNS, runBounded, runBoundedAsync, TODAY } from './hostile-cli.js';

/** `systems.yaml` with `count` systems, one flow mapping a line (about 42 bytes each); returns its size. */
function writeSystems(register: string, count: number): number {
  const lines = ['zones:\n  - { id: z, trust: 2 }\nsystems:\n'];
  for (let i = 0; i < count; i++) lines.push(`  - {id: s${String(i).padStart(6, '0')}, name: S${i}, zone: z}\n`);
  writeFileSync(join(register, 'systems.yaml'), lines.join(''));
  return statSync(join(register, 'systems.yaml')).size;
}

describe('hostile corpus: a very large register file', () => {
  it('refuses a 25 MB file of 600,000 systems under the default limit, in every command, naming the file and the flag', async () => {
    const register = writeTree({ 'sidedoor.yaml': 'version: 1\n' });
    const size = writeSystems(register, 600_000);
    expect(size).toBeGreaterThan(24_000_000);
    expect(size).toBeLessThan(26_000_000);
    const commands = everyCommand(register, { from: 's000000', to: 's000001', impact: 's000000' });
    const runs = await inBatches(commands.map((args) => () => runBoundedAsync(args)), PARALLEL_RUNS);
    const refusal = new RegExp(`^systems\\.yaml:1:1  the file is ${size} bytes, over the ${DEFAULT_MAX_FILE_BYTES}-byte limit; raise it with --max-file-size if this is intended$`, 'm');
    for (const run of runs) {
      expectCleanRun(run);
      expect(run.code, run.args.join(' ')).toBe(2);
      expect(run.args[0] === 'validate' ? run.stdout : run.stderr, run.args.join(' ')).toMatch(refusal);
    }
    rmSync(register, { recursive: true, force: true }); // 25 MB: not left in the temporary directory
  });

  it('loads a 2.4 MB file of 60,000 systems once --max-file-size is raised above it, and refuses it just below', () => {
    const register = writeTree({ 'sidedoor.yaml': 'version: 1\n' });
    const size = writeSystems(register, 60_000);
    const below = runBounded(['validate', '--register', register, '--no-cache', '--max-file-size', String(size - 1)]);
    expectCleanRun(below);
    expect(below.code).toBe(2);
    expect(below.stdout).toMatch(new RegExp(`^systems\\.yaml:1:1  the file is ${size} bytes, over the ${size - 1}-byte limit`, 'm'));

    const validate = runBounded(['validate', '--register', register, '--no-cache', '--max-file-size', String(size)]);
    expectCleanRun(validate);
    expect(validate.stdout).toBe('register is valid: 2 files, 3 zones, 0 vendors, 60,000 systems, 0 links\n');
    const scan = runBounded(['scan', '--register', register, '--no-cache', '--max-file-size', String(size), '--format', 'json', '--today', TODAY]);
    expectCleanRun(scan);
    expect(scan.code).toBe(0);
    expect(JSON.parse(scan.stdout).register).toMatchObject({ files: 2, systems: 60_000, links: 0 });
  });
});
