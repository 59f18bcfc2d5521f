import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareWithBase } from '../../src/compare/compare-with-base.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { Link, Register } from '../../src/register/types.js';
import { makeRegister } from '../helpers/make-register.js';
import type { RegisterInput } from '../helpers/make-register.js';

const TODAY = '2026-12-06';
const zones: RegisterInput['zones'] = [{ id: 'guest', trust: 1 }, { id: 'lan', trust: 2 }, { id: 'adm', trust: 4 }];
const systems: RegisterInput['systems'] = [
  { id: 'guest-ap', zone: 'guest' }, { id: 'fs', zone: 'lan', data: 'confidential' }, { id: 'dc', zone: 'adm', kind: 'identity' },
  { id: 'wks', zone: 'lan' },
];

function scanned(links: RegisterInput['links']) {
  const register = makeRegister({ zones, systems, links });
  return { register, findings: runScan(register, { today: TODAY }).findings };
}

describe('compareWithBase', () => {
  it('marks only the findings a new guest-to-admin link creates, and names that link, not the old links on its path', () => {
    const base = scanned([{ from: 'fs', to: 'dc', protocol: 'ldaps', auth: 'key' }, { from: 'wks', to: 'fs', protocol: 'smb', auth: 'key' }]);
    const head = scanned([
      { from: 'fs', to: 'dc', protocol: 'ldaps', auth: 'key' }, { from: 'wks', to: 'fs', protocol: 'smb', auth: 'key' },
      { from: 'guest-ap', to: 'fs', protocol: 'smb', port: 445 },
    ]);
    const { findings, comparison } = compareWithBase(head, base, { ref: 'main', commit: 'c0ffee' });
    const before = new Set(base.findings.map((f) => f.id));
    expect(findings.filter((f) => f.new).map((f) => f.id).sort()).toEqual(head.findings.map((f) => f.id).filter((id) => !before.has(id)).sort());
    const path = findings.find((f) => f.id === 'unsegmented-path:low-trust-to-sensitive:guest-ap:adm');
    expect(path?.new).toBe(true);
    expect(path?.links).toEqual(['guest-ap-to-fs-445', 'fs-to-dc']);
    expect(comparison).toEqual({ kind: 'base', ref: 'main', commit: 'c0ffee', fixed: [], newRiskyLinks: ['guest-ap-to-fs-445'] });
  });

  it('lists a finding gone since the base as fixed, with its rule and base title', () => {
    const base = scanned([{ from: 'guest-ap', to: 'dc', protocol: 'ldap' }]);
    const head = scanned([]);
    const { findings, comparison } = compareWithBase(head, base, { ref: 'main', commit: 'c0ffee' });
    expect(comparison.fixed.map((f) => f.id)).toEqual(base.findings.map((f) => f.id).filter((id) => !head.findings.some((h) => h.id === id)).sort());
    expect(comparison.fixed).toContainEqual({ id: 'weak-authentication:guest-ap-to-dc', rule: 'weak-authentication', title: base.findings.find((f) => f.id === 'weak-authentication:guest-ap-to-dc')?.title });
    expect(findings.every((f) => f.new === false)).toBe(true);
  });

  it('names a changed link: the same id, now without authentication', () => {
    const base = scanned([{ from: 'wks', to: 'dc', protocol: 'ldaps', auth: 'mfa' }]);
    const head = scanned([{ from: 'wks', to: 'dc', protocol: 'ldaps', auth: 'none' }]);
    const { findings, comparison } = compareWithBase(head, base, { ref: 'HEAD~1', commit: 'c0ffee' });
    expect(findings.filter((f) => f.new).map((f) => f.id)).toEqual(['weak-authentication:wks-to-dc']);
    expect(comparison.newRiskyLinks).toEqual(['wks-to-dc']);
  });

  it('agrees with a brute-force oracle on random edits of random registers', () => {
    const ids = ['guest-ap', 'fs', 'dc', 'wks'];
    const link = fc.record({
      from: fc.constantFrom(...ids), to: fc.constantFrom(...ids), port: fc.constantFrom(undefined, 22, 445),
      protocol: fc.constantFrom('https', 'ldap', 'smb'), auth: fc.constantFrom('none' as const, 'password' as const, 'mfa' as const),
      bidirectional: fc.boolean(),
    }).filter((l) => l.from !== l.to);
    const links = fc.uniqueArray(link, { maxLength: 7, selector: (l) => `${l.from}-${l.to}-${l.port}` });
    let withRiskyLinks = 0;
    fc.assert(fc.property(links, links, (baseLinks, headLinks) => {
      const base = scanned(baseLinks);
      const head = scanned(headLinks);
      const { findings, comparison } = compareWithBase(head, base, { ref: 'r', commit: 'c' });
      const baseIds = new Set(base.findings.map((f) => f.id));
      const headIds = new Set(head.findings.map((f) => f.id));
      expect(findings.map((f) => [f.id, f.new])).toEqual(head.findings.map((f) => [f.id, !baseIds.has(f.id)]));
      expect(comparison.fixed.map((f) => f.id)).toEqual([...baseIds].filter((id) => !headIds.has(id)).sort());
      expect(comparison.newRiskyLinks).toEqual(oracleRiskyLinks(findings, base.register, head.register));
      if (comparison.newRiskyLinks.length > 0) withRiskyLinks++;
    }), { numRuns: 150 });
    expect(withRiskyLinks).toBeGreaterThan(20);
  });
});

function oracleRiskyLinks(findings: ReturnType<typeof compareWithBase>['findings'], base: Register, head: Register): string[] {
  const same = (a: Link, b: Link) => a.from === b.from && a.to === b.to && a.kind === b.kind && a.protocol === b.protocol
    && a.port === b.port && a.auth === b.auth && a.encrypted === b.encrypted && a.bidirectional === b.bidirectional
    && a.on_demand === b.on_demand && a.implicit === b.implicit && [...a.via].sort().join() === [...b.via].sort().join();
  const linkIds = head.links.map((l) => l.id);
  const out: string[] = [];
  for (const id of linkIds) {
    const implicated = findings.some((f) => f.new && ((f.links ?? []).includes(id)
      || (['weak-authentication', 'plaintext-protocol', 'vendor-remote-access', 'credential-exposure', 'network-chokepoint'].includes(f.rule) && f.subjects[0] === id)));
    const before = base.links.find((l) => l.id === id);
    const now = head.links.find((l) => l.id === id);
    if (implicated && now !== undefined && (before === undefined || !same(before, now))) out.push(id);
  }
  return out.sort();
}
