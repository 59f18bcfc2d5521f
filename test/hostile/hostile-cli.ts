// Running the built CLI on hostile registers. Every run has a spawn timeout, so "finishes in bounded time" is asserted
// as "was not killed" rather than by measuring; every run's output is checked for stack frames.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { GRAPH_FORMATS } from '../../src/export/index.js';
import { SCAN_FORMATS } from '../../src/cli/commands/scan.js';
import { CLI, REPO_ROOT } from '../helpers/run-cli.js';

export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'hostile');
export const TODAY = '2026-06-01';

/** Far above any run here (the slowest takes a few seconds); a run that hits it has hung. */
export const RUN_TIMEOUT_MS = 90_000;

export interface BoundedRun {
  args: string[];
  /** null when the process was killed. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

function childEnv(env: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, SIDEDOOR_DEBUG: undefined, GITHUB_STEP_SUMMARY: undefined, ...env };
}

export function runBounded(args: string[], options: RunOptions = {}): BoundedRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: childEnv(options.env),
    input: '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? RUN_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { args, code: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** The same as runBounded, without blocking: lets a test run several CLI processes at once. */
export function runBoundedAsync(args: string[], options: RunOptions = {}): Promise<BoundedRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? REPO_ROOT, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ args, code, signal, stdout, stderr });
    });
  });
}

/** CLI processes a test runs at once: vitest already runs test files side by side, so stay modest. */
export const PARALLEL_RUNS = Math.max(2, Math.min(4, availableParallelism()));

/** Runs `tasks` with at most `limit` in flight, keeping their order in the result. */
export async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** A fixture copied to a fresh temporary directory, so runs (and their parse cache) never touch the repository. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sidedoor-hostile-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export interface CommandNodes {
  /** `path FROM TO`. */
  from: string;
  to: string;
  /** `impact NODE`. */
  impact: string;
}

/** Every command a register goes through in the corpus: validate, scan in every format, report, graph in every
 * format, path and impact. The formats come from the CLI's own lists, so a new format is covered without edits. */
export function everyCommand(register: string, nodes: CommandNodes): string[][] {
  const common = ['--register', register, '--no-cache'];
  return [
    ['validate', ...common],
    ...SCAN_FORMATS.map((format) => ['scan', ...common, '--today', TODAY, '--format', format]),
    ['report', ...common, '--today', TODAY],
    ...GRAPH_FORMATS.map((format) => ['graph', ...common, '--format', format]),
    ['path', nodes.from, nodes.to, ...common],
    ['impact', nodes.impact, ...common],
  ];
}

/** Any line that looks like a V8 stack frame. */
export const STACK_FRAME = /^\s+at\s.+/m;

/** Exit 0, 1 or 2 only, not killed by the timeout, no stack frame anywhere, no warning printed by Node. */
export function expectCleanRun(run: BoundedRun): void {
  const label = `sidedoor ${run.args.join(' ')}`;
  expect(run.signal, `${label} was killed (timeout)`).toBeNull();
  expect([0, 1, 2], `${label} exited ${run.code}: ${run.stderr.slice(0, 500)}`).toContain(run.code);
  expect(run.stdout, `${label} printed a stack trace`).not.toMatch(STACK_FRAME);
  expect(run.stderr, `${label} printed a stack trace`).not.toMatch(STACK_FRAME);
  // A library warning printed by Node itself would bypass the diagnostics and the terminal sanitiser.
  expect(run.stderr, `${label} let a Node warning through`).not.toMatch(/\(node:\d+\) \w*Warning/);
}

/** True when this process may read files whatever their permission bits (root in most CI containers). */
export function permissionsAreIgnored(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** `mkfifo` is POSIX, but a minimal image may lack it. */
export function hasMkfifo(): boolean {
  return spawnSync('mkfifo', ['--version'], { stdio: 'ignore' }).error === undefined;
}
