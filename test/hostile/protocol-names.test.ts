// `protocol` is lower-case ASCII (SPEC §1.6). A look-alike letter (Cyrillic `р` in `httр`) or an invisible one (a
// zero-width space in `ht\u200btp`) would otherwise make `http` read as an unknown, encrypted protocol and slip past
// plaintext-protocol. Each is a validation error at the value, through the loader and through the built CLI.

import { describe, expect, it } from 'vitest';
import { loadRegister } from '../../src/register/load-register.js';
import { runCli, writeTree } from '../helpers/run-cli.js';

const BAD = ['htt\u0440', 'ht\u200btp', 'HTTP', 'Http', ' http', 'http\u00a0', '-http', '+ssh', 'ht tp', 'ldap\u0000', 'ｈttp', ''];
const GOOD = ['http', 'https', 'ldaps', 'smb1', 'sql+tls', 'h2', 'iec-104', 'x.400', '3270'];

function register(protocol: string): string {
  return writeTree({
    'sidedoor.yaml': 'version: 1\n',
    'r.yaml': `zones:\n  - id: dmz\n    trust: 1\n  - id: core\n    trust: 3\nsystems:\n  - id: web\n    name: Web\n    zone: dmz\n  - id: db\n    name: DB\n    zone: core\nlinks:\n  - from: web\n    to: db\n    auth: password\n    protocol: ${JSON.stringify(protocol)}\n`,
  });
}

describe('protocol names', () => {
  it.each(BAD.map((p) => [JSON.stringify(p), p]))('refuses %s with an error located at the value', (_shown, protocol) => {
    const loaded = loadRegister(register(protocol));
    expect(loaded.register).toBeUndefined();
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'r.yaml', line: 17, column: 15 });
    expect(errors[0].message).toMatch(/lower-case ASCII/);
  });

  it.each(GOOD)('accepts %s', (protocol) => {
    const loaded = loadRegister(register(protocol));
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('validate and scan exit 2 with file:line:col for a Cyrillic or zero-width protocol; plain http is flagged', () => {
    for (const protocol of ['htt\u0440', 'ht\u200btp']) {
      const dir = register(protocol);
      for (const command of ['validate', 'scan']) {
        const run = runCli([command, '--register', dir, '--no-cache']);
        expect(run.code, `${command} ${JSON.stringify(protocol)}`).toBe(2);
        expect(run.stdout + run.stderr).toMatch(/^r\.yaml:17:15 {2}.*protocol.*lower-case ASCII/m);
      }
    }
    const plain = runCli(['scan', '--register', register('http'), '--no-cache', '--format', 'json', '--today', '2026-06-01']);
    expect(JSON.parse(plain.stdout).findings.map((f: { id: string }) => f.id)).toContain('plaintext-protocol:web-to-db');
  });
});
