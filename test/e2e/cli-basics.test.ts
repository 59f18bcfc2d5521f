// The CLI's own conventions: --version, --help everywhere, usage errors exit 2, a closed pipe is not an error.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, runCli, SAMPLE_CITY } from '../helpers/run-cli.js';

const COMMANDS = ['validate', 'scan', 'baseline', 'report', 'path', 'blast-radius', 'impact', 'graph', 'rules', 'init', 'add', 'accept', 'import', 'export'];

describe('sidedoor', () => {
  it('prints its version', () => {
    expect(runCli(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it('lists every command in --help, and each command has its own --help', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of COMMANDS) {
      expect(help.stdout).toContain(`  ${command}`);
      const own = runCli([command, '--help']);
      expect(own.code, command).toBe(0);
      expect(own.stdout, command).toMatch(new RegExp(`^Usage: sidedoor ${command}`));
    }
  });

  it('treats a missing or unknown command, or an unknown option, as a usage error (exit 2)', () => {
    expect(runCli([]).code).toBe(2);
    const typo = runCli(['scna']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown command 'scna'[\s\S]*Did you mean scan\?/);
    expect(runCli(['scan', '--no-such-option']).code).toBe(2);
    expect(runCli(['scan', '--format', 'pdf', '--register', SAMPLE_CITY]).code).toBe(2);
  });

  it('stops quietly when the reader of stdout goes away', () => {
    const piped = spawnSync('bash', ['-c', `node ${JSON.stringify(CLI)} scan --register ${JSON.stringify(SAMPLE_CITY)} --today 2026-12-06 | head -1; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(piped.stdout).toMatch(/^CRITICAL/);
    expect(piped.stdout).toMatch(/status (0|1)\n$/);
    expect(piped.stderr).not.toMatch(/EPIPE|Error/);
  });
});
