// What a run loads (issue 16, warm start), seen through NODE_DEBUG=module, which names every CommonJS module Node
// loads (ESM-only packages do not show there): `--version` loads not even commander, a scan of a register that the fast
// read path reads whole loads no `yaml`, while a scan that has a problem to report and `rules`, the controls, show the
// packages they need.

import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_CITY, writeTree } from '../helpers/run-cli.js';

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
    // A scan with no cache needs the CLI library; its table draws its own frame, and the fast read path reads every
    // file of the sample, so the `yaml` package, which words diagnostics, is not loaded either.
    expect(loaded(scan.stderr, 'commander')).toBe(true);
    expect(loaded(scan.stderr, 'yaml')).toBe(false);
    expect(loaded(scan.stderr, 'cli-table3')).toBe(false);
    // The control: a file with a problem to report is read by the `yaml` path, which loads the package.
    const broken = writeTree({ 'sidedoor.yaml': 'version: 1\n', 'zones.yaml': 'zones:\n  - id: office\n    id: again\n    trust: 2\n' });
    const invalid = runCli(['scan', '--register', broken, '--today', '2026-06-01', '--no-cache'], { env: DEBUG });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('zones.yaml:3:');
    expect(loaded(invalid.stderr, 'yaml')).toBe(true);
    const rules = runCli(['rules', '--register', SAMPLE_CITY], { env: DEBUG });
    expect(rules.code).toBe(0);
    expect(loaded(rules.stderr, 'cli-table3'), 'rules draws its table with cli-table3').toBe(true);
  });
});
