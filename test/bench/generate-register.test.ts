import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRegister, REFERENCE_DATE } from '../../src/bench/generate-register.js';
import type { GeneratedFile, RegisterSize } from '../../src/bench/generate-register.js';
import { resolveRegisterSize } from '../../src/bench/register-size.js';
import { checkGenerated } from './check-generated.js';
import { linkIdOf, readGenerated } from './read-generated.js';
import type { ReadRegister } from './read-generated.js';

const SMALL: RegisterSize = { systems: 220, vendors: 20, links: 800, zones: 9, files: 16 };

const generate = (size: RegisterSize | 'S' | 'M' | 'L', seed?: number): GeneratedFile[] => [...generateRegister({ size, seed })];

/** Longest `depends_on` chain among systems, in edges; -1 when there is a cycle (Kahn's algorithm, no recursion). */
function dependencyDepth(register: ReadRegister): number {
  const ids = register.systems.map((s) => String(s.id));
  const index = new Map(ids.map((id, i) => [id, i]));
  const edges: number[][] = ids.map(() => []);
  const indegree = ids.map(() => 0);
  register.systems.forEach((s, i) => {
    for (const dep of (s.depends_on as unknown[] | undefined) ?? []) {
      const members = typeof dep === 'object' && dep !== null ? (dep as { any_of: string[] }).any_of : [String(dep)];
      for (const m of members) {
        const j = index.get(m);
        if (j === undefined) continue;
        edges[i].push(j);
        indegree[j]++;
      }
    }
  });
  const depth = ids.map(() => 0);
  const queue = ids.map((_, i) => i).filter((i) => indegree[i] === 0);
  let seen = 0;
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head];
    seen++;
    for (const j of edges[i]) {
      depth[j] = Math.max(depth[j], depth[i] + 1);
      if (--indegree[j] === 0) queue.push(j);
    }
  }
  return seen === ids.length ? Math.max(0, ...depth) : -1;
}

describe('generateRegister: determinism', () => {
  it('gives byte-identical files for the same seed, and different ones for another seed', () => {
    const a = generate('S', 7);
    const b = generate('S', 7);
    expect(b).toEqual(a);
    const c = generate('S', 8);
    expect(c.map((f) => f.content)).not.toEqual(a.map((f) => f.content));
  });

  it('defaults to seed 1', () => {
    expect(generate(SMALL)).toEqual(generate(SMALL, 1));
  });
});

describe('generateRegister: size S', () => {
  const files = generate('S');
  const register = readGenerated(files);

  it('is sound: every file parses, ids are unique and valid, every reference resolves', () => {
    expect(checkGenerated(register)).toEqual([]);
  });

  it('has the SPEC §6 counts', () => {
    expect(register.systems).toHaveLength(1000);
    expect(register.vendors).toHaveLength(100);
    expect(register.links).toHaveLength(5000);
    expect(register.zones.length + 2).toBe(8);
    expect(files.length).toBeGreaterThanOrEqual(45);
    expect(files.length).toBeLessThanOrEqual(55);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
  });

  it('spreads entities like a team: a file per important vendor, zone chunks of systems and links', () => {
    const paths = files.map((f) => f.path);
    expect(paths.filter((p) => p === 'sidedoor.yaml' || p === 'zones.yaml' || p === 'acceptances.yaml')).toHaveLength(3);
    expect(paths.filter((p) => /^vendors\/[a-z0-9-]+\.yaml$/.test(p)).length).toBeGreaterThan(5);
    expect(paths.filter((p) => /^systems\/[a-z0-9-]+-\d{2,}\.yaml$/.test(p)).length).toBeGreaterThan(5);
    expect(paths.filter((p) => /^links\/[a-z0-9-]+-\d{2,}\.yaml$/.test(p)).length).toBeGreaterThan(5);
    const withSystems = register.systems.filter((s) => String(s.__file).startsWith('vendors/'));
    expect(withSystems.length).toBeGreaterThan(0);
    for (const s of withSystems) expect(String(s.__file)).toBe(`vendors/${String(s.vendor)}.yaml`);
  });

  it('looks like a real register: every trust level, gateways, legacy and exposed systems, any_of, redundancy', () => {
    const trusts = new Set([0, 1, ...register.zones.map((z) => z.trust as number)]);
    expect([...trusts].sort()).toEqual([0, 1, 2, 3, 4]);
    const kinds = new Set(register.systems.map((s) => s.kind ?? 'application'));
    for (const kind of ['firewall', 'jump-host', 'waf', 'vpn-gateway', 'proxy', 'identity', 'database', 'messaging', 'saas', 'ot-device', 'workstation']) {
      expect(kinds).toContain(kind);
    }
    expect(register.systems.some((s) => s.internet_facing === true)).toBe(true);
    expect(register.systems.filter((s) => typeof s.end_of_support === 'string' && s.end_of_support <= REFERENCE_DATE).length).toBeGreaterThan(3);
    expect(register.systems.filter((s) => s.redundant === true).length).toBeGreaterThan(3);
    const deps = register.systems.flatMap((s) => (s.depends_on as unknown[] | undefined) ?? []);
    expect(deps.some((d) => typeof d === 'string')).toBe(true);
    expect(deps.some((d) => typeof d === 'object')).toBe(true);
    const bulkUnprotected = register.systems.filter((s) => (s.records as number) >= 10000
      && (s.data === 'confidential' || s.data === 'restricted')
      && (s.controls as Record<string, boolean> | undefined)?.rate_limit !== true);
    expect(bulkUnprotected.length).toBeGreaterThan(0);
  });

  it('keeps dependencies wide and shallow: acyclic, no chain longer than three', () => {
    const depth = dependencyDepth(register);
    expect(depth).toBeGreaterThanOrEqual(1);
    expect(depth).toBeLessThanOrEqual(3);
  });

  it('mixes link kinds, gateways and authentication', () => {
    const byKind = (kind: string) => register.links.filter((l) => (l.kind ?? 'network') === kind);
    expect(byKind('network').length).toBeGreaterThan(4000);
    const remote = byKind('remote-access');
    expect(remote.some((l) => l.auth === 'mfa' && l.on_demand === true)).toBe(true);
    expect(remote.some((l) => l.auth !== 'mfa' || l.on_demand !== true)).toBe(true);
    expect(remote.some((l) => l.via !== undefined) && remote.some((l) => l.via === undefined)).toBe(true);
    const systemsKind = new Map(register.systems.map((s) => [String(s.id), String(s.kind ?? 'application')]));
    const credential = byKind('credential');
    expect(credential.length).toBeGreaterThanOrEqual(3);
    expect(credential.some((l) => systemsKind.get(String(l.from)) === 'messaging')).toBe(true);
    expect(register.links.some((l) => Array.isArray(l.via))).toBe(true);
    expect(register.links.some((l) => l.bidirectional === true)).toBe(true);
    expect(register.links.some((l) => typeof l.id === 'string')).toBe(true);
    expect(new Set(register.links.map((l) => l.auth ?? 'none'))).toEqual(new Set(['none', 'password', 'key', 'certificate', 'mfa']));
    expect(new Set(register.links.map((l) => l.protocol)).size).toBeGreaterThan(10);
  });

  it('has vendors with hygiene gaps relative to the reference date, and shared fourth parties', () => {
    const contracts = register.vendors.map((v) => (v.contract as { end?: string } | undefined)?.end);
    expect(contracts.some((end) => end !== undefined && end < REFERENCE_DATE)).toBe(true);
    expect(contracts.some((end) => end !== undefined && end >= REFERENCE_DATE && end <= '2027-03-06')).toBe(true);
    expect(register.vendors.some((v) => v.tier === 'critical' && v.substitutability === 'none' && v.exit_plan !== true)).toBe(true);
    expect(register.vendors.some((v) => (v.assessments as { result: string }[] | undefined)?.at(-1)?.result === 'fail')).toBe(true);
    expect(register.vendors.some((v) => (v.tier === 'critical' || v.tier === 'high')
      && !((v.contacts as { role: string }[] | undefined) ?? []).some((c) => c.role === 'security'))).toBe(true);
    const shared = new Map<string, number>();
    for (const v of register.vendors) for (const s of (v.subprocessors as string[] | undefined) ?? []) shared.set(s, (shared.get(s) ?? 0) + 1);
    expect(Math.max(...shared.values())).toBeGreaterThan(5);
  });

  it('writes sidedoor.yaml with a policy and review settings, and a few acceptances', () => {
    expect(register.settings.version).toBe(1);
    expect(typeof register.settings.organization).toBe('string');
    const rules = (register.settings.policy as { segmentation: unknown[] }).segmentation;
    expect(rules.length).toBeGreaterThanOrEqual(2);
    expect(rules.length).toBeLessThanOrEqual(3);
    expect(register.settings.review).toBeDefined();
    expect(register.acceptances.length).toBeGreaterThanOrEqual(3);
    expect(register.acceptances.some((a) => String(a.expires) < REFERENCE_DATE)).toBe(true);
  });
});

describe('generateRegister: any seed, custom sizes', () => {
  it('is sound and exact in its counts for every seed', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (seed) => {
      const files = generate(SMALL, seed);
      const register = readGenerated(files);
      expect(checkGenerated(register)).toEqual([]);
      expect(register.systems).toHaveLength(SMALL.systems);
      expect(register.vendors).toHaveLength(SMALL.vendors);
      expect(register.links).toHaveLength(SMALL.links);
      expect(register.zones.length + 2).toBe(SMALL.zones);
      expect(new Set(register.links.map(linkIdOf)).size).toBe(SMALL.links);
    }), { numRuns: 25 });
  });

  it('scales every count independently', () => {
    for (const size of [
      { systems: 150, vendors: 12, links: 300, zones: 8, files: 8 },
      { systems: 400, vendors: 200, links: 4000, zones: 26, files: 40 },
      { systems: 3000, vendors: 60, links: 9000, zones: 14, files: 120 },
    ]) {
      const register = readGenerated(generate(size, 3));
      expect(checkGenerated(register)).toEqual([]);
      expect([register.systems.length, register.vendors.length, register.links.length, register.zones.length + 2])
        .toEqual([size.systems, size.vendors, size.links, size.zones]);
    }
  });

  it('rejects sizes it cannot honour, and bad seeds', () => {
    expect(() => resolveRegisterSize({ ...SMALL, systems: 10 })).toThrow(/systems/);
    expect(() => resolveRegisterSize({ ...SMALL, links: 100 })).toThrow(/links/);
    expect(() => resolveRegisterSize({ ...SMALL, zones: 3 })).toThrow(/zones/);
    expect(() => resolveRegisterSize({ ...SMALL, vendors: 1.5 })).toThrow(/vendors/);
    expect(() => resolveRegisterSize('XL' as 'S')).toThrow(/S, M or L/);
    expect(() => generate(SMALL, -1)).toThrow(/seed/);
    expect(() => generate(SMALL, 0.5)).toThrow(/seed/);
  });
});

describe('the structural checker', () => {
  it('notices unknown keys, duplicate ids and dangling references', () => {
    const files = generate(SMALL, 5);
    const edited = files.map((f) => ({
      ...f,
      content: f.path.startsWith('links/')
        ? f.content.replace(/to: ([a-z0-9-]+),/, 'to: nowhere-01, colour: red,')
        : f.path === 'zones.yaml' ? `${f.content}  - id: office\n    trust: 2\n` : f.content,
    }));
    const problems = checkGenerated(readGenerated(edited));
    expect(problems.some((p) => p.includes('unknown key colour'))).toBe(true);
    expect(problems.some((p) => p.includes('to nowhere-01 is not a node'))).toBe(true);
    expect(problems.some((p) => p.includes('zone office is defined twice'))).toBe(true);
  });
});
