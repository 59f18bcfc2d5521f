// The gate's comparison (SPEC §4.1) on in-memory registers: the categories on hand-made cases, then against a
// brute-force oracle on random changes that mix links, zone trust, gateway claims and `via` claims. The oracle builds
// the "as the base trusted it" register from the inputs itself, and finds risky links by plain breadth-first search
// per (source, zone) pair, so it shares neither the restoration nor the two-label search with the code under test.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeChange } from '../../src/compare/judge-change.js';
import { linkSignature } from '../../src/compare/link-changes.js';
import type { Finding } from '../../src/findings/types.js';
import { severityRank } from '../../src/findings/types.js';
import type { Register } from '../../src/register/types.js';
import { runScan } from '../../src/scan/run-scan.js';
import { makeRegister } from '../helpers/make-register.js';
import type { RegisterInput } from '../helpers/make-register.js';

const TODAY = '2026-12-06';
const REF = { ref: 'main', commit: 'c0ffee' };
const zones: NonNullable<RegisterInput['zones']> = [{ id: 'guest', trust: 1 }, { id: 'lan', trust: 2 }, { id: 'adm', trust: 4 }];
const systems: NonNullable<RegisterInput['systems']> = [
  { id: 'guest-ap', zone: 'guest' }, { id: 'fs', zone: 'lan', data: 'confidential' }, { id: 'dc', zone: 'adm', kind: 'identity' },
  { id: 'wks', zone: 'lan' },
];

function judge(base: RegisterInput, head: RegisterInput, policyFrom: 'base' | 'head' = 'base') {
  return judgeChange(makeRegister(base), makeRegister(head), { today: TODAY, policyFrom, ref: REF });
}

const changeOf = (findings: readonly Finding[], id: string) => findings.find((f) => f.id === id)?.change;

describe('judgeChange: the categories', () => {
  it('marks the findings a new guest-to-admin link creates as new, and names only that link as risky', () => {
    const links: RegisterInput['links'] = [{ from: 'fs', to: 'dc', protocol: 'ldaps', auth: 'key' }, { from: 'wks', to: 'fs', protocol: 'smb', auth: 'key' }];
    const { compared } = judge({ zones, systems, links }, { zones, systems, links: [...links, { from: 'guest-ap', to: 'fs', protocol: 'smb', port: 445 }] });
    const path = compared.findings.find((f) => f.id === 'unsegmented-path:low-trust-to-sensitive:guest-ap:adm');
    expect(path).toMatchObject({ new: true, change: 'new', links: ['guest-ap-to-fs-445', 'fs-to-dc'] });
    expect(compared.comparison.newRiskyLinks).toEqual([{ id: 'guest-ap-to-fs-445', rules: ['low-trust-to-sensitive'], severity: 'critical', location: expect.any(Object) }]);
    expect(compared.comparison).toMatchObject({ kind: 'base', judgedBy: 'base', fixed: [], worsened: [], hidden: [], policyChanges: [] });
  });

  it('lists a finding gone from the head and from the trusted head as fixed', () => {
    const { compared } = judge({ zones, systems, links: [{ from: 'guest-ap', to: 'dc', protocol: 'ldap' }] }, { zones, systems, links: [] });
    expect(compared.comparison.fixed.map((f) => f.id)).toContain('unsegmented-path:low-trust-to-sensitive:guest-ap:adm');
    expect(compared.findings.every((f) => f.change === 'unchanged')).toBe(true);
  });

  it('a known path whose witness now takes a new link has worsened, and the new link is risky', () => {
    const old: RegisterInput['links'] = [{ from: 'guest-ap', to: 'wks', auth: 'mfa' }, { from: 'wks', to: 'fs', auth: 'mfa' }, { from: 'fs', to: 'dc', auth: 'mfa' }];
    const { compared } = judge({ zones, systems, links: old }, { zones, systems, links: [...old, { from: 'guest-ap', to: 'dc', auth: 'mfa', protocol: 'ldaps' }] });
    expect(compared.comparison.worsened).toEqual([expect.objectContaining({
      id: 'unsegmented-path:low-trust-to-sensitive:guest-ap:adm', before: 'critical', severity: 'critical', links: ['guest-ap-to-dc'],
    })]);
    expect(compared.comparison.newRiskyLinks.map((l) => l.id)).toEqual(['guest-ap-to-dc']);
  });

  it('a gateway claimed on the path hides the finding, and the claim is named', () => {
    const links: RegisterInput['links'] = [{ from: 'guest-ap', to: 'fs', auth: 'mfa' }, { from: 'fs', to: 'dc', auth: 'mfa' }];
    const claimed = systems.map((s) => (s.id === 'fs' ? { ...s, enforcement: true } : s));
    const { compared } = judge({ zones, systems, links }, { zones, systems: claimed, links });
    expect(compared.comparison.hidden).toEqual([expect.objectContaining({
      id: 'unsegmented-path:low-trust-to-sensitive:guest-ap:adm', claims: ['system fs: enforcement false → true'],
    })]);
    expect(changeOf(compared.findings, 'unsegmented-path:low-trust-to-sensitive:guest-ap:adm')).toBe('hidden');
    expect(compared.comparison.fixed).toEqual([]);
  });

  it("judges with the base's rules, lists the head's weakening, and lets the head judge only when asked", () => {
    const base: RegisterInput = { zones, systems, links: [] };
    const head: RegisterInput = { zones, systems, links: [{ from: 'guest-ap', to: 'dc', auth: 'mfa', protocol: 'ldaps' }],
      config: { rules: new Map([['unsegmented-path', { off: true, options: new Map(), loc: { file: 'sidedoor.yaml', line: 3, column: 3 } }]]) } };
    const byBase = judge(base, head).compared;
    expect(changeOf(byBase.findings, 'unsegmented-path:low-trust-to-sensitive:guest-ap:adm')).toBe('new');
    expect(byBase.comparison.policyChanges).toEqual([expect.objectContaining({ kind: 'rule', subject: 'unsegmented-path', weakens: true })]);
    const byHead = judge(base, head, 'head').compared;
    expect(byHead.findings.some((f) => f.rule === 'unsegmented-path')).toBe(false);
    expect(byHead.comparison.judgedBy).toBe('head');
    expect(byHead.comparison.newRiskyLinks).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The oracle.

const NODES = ['guest-ap', 'fs', 'wks', 'dc', 'fw'];

interface Case {
  baseLinks: NonNullable<RegisterInput['links']>;
  headLinks: NonNullable<RegisterInput['links']>;
  /** Head claims. */
  lanTrust: 1 | 2 | 3;
  fsGateway: boolean;
  dcRedundant: boolean;
  wksZone: 'lan' | 'adm' | 'guest';
}

function inputs(c: Case): { base: RegisterInput; head: RegisterInput; trusted: RegisterInput } {
  const sys = (fsGateway: boolean, dcRedundant: boolean, wksZone: string): RegisterInput['systems'] => [
    { id: 'guest-ap', zone: 'guest' }, { id: 'fs', zone: 'lan', data: 'confidential', enforcement: fsGateway, criticality: 'high' },
    { id: 'dc', zone: 'adm', kind: 'identity', redundant: dcRedundant, criticality: 'critical' },
    { id: 'wks', zone: wksZone, depends_on: ['dc'], criticality: 'high' }, { id: 'fw', zone: 'lan', kind: 'firewall' },
  ];
  const zonesAt = (lan: number): RegisterInput['zones'] => [{ id: 'guest', trust: 1 }, { id: 'lan', trust: lan as 2 }, { id: 'adm', trust: 4 }];
  const base: RegisterInput = { zones: zonesAt(2), systems: sys(false, false, 'lan'), links: c.baseLinks };
  const head: RegisterInput = { zones: zonesAt(c.lanTrust), systems: sys(c.fsGateway, c.dcRedundant, c.wksZone), links: c.headLinks };
  // As the base trusted it: base trust, zones, gateways and redundancy; each link's base `via` (none when new).
  const baseById = new Map(makeRegister(base).links.map((l) => [l.id, l.via]));
  const headRegister = makeRegister(head);
  const trusted: RegisterInput = {
    zones: zonesAt(2), systems: sys(false, false, 'lan'),
    links: headRegister.links.filter((l) => !l.implicit).map((l) => {
      const before = baseById.get(l.id) ?? [];
      return { ...l, via: l.via.some((g) => !before.includes(g)) ? [...before] : l.via };
    }),
  };
  return { base, head, trusted };
}

/** Nodes reachable from `from` (itself included) over usable arcs, by plain BFS. */
function reach(register: Register, from: string, forward: boolean, gateways: ReadonlySet<string>): Set<string> {
  const arcs: [string, string][] = [];
  for (const link of register.links) {
    if (gateways.has(link.from) || gateways.has(link.to) || link.via.some((g) => gateways.has(g))) continue;
    arcs.push([link.from, link.to]);
    if (link.bidirectional) arcs.push([link.to, link.from]);
  }
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const [a, b] of arcs) {
      const [x, y] = forward ? [a, b] : [b, a];
      if (x === node && !seen.has(y)) { seen.add(y); queue.push(y); }
    }
  }
  return seen;
}

/** Links of the head added or changed since the base (by id), checked on each evaluation's own copy of the link. */
function oracleRiskyLinks(base: Register, head: Register, evaluations: { register: Register; findings: readonly Finding[] }[]): string[] {
  const before = new Map(base.links.map((l) => [l.id, linkSignature(l)]));
  const changed = new Set(head.links.filter((l) => before.get(l.id) !== linkSignature(l)).map((l) => l.id));
  const found = new Set<string>();
  for (const { register, findings } of evaluations) {
    const rule = register.config.segmentation[0];
    const gateways = new Set(rule.allow_via);
    const trust = (id: string) => register.zones.get(id === 'internet' ? 'internet' : register.systems.get(id)?.zone ?? '')?.trust ?? 0;
    const zoneOf = (id: string) => (id === 'internet' ? 'internet' : register.systems.get(id)?.zone ?? '');
    for (const finding of findings) {
      if (finding.rule !== 'unsegmented-path' || finding.status !== 'open') continue;
      const [, source, zone] = finding.subjects;
      const fromSource = reach(register, source, true, gateways);
      for (const link of register.links) {
        if (!changed.has(link.id)) continue;
        if (gateways.has(link.from) || gateways.has(link.to) || link.via.some((g) => gateways.has(g))) continue;
        const arcs: [string, string][] = link.bidirectional ? [[link.from, link.to], [link.to, link.from]] : [[link.from, link.to]];
        for (const [u, v] of arcs) {
          if (!fromSource.has(u)) continue;
          const targets = [...reach(register, v, true, gateways)].filter((t) => t !== source && zoneOf(t) === zone && trust(t) >= 3 && !gateways.has(t));
          if (targets.length > 0) found.add(link.id);
        }
      }
    }
  }
  return [...found].sort();
}

describe('judgeChange against a brute-force oracle', () => {
  it('gives every category as SPEC §4.1 defines it, on random changes of links and trust claims', () => {
    const link = fc.record({
      from: fc.constantFrom(...NODES), to: fc.constantFrom(...NODES), port: fc.constantFrom(undefined, 22, 445),
      protocol: fc.constantFrom('https', 'ldap', 'smb'), auth: fc.constantFrom('none' as const, 'password' as const, 'mfa' as const),
      bidirectional: fc.boolean(), via: fc.constantFrom<string[]>([], ['fw']),
    }).filter((l) => l.from !== l.to);
    const links = fc.uniqueArray(link, { maxLength: 7, selector: (l) => `${l.from}-${l.to}-${l.port}` });
    // Half the changes keep the base's links and add some, so that known findings get new ways in (worsened, risky).
    const anyCase = fc.record({
      baseLinks: links, extraLinks: links, keepBase: fc.boolean(), lanTrust: fc.constantFrom<1 | 2 | 3>(1, 2, 2, 3), fsGateway: fc.boolean(),
      dcRedundant: fc.boolean(), wksZone: fc.constantFrom<'lan' | 'adm' | 'guest'>('lan', 'lan', 'adm', 'guest'),
    }).map(({ extraLinks, keepBase, ...rest }) => {
      const key = (l: { from: string; to: string; port?: number }) => `${l.from}-${l.to}-${l.port}`;
      const kept = keepBase ? rest.baseLinks : [];
      return { ...rest, headLinks: [...kept, ...extraLinks.filter((l) => !kept.some((k) => key(k) === key(l)))] };
    });
    const seen = { new: 0, worsened: 0, hidden: 0, risky: 0, fixed: 0 };
    fc.assert(fc.property(anyCase, (c) => {
      const { base, head, trusted } = inputs(c);
      const [r1, r2, r3] = [base, head, trusted].map((i) => makeRegister(i));
      const [f1, f2, f3] = [r1, r2, r3].map((r) => runScan(r, { today: TODAY }).findings);
      const { compared } = judgeChange(r1, r2, { today: TODAY, policyFrom: 'base', ref: REF });
      const b = new Map(f1.map((f) => [f.id, f]));
      const h = new Map(f2.map((f) => [f.id, f]));
      const t = new Map(f3.map((f) => [f.id, f]));
      const higher = (x: Finding | undefined, y: Finding | undefined) => x !== undefined && y !== undefined && severityRank(x.severity) < severityRank(y.severity);
      const changedLinks = new Set(r2.links.filter((l) => new Map(r1.links.map((x) => [x.id, linkSignature(x)])).get(l.id) !== linkSignature(l)).map((l) => l.id));
      const expected = new Map<string, string>();
      for (const [id, finding] of h) {
        if (!b.has(id)) expected.set(id, 'new');
        else if (higher(finding, b.get(id)) || (finding.links ?? []).some((l) => changedLinks.has(l))) expected.set(id, 'worsened');
        else if (higher(t.get(id), finding)) expected.set(id, 'hidden');
        else expected.set(id, 'unchanged');
      }
      for (const id of t.keys()) if (!h.has(id)) expected.set(id, 'hidden');
      expect(new Map(compared.findings.map((f) => [f.id, f.change]))).toEqual(expected);
      expect(compared.findings.every((f) => f.new === (f.change !== 'unchanged'))).toBe(true);
      expect(compared.comparison.fixed.map((f) => f.id)).toEqual([...b.keys()].filter((id) => !h.has(id) && !t.has(id)).sort());
      for (const hidden of compared.comparison.hidden) expect(hidden.claims.length).toBeGreaterThan(0);
      const claims = c.lanTrust !== 2 || c.fsGateway || c.dcRedundant || c.wksZone !== 'lan'
        || r2.links.some((l) => l.via.length > 0 && (r1.links.find((x) => x.id === l.id)?.via.length ?? 0) === 0);
      const risky = oracleRiskyLinks(r1, r2, claims ? [{ register: r2, findings: f2 }, { register: r3, findings: f3 }] : [{ register: r2, findings: f2 }]);
      expect(compared.comparison.newRiskyLinks.map((l) => l.id)).toEqual(risky);
      seen.new += [...expected.values()].includes('new') ? 1 : 0;
      seen.worsened += [...expected.values()].includes('worsened') ? 1 : 0;
      seen.hidden += [...expected.values()].includes('hidden') ? 1 : 0;
      seen.risky += risky.length > 0 ? 1 : 0;
      seen.fixed += compared.comparison.fixed.length > 0 ? 1 : 0;
    }), { numRuns: 300 });
    for (const [category, count] of Object.entries(seen)) expect(count, category).toBeGreaterThan(5);
  });
});

describe('judgeChange with a base policy that names what the head removed', () => {
  it('judges without failing: unknown zones, systems and gateways in the base policy simply match nothing', () => {
    const rule = { id: 'p', from: { zones: ['guest'], systems: ['guest-ap'] }, to: { zones: ['adm'] }, allow_via: ['fw'], severity: 'critical' as const };
    const base: RegisterInput = { zones, systems: [...systems, { id: 'fw', zone: 'lan', kind: 'firewall' }], segmentation: [rule],
      links: [{ from: 'guest-ap', to: 'fw' }, { from: 'fw', to: 'dc' }] };
    const head: RegisterInput = { zones: zones.filter((z) => z.id !== 'guest'), systems: systems.filter((s) => s.zone !== 'guest'),
      links: [{ from: 'wks', to: 'dc', auth: 'mfa' }] };
    const { compared } = judge(base, head);
    expect(compared.comparison.policyChanges).toEqual([expect.objectContaining({ kind: 'segmentation', subject: 'p', weakens: true })]);
    expect(compared.comparison.newRiskyLinks).toEqual([]);
  });
});
