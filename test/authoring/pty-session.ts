// Runs a command in a real pseudo-terminal with util-linux `script` (part of every Debian system), and types into
// it: each step waits until the terminal shows the expected text, then sends keystrokes, the way a person answers
// prompts. Output is returned with escape sequences and carriage returns removed. A step that never appears fails the
// run with everything shown so far (a watchdog, not a timing assertion).

import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface PtyStep {
  waitFor: RegExp;
  send: string;
}

export interface PtyRun {
  code: number;
  output: string;
}

export const ENTER = '\r';
export const DOWN = '\x1b[B';
export const CTRL_C = '\x03';

const WATCHDOG_MS = 60_000;

export function hasScript(): boolean {
  return spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
}

export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function plainText(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[@-Z\\-_=>]/g, '').replace(/\r/g, '');
}

/** Runs `command` (a shell command line) in a pty, answering `steps` in order. */
export function runInPty(command: string, steps: PtyStep[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<PtyRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: options.cwd,
      env: { ...process.env, TERM: 'xterm', NO_COLOR: '1', FORCE_COLOR: undefined, SIDEDOOR_DEBUG: undefined, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let raw = '';
    let consumed = 0;
    let step = 0;
    let watchdog: NodeJS.Timeout | undefined;
    const arm = () => {
      if (watchdog) clearTimeout(watchdog);
      if (step >= steps.length) return;
      watchdog = setTimeout(() => {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        reject(new Error(`the terminal never showed ${steps[step].waitFor} (step ${step + 1}); it showed:\n${plainText(raw)}`));
      }, WATCHDOG_MS);
    };
    const advance = () => {
      while (step < steps.length) {
        const text = plainText(raw);
        const match = steps[step].waitFor.exec(text.slice(consumed));
        if (!match) return;
        consumed += match.index + match[0].length;
        child.stdin.write(steps[step].send);
        step++;
        arm();
      }
    };
    // Decoded by the stream, so a multi-byte character split across two chunks is not mangled.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      raw += chunk;
      advance();
    });
    child.stderr.on('data', (chunk: string) => {
      raw += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (watchdog) clearTimeout(watchdog);
      if (step < steps.length) {
        reject(new Error(`the command ended (exit ${code}) before step ${step + 1} (${steps[step].waitFor}); it showed:\n${plainText(raw)}`));
        return;
      }
      resolve({ code: code ?? -1, output: plainText(raw) });
    });
    arm();
  });
}

/** Every file below `dir` with its content, for before/after comparisons (an absent directory is empty). */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    let entries: string[];
    try {
      entries = readdirSync(current);
    } catch {
      continue;
    }
    for (const name of entries) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) stack.push(path);
      else files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
