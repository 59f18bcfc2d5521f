// What a run loads (issue 16, warm start), seen through NODE_DEBUG=module, which names every CommonJS module Node
// loads (ESM-only packages do not show there): `--version` loads not even commander, while a scan and `rules`, the
// controls, show the packages they need.

import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_CITY } from '../helpers/run-cli.js';

const DEBUG = { NODE_DEBUG: 'module' };
const PACKAGES = ['commander', 'yaml', 'cli-table3'];
const loaded = (stderr: string, pkg: string) => new RegExp(`load "[^"]*node_modules/${pkg}/`).test(stderr);

describe('warm start', () => {
  it('--version loads no package at all; a scan loads the ones it needs', () => {
    const version = runCli(['--version'], { env: DEBUG });
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    for (const pkg of PACKAGES) expect(loaded(version.stderr, pkg), pkg).toBe(false);
    const scan = runCli(['scan', '--register', SAMPLE_CITY, '--today', '2026-06-01', '--no-cache'], { env: DEBUG });
    expect(scan.code).toBe(1);
    // The control: a scan with no cache needs the CLI library and the parser; its table draws its own frame.
    expect(loaded(scan.stderr, 'commander')).toBe(true);
    expect(loaded(scan.stderr, 'yaml')).toBe(true);
    expect(loaded(scan.stderr, 'cli-table3')).toBe(false);
    const rules = runCli(['rules', '--register', SAMPLE_CITY], { env: DEBUG });
    expect(rules.code).toBe(0);
    expect(loaded(rules.stderr, 'cli-table3'), 'rules draws its table with cli-table3').toBe(true);
  });
});
