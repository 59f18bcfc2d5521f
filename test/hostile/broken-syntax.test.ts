// The hostile corpus, broken YAML: nesting 20,000 levels deep, an alias bomb, bytes that are not UTF-8. Each register
// goes through validate, scan (every format), report, graph (every format), path and impact. Every run must exit 2,
// name the file and line in the SPEC's `file:line:col  message` form, print no stack trace, and finish (spawn timeout).
//
// Every broken file sits in ONE register, which each command reads once: a file is parsed on its own, so its
// diagnostics do not depend on its neighbours, and one set of CLI runs checks them all (a sixth of the Node starts
// that one register per case took). Each case below asserts its own lines in those shared runs.

import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, parseRegisterFile } from '../../src/register/parse-file.js';
import { writeTree } from '../helpers/run-cli.js';
import { copyFixture, everyCommand, expectCleanRun, FIXTURES, inBatches, PARALLEL_RUNS, runBounded, runBoundedAsync, STACK_FRAME } from './hostile-cli.js';
import type { BoundedRun } from './hostile-cli.js';

const DEPTH = 20_000;
const REFUSAL = `the YAML nests collections more than ${MAX_NESTING_DEPTH} levels deep`;

/** The shared register: every broken file of the cases below, side by side. */
function brokenRegister(): string {
  const register = writeTree({
    'sidedoor.yaml': 'version: 1\n',
    'flow-lists.yaml': `zones:\n  - ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`,
    'flow-maps.yaml': `systems:\n  - id: a\n    name: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\n    zone: z\n`,
    'block-lists.yaml': `zones:\n${'- '.repeat(DEPTH)}x\n`,
    'unclosed.yaml': `links: ${'['.repeat(DEPTH)}\n`,
    'keys.yaml': 'zones:\n  - id: z\n    trust: 2\n    \u001b[2Jname\u0007: x\n',
    'collection-key.yaml': 'zones:\n  - id: y\n    trust: 2\n    ? [ "\\e]0;x\\a", b ]\n    : 1\n',
  });
  cpSync(join(FIXTURES, 'alias-bomb', 'bomb.yaml'), join(register, 'bomb.yaml'));
  cpSync(join(FIXTURES, 'not-utf8', 'latin1.yaml'), join(register, 'latin1.yaml'));
  writeFileSync(join(register, 'binary.yml'), new Uint8Array([0x7a, 0x6f, 0x6e, 0x65, 0x73, 0x3a, 0x00, 0xff, 0x00, 0x0a]));
  return register;
}

/** Every command's run on the shared register, started once, on first use. */
let shared: Promise<BoundedRun[]> | undefined;
function everyCommandOnce(): Promise<BoundedRun[]> {
  shared ??= (async () => {
    const commands = everyCommand(brokenRegister(), { from: 'a', to: 'b', impact: 'a' });
    const runs = await inBatches(commands.map((args) => () => runBoundedAsync(args)), PARALLEL_RUNS);
    for (const run of runs) {
      expectCleanRun(run);
      expect(run.code, run.args.join(' ')).toBe(2);
      if (run.args[0] !== 'validate') expect(run.stdout, run.args.join(' ')).toBe('');
    }
    return runs;
  })();
  return shared;
}

/** Every command refused the register with all the expected `file:line:col  message` lines. */
async function expectEveryCommandRefuses(expected: RegExp[]): Promise<void> {
  for (const run of await everyCommandOnce()) {
    // validate prints diagnostics on stdout (they are its output); every other command on stderr.
    const diagnostics = run.args[0] === 'validate' ? run.stdout : run.stderr;
    for (const line of expected) expect(diagnostics, run.args.join(' ')).toMatch(line);
  }
}

describe('hostile corpus: broken YAML', () => {
  it(`refuses YAML nested ${DEPTH.toLocaleString('en')} levels deep, in flow and block style, with the file and line`, async () => {
    await expectEveryCommandRefuses([
      new RegExp(`^flow-lists\\.yaml:2:\\d+  ${REFUSAL}`, 'm'),
      new RegExp(`^flow-maps\\.yaml:3:\\d+  ${REFUSAL}`, 'm'),
      new RegExp(`^block-lists\\.yaml:2:\\d+  ${REFUSAL}`, 'm'),
      new RegExp(`^unclosed\\.yaml:1:\\d+  ${REFUSAL}`, 'm'),
    ]);
  });

  it('accepts nesting up to the limit and refuses one level more (in-process, at the exact boundary)', () => {
    // `tags` is a list of strings, so nested lists are a schema error, but only the deeper one is refused unread.
    const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    // The file's own mapping and the systems list are two levels; the entry a third; tags a fourth.
    const file = (inner: number) => new TextEncoder().encode(`systems:\n  - id: a\n    name: A\n    zone: z\n    tags: [${nested(inner)}]\n`);
    const atLimit = parseRegisterFile('x.yaml', file(MAX_NESTING_DEPTH - 4));
    expect(atLimit.diagnostics.map((d) => d.message).join('\n')).not.toMatch(/nests collections/);
    expect(atLimit.diagnostics.map((d) => d.message).join('\n')).toMatch(/tags/);
    const overLimit = parseRegisterFile('x.yaml', file(MAX_NESTING_DEPTH - 3));
    expect(overLimit.diagnostics).toEqual([expect.objectContaining({ line: 5, message: expect.stringMatching(/nests collections more than 100 levels deep/) })]);
  });

  it('refuses a billion-laughs alias bomb at once, naming the file', async () => {
    await expectEveryCommandRefuses([
      /^bomb\.yaml:1:1  too many YAML aliases \(more than 100 expansions\): refusing a possible alias bomb$/m,
    ]);
  });

  it('refuses bytes that are not UTF-8, naming the file, line and column of the first bad byte', async () => {
    await expectEveryCommandRefuses([/^latin1\.yaml:3:27  the file is not valid UTF-8$/m]);
  });

  it('refuses raw control bytes in a key with the key shown escaped, and a NUL-laden binary file', async () => {
    await expectEveryCommandRefuses([
      /^keys\.yaml:4:5  zone 'z': unknown field '\\u\{1b\}\[2Jname\\u\{7\}'/m,
      /^binary\.yml:1:8  the file is not valid UTF-8$/m,
    ]);
  });

  it('reports a mapping key that is a collection as a diagnostic, with no warning printed by the YAML library', async () => {
    await expectEveryCommandRefuses([/^collection-key\.yaml:2:5  zone 'y': unknown field '\[ "\\e\]0;x\\a", b \]'$/m]);
  });

  it('names every broken file, and nothing else: the count of errors is the count of files', async () => {
    // Four nested, the bomb, two not UTF-8, the control-byte key and the collection key: one error each, and the
    // references into the files that do not parse are counted, not reported.
    await expectEveryCommandRefuses([/^9 errors, 0 warnings$/m]);
  });

  it('shows no stack trace for a refused register, and shows one with SIDEDOOR_DEBUG=1', () => {
    const register = copyFixture('alias-bomb');
    const quiet = runBounded(['scan', '--register', register, '--no-cache']);
    expect(quiet.code).toBe(2);
    expect(quiet.stderr).not.toMatch(STACK_FRAME);
    const debug = runBounded(['scan', '--register', register, '--no-cache'], { env: { SIDEDOOR_DEBUG: '1' } });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^bomb\.yaml:1:1 /m);
    expect(debug.stderr).toMatch(STACK_FRAME);
  });
});
