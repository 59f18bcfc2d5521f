// What a run loads (issue 16, warm start), seen through NODE_DEBUG=module, which names every CommonJS module Node
// loads: the YAML libraries are loaded only when a file is parsed (so a warm scan, every file from the cache, loads
// neither), `yaml` only when a file takes the yaml path, and `--version` loads not even commander.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_CITY, writeTree } from '../helpers/run-cli.js';

const DEBUG = { NODE_DEBUG: 'module' };
const loaded = (stderr: string, pkg: string) => new RegExp(`load "[^"]*node_modules/${pkg}/`).test(stderr);

describe('warm start', () => {
  it('a cold scan loads the event parser only, a warm one no parser at all', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'sidedoor-warm-'));
    const args = ['scan', '--register', SAMPLE_CITY, '--today', '2026-06-01', '--format', 'json', '--cache-dir', cacheDir];
    const cold = runCli(args, { env: DEBUG });
    const warm = runCli(args, { env: DEBUG });
    expect([cold.code, warm.code]).toEqual([1, 1]);
    expect(warm.stdout).toBe(cold.stdout);
    expect(loaded(cold.stderr, 'js-yaml')).toBe(true);
    expect(loaded(cold.stderr, 'yaml')).toBe(false);
    expect(loaded(warm.stderr, 'js-yaml')).toBe(false);
    expect(loaded(warm.stderr, 'yaml')).toBe(false);
  });

  it('loads the yaml package for a file only it can read', () => {
    const root = writeTree({ 'sidedoor.yaml': 'version: 1\n' });
    writeFileSync(join(root, 'zones.yaml'), 'zones:\n  - &z { id: office, trust: 2 }\n');
    const run = runCli(['validate', '--register', root, '--no-cache'], { env: DEBUG });
    expect(run.code).toBe(0);
    expect(loaded(run.stderr, 'yaml')).toBe(true);
  });

  it('--version loads neither commander nor any parser', () => {
    const run = runCli(['--version'], { env: DEBUG });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    for (const pkg of ['commander', 'js-yaml', 'yaml', 'zod', '@inquirer']) expect(loaded(run.stderr, pkg), pkg).toBe(false);
  });
});
