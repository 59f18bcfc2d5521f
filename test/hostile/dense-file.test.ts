// Bounded work on hostile files (issue 12): a file of tiny collections, just under the default size limit, is the
// cheapest way to make a YAML parser build millions of nodes and a validator millions of diagnostics. It must end
// with exit 2, one plain located message and a bounded count, within a heap far under 1 GB: the runs below get a
// 512 MB old-space limit, so running out of memory would show as a crash, not a slow pass. (Time is measured by
// `npm run bench`, not here.)

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/register/load-register.js';
import { MAX_FILE_DIAGNOSTICS } from '../../src/register/parse-file.js';
import { writeTree } from '../helpers/run-cli.js';
import { expectCleanRun, runBounded, TODAY } from './hostile-cli.js';

const BOUNDED_HEAP = { NODE_OPTIONS: '--max-old-space-size=512' };

/** A register whose `x.yaml` is `header` then `- {}` lines, up to `bytes`. */
function denseRegister(header: string, bytes: number): string {
  const root = writeTree({ 'sidedoor.yaml': 'version: 1\n' });
  const line = '- {}\n';
  writeFileSync(join(root, 'x.yaml'), header + line.repeat(Math.floor((bytes - header.length) / line.length)));
  return root;
}

describe('hostile corpus: a dense file under the size limit', () => {
  for (const [name, header] of [['a top-level list', ''], ['a list of systems', 'systems:\n']]) {
    it(`16 MiB of \`- {}\` lines as ${name}: exit 2 with one plain message, for validate and scan`, () => {
      const register = denseRegister(header, DEFAULT_MAX_FILE_BYTES - 16);
      for (const command of [['validate'], ['scan', '--today', TODAY]]) {
        const run = runBounded([...command, '--register', register, '--no-cache'], { env: BOUNDED_HEAP });
        expectCleanRun(run);
        expect(run.code).toBe(2);
        const output = run.stdout + run.stderr;
        expect(output).toMatch(/^x\.yaml:1:1 {2}this 16\.0 MiB file does not read as plain register data: more than 3,000,000 YAML nodes in one file/m);
        expect(output).toContain('1 error, 0 warnings');
      }
    });
  }

  it('a smaller dense file of invalid systems: exit 2, located at the first bad entry', () => {
    const register = denseRegister('systems:\n', 2 * 1024 * 1024);
    const run = runBounded(['validate', '--register', register, '--no-cache'], { env: BOUNDED_HEAP });
    expectCleanRun(run);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^x\.yaml:2:3 {2}this 2\.0 MiB file does not read as plain register data: a system that does not match its schema/m);
  });

  it(`a file with more problems than ${MAX_FILE_DIAGNOSTICS} keeps the first ${MAX_FILE_DIAGNOSTICS} and counts the rest`, () => {
    const register = denseRegister('systems:\n', 5 * 2000);
    const run = runBounded(['validate', '--register', register, '--no-cache', '--format', 'json'], { env: BOUNDED_HEAP });
    expectCleanRun(run);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { errors: number; diagnostics: { message: string }[] };
    expect(report.errors).toBe(MAX_FILE_DIAGNOSTICS + 1);
    expect(report.diagnostics.some((d) => /^[\d,]+ more problems in this file are not listed \(at most 1000 a file\)$/.test(d.message))).toBe(true);
  });
});
