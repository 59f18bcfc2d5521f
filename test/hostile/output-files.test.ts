// Output files (`-o`): an unwritable path exits 2 with a plain reason; a file is replaced atomically (temporary file,
// then rename) and never left half-written or replaced by a failed run; no temporary file survives; a symbolic link
// is never written through; a FIFO or a character device is written in place, never renamed over.

import { closeSync, constants, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, readlinkSync,
  symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_MINIMAL, writeTree } from '../helpers/run-cli.js';
import { expectCleanRun, hasMkfifo, permissionsAreIgnored, runBounded, runBoundedAsync, STACK_FRAME, TODAY } from './hostile-cli.js';

const REGISTER = ['--register', SAMPLE_MINIMAL, '--no-cache'];

/** One command of each kind that takes -o. */
const WRITERS: ((out: string) => string[])[] = [
  (out) => ['scan', ...REGISTER, '--today', TODAY, '--format', 'sarif', '-o', out],
  (out) => ['report', ...REGISTER, '--today', TODAY, '-o', out],
  (out) => ['graph', ...REGISTER, '--format', 'graphml', '-o', out],
  (out) => ['baseline', ...REGISTER, '--today', TODAY, '-o', out],
];

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'sidedoor-out-'));
}

describe('-o output files', () => {
  it.each([
    ['a directory that does not exist', (dir: string) => join(dir, 'missing', 'out.txt'), 'no such directory'],
    ['a path under a regular file', (dir: string) => { writeFileSync(join(dir, 'file'), 'x'); return join(dir, 'file', 'out.txt'); }, 'a parent of it is not a directory'],
    ['an existing directory', (dir: string) => { mkdirSync(join(dir, 'taken')); return join(dir, 'taken'); }, 'it is a directory'],
  ])('refuses %s with exit 2, a plain reason, no stack trace, and nothing left behind', (_what, target, reason) => {
    for (const writer of WRITERS) {
      const dir = scratch();
      const out = target(dir);
      const before = readdirSync(dir).sort();
      const run = runBounded(writer(out));
      expectCleanRun(run);
      expect(run.code, run.args.join(' ')).toBe(2);
      expect(run.stderr).toBe(`sidedoor: cannot write ${out}: ${reason}\n`);
      expect(readdirSync(dir).sort()).toEqual(before);
    }
  });

  // Root writes into a read-only directory anyway (tests often run as root in CI containers): assert whichever applies.
  it('into a read-only directory: refused as permission denied, or written when running as root', () => {
    const dir = scratch();
    chmodSync(dir, 0o555);
    try {
      const out = join(dir, 'report.md');
      const run = runBounded(WRITERS[1](out));
      expectCleanRun(run);
      if (permissionsAreIgnored()) {
        expect(run.code).toBe(0);
        expect(readFileSync(out, 'utf8')).toMatch(/^# /);
        expect(readdirSync(dir)).toEqual(['report.md']);
      } else {
        expect(run.code).toBe(2);
        expect(run.stderr).toBe(`sidedoor: cannot write ${out}: permission denied\n`);
        expect(readdirSync(dir)).toEqual([]);
      }
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('shows the stack of a refused write only with SIDEDOOR_DEBUG=1', () => {
    const out = join(scratch(), 'missing', 'x.sarif');
    expect(runBounded(WRITERS[0](out)).stderr).not.toMatch(STACK_FRAME);
    const debug = runBounded(WRITERS[0](out), { env: { SIDEDOOR_DEBUG: '1' } });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(STACK_FRAME);
  });

  it('leaves an existing file untouched when the run fails before writing, and leaves no temporary file', () => {
    const invalid = writeTree({ 'sidedoor.yaml': 'version: 1\n', 'bad.yaml': 'zones: [\n' });
    const dir = scratch();
    const out = join(dir, 'out.txt');
    writeFileSync(out, 'previous content\n');
    const failing = [
      ['scan', '--register', invalid, '--no-cache', '--format', 'json', '-o', out],
      ['report', '--register', invalid, '--no-cache', '-o', out],
      ['graph', ...REGISTER, '--focus', 'no-such-node', '-o', out],
      ['scan', ...REGISTER, '--rule', 'no-such-rule', '-o', out],
      ['baseline', '--register', invalid, '--no-cache', '-o', out],
    ];
    for (const args of failing) {
      const run = runBounded(args);
      expectCleanRun(run);
      expect(run.code, args.join(' ')).toBe(2);
      expect(readFileSync(out, 'utf8')).toBe('previous content\n');
      expect(readdirSync(dir)).toEqual(['out.txt']);
    }
  });

  it('replaces an existing file whole on success, with no temporary file left', () => {
    const dir = scratch();
    for (const writer of WRITERS) {
      const out = join(dir, 'out.txt');
      writeFileSync(out, 'x'.repeat(1_000_000)); // longer than any output: a partial overwrite would leave a tail
      const run = runBounded(writer(out));
      expectCleanRun(run);
      expect(run.stdout).toBe('');
      const written = readFileSync(out, 'utf8');
      expect(written).not.toContain('xxxx');
      expect(written.endsWith('\n')).toBe(true);
      expect(readdirSync(dir)).toEqual(['out.txt']);
    }
  });

  it('never writes through a symbolic link at the -o path: exit 2, the link and its target untouched', () => {
    for (const writer of WRITERS) {
      const dir = scratch();
      writeFileSync(join(dir, 'real.json'), 'old\n');
      symlinkSync('real.json', join(dir, 'link.json'));
      symlinkSync('missing.json', join(dir, 'dangling.json'));
      for (const name of ['link.json', 'dangling.json']) {
        const out = join(dir, name);
        const run = runBounded(writer(out));
        expectCleanRun(run);
        expect(run.code, run.args.join(' ')).toBe(2);
        expect(run.stderr).toBe(`sidedoor: cannot write ${out}: it is a symbolic link, and sidedoor never writes through one (remove it, or use \`-o -\` for stdout)\n`);
      }
      expect(readlinkSync(join(dir, 'link.json'))).toBe('real.json');
      expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('old\n');
      expect(readdirSync(dir).sort()).toEqual(['dangling.json', 'link.json', 'real.json']);
    }
  });

  it.runIf(hasMkfifo())('writes into a FIFO in place instead of renaming over it (as -o /dev/stdout would need)', async () => {
    const dir = scratch();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // A non-blocking reader: the writer's open succeeds, and nothing here can block if the FIFO were replaced.
    const fd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const run = await runBoundedAsync(['graph', ...REGISTER, '--format', 'mermaid', '-o', fifo]);
      expectCleanRun(run);
      expect(run.code).toBe(0);
      const buffer = Buffer.alloc(1 << 20);
      let received = '';
      for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) received += buffer.subarray(0, n).toString('utf8');
      expect(received).toMatch(/^flowchart LR\n/);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(readdirSync(dir)).toEqual(['pipe']);
    } finally {
      closeSync(fd);
    }
  });
});
