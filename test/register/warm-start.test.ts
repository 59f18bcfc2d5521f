// What a run loads (issue 16, warm start), seen through NODE_DEBUG=module, which names every CommonJS module Node
// loads (ESM-only packages do not show there): `--version` loads not even commander, while a scan, the control,
// shows the packages it needs.

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
    for (const pkg of PACKAGES) expect(loaded(scan.stderr, pkg), pkg).toBe(true);
  });
});
