// `path FROM TO` analysis: hops, steps, gateways, crossings and policy verdicts on hand-made registers, then
// property tests on random small registers against brute force: the path is the lexicographically smallest shortest
// path over every link, each verdict follows the SPEC §2.2 definition, and the rule's unsegmented path is exactly the
// witness `scan` reports.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../src/graph/attack-graph.js';
import { findUnsegmentedPaths } from '../../src/graph/unsegmented-paths.js';
import { explainPath } from '../../src/explore/path-explanation.js';
import type { PathTarget } from '../../src/explore/lookup.js';
import { lookupNode, parseTarget, UnknownNameError } from '../../src/explore/lookup.js';
import type { Register } from '../../src/register/types.js';
import { makeRegister } from '../helpers/make-register.js';
import type { RegisterInput } from '../helpers/make-register.js';
import { registerInputArb } from '../graph/segmentation/random-register.js';
import { lexicographicShortestPath, nodeIds, oracleArcs, oracleMatches, oraclePruning } from '../graph/segmentation/oracle.js';

const ZONES: RegisterInput['zones'] = [
  { id: 'parking', trust: 1 }, { id: 'services', trust: 2 }, { id: 'admin', trust: 4 }, { id: 'dmz', trust: 2 },
];

function explain(register: Register, from: string, to: string) {
  const graph = buildAttackGraph(register);
  return explainPath(register, graph, lookupNode(register, graph, from), parseTarget(register, graph, to));
}

describe('explainPath on hand-made registers', () => {
  const city = makeRegister({
    zones: ZONES,
    vendors: [{ id: 'parkco', name: 'ParkCo' }, { id: 'rempart' }],
    systems: [
      { id: 'parking-app', name: 'Parking', zone: 'parking' },
      { id: 'fs-01', zone: 'services', kind: 'server' },
      { id: 'ad-dc', zone: 'admin', kind: 'identity' },
      { id: 'siem', zone: 'admin' },
      { id: 'bastion', zone: 'admin', kind: 'jump-host' },
      { id: 'fw', zone: 'dmz', kind: 'firewall' },
    ],
    links: [
      { from: 'parking-app', to: 'fs-01', protocol: 'smb', port: 445, auth: 'password' },
      { from: 'fs-01', to: 'siem', port: 6514 },
      { from: 'fs-01', to: 'ad-dc', protocol: 'ldap', port: 389, auth: 'password' },
      { from: 'parkco', to: 'parking-app', kind: 'remote-access', auth: 'password' },
      { from: 'rempart', to: 'bastion', kind: 'remote-access', auth: 'mfa', on_demand: true },
      { from: 'bastion', to: 'ad-dc', auth: 'mfa' },
    ],
    segmentation: [{ id: 'parking-never-admin', from: { zones: ['parking'] }, to: { zones: ['admin'] }, allow_via: [], severity: 'critical' }],
  });

  it('shows the parking app reaching the admin zone through the file server, with both rules forbidding it', () => {
    const e = explain(city, 'parking-app', 'zone:admin');
    expect(e.hops.map((h) => h.id)).toEqual(['parking-app', 'fs-01', 'ad-dc']);
    expect(e.hops.map((h) => [h.zone, h.trust, h.kind, h.crossing, h.gateway])).toEqual([
      ['parking', 1, 'application', false, false], ['services', 2, 'server', true, false], ['admin', 4, 'identity', true, false],
    ]);
    expect(e.hops[0].name).toBe('Parking');
    expect(e.steps.map((s) => [s.link, s.protocol, s.port, s.auth, s.encrypted])).toEqual([
      ['parking-app-to-fs-01-445', 'smb', 445, 'password', true], ['fs-01-to-ad-dc-389', 'ldap', 389, 'password', false],
    ]);
    expect(e.gateways).toEqual([]);
    expect(e.crossings).toBe(2);
    expect(e.policies.map((p) => [p.rule.id, p.forbidsPath, p.endMatches])).toEqual([
      ['low-trust-to-sensitive', true, true], ['parking-never-admin', true, true],
    ]);
    expect(e.policies[0].unsegmented).toEqual({ nodes: ['parking-app', 'fs-01', 'ad-dc'], links: ['parking-app-to-fs-01-445', 'fs-01-to-ad-dc-389'] });
    expect(e.unconcernedPolicies).toBe(0);
  });

  it('marks the bastion as a gateway and finds no rule broken for a vendor that comes through it', () => {
    const e = explain(city, 'rempart', 'ad-dc');
    expect(e.hops.map((h) => [h.id, h.gateway])).toEqual([['rempart', false], ['bastion', true], ['ad-dc', false]]);
    expect(e.gateways).toEqual(['bastion']);
    expect(e.policies).toHaveLength(1);
    expect(e.policies[0]).toMatchObject({ forbidsPath: false, endMatches: true, allowedGatewaysOnPath: ['bastion'] });
    expect(e.policies[0].unsegmented).toBeUndefined();
    expect(e.unconcernedPolicies).toBe(1);
  });

  it('treats a link through an allowed gateway (`via`) as gated, and marks the gateway', () => {
    const register = makeRegister({
      zones: ZONES,
      vendors: [{ id: 'v' }],
      systems: [{ id: 'fw', zone: 'dmz', kind: 'firewall' }, { id: 'db', zone: 'admin' }, { id: 'app', zone: 'services', kind: 'waf', enforcement: false }],
      links: [{ from: 'v', to: 'db', via: ['fw', 'app'] }],
    });
    const e = explain(register, 'v', 'db');
    expect(e.steps[0]).toMatchObject({ via: ['fw', 'app'], viaGateways: ['fw'] });
    expect(e.gateways).toEqual(['fw']);
    expect(e.policies[0]).toMatchObject({ forbidsPath: false, allowedGatewaysOnPath: ['fw'] });
  });

  it('shows the real shortest path through a gateway, and still reports a longer unsegmented one', () => {
    const register = makeRegister({
      zones: ZONES,
      systems: [
        { id: 'p', zone: 'parking' }, { id: 'fw', zone: 'dmz', kind: 'firewall' }, { id: 's1', zone: 'services' },
        { id: 's2', zone: 'services' }, { id: 'dc', zone: 'admin' },
      ],
      links: [{ from: 'p', to: 'fw' }, { from: 'fw', to: 'dc' }, { from: 'p', to: 's1' }, { from: 's1', to: 's2' }, { from: 's2', to: 'dc' }],
    });
    const e = explain(register, 'p', 'zone:admin');
    expect(e.hops.map((h) => h.id)).toEqual(['p', 'fw', 'dc']);
    expect(e.policies[0]).toMatchObject({ forbidsPath: false, allowedGatewaysOnPath: ['fw'] });
    expect(e.policies[0].unsegmented?.nodes).toEqual(['p', 's1', 's2', 'dc']);
  });

  it('says the path is not forbidden when its end does not match `to`, while another node of the zone does', () => {
    const register = makeRegister({
      zones: ZONES,
      builtin: false,
      systems: [{ id: 'p', zone: 'parking' }, { id: 'a', zone: 'admin' }, { id: 'b', zone: 'admin', data: 'restricted' }, { id: 's', zone: 'services' }],
      links: [{ from: 'p', to: 'a' }, { from: 'p', to: 's' }, { from: 's', to: 'b' }],
      segmentation: [{ id: 'no-restricted', from: { zones: ['parking'] }, to: { data_min: 'restricted' } }],
    });
    const e = explain(register, 'p', 'zone:admin');
    expect(e.hops.map((h) => h.id)).toEqual(['p', 'a']);
    expect(e.policies[0]).toMatchObject({ forbidsPath: false, endMatches: false });
    expect(e.policies[0].unsegmented?.nodes).toEqual(['p', 's', 'b']);
  });

  it('takes a bidirectional link backwards and says so', () => {
    const register = makeRegister({
      zones: ZONES,
      systems: [{ id: 'a', zone: 'services' }, { id: 'b', zone: 'admin' }],
      links: [{ id: 'b-a', from: 'b', to: 'a', bidirectional: true }],
    });
    const e = explain(register, 'a', 'b');
    expect(e.steps[0]).toMatchObject({ link: 'b-a', from: 'a', to: 'b', reversed: true });
  });

  it('reports no path to the start itself, nor to an unreachable node', () => {
    expect(explain(city, 'ad-dc', 'ad-dc').hops).toEqual([]);
    const e = explain(city, 'ad-dc', 'parking-app');
    expect(e.hops).toEqual([]);
    expect(e.steps).toEqual([]);
    expect(e.policies).toEqual([]);
  });

  it('gives the rules a gateway start never concerns', () => {
    const e = explain(city, 'bastion', 'zone:admin');
    expect(e.hops.map((h) => h.id)).toEqual(['bastion', 'ad-dc']);
    expect(e.policies).toEqual([]);
  });

  it('includes the implicit internet edge', () => {
    const register = makeRegister({ zones: ZONES, systems: [{ id: 'w', zone: 'dmz', internet_facing: true }] });
    const e = explain(register, 'internet', 'w');
    expect(e.steps[0]).toMatchObject({ link: 'internet-to-w', implicit: true });
    expect(e.hops[0]).toMatchObject({ id: 'internet', kind: 'internet', zone: 'internet', trust: 0 });
  });
});

describe('name lookup', () => {
  const register = makeRegister({ zones: ZONES, systems: [{ id: 'parking-app', zone: 'parking' }, { id: 'constructor', zone: 'admin' }] });
  const graph = buildAttackGraph(register);

  it('resolves node ids (constructor included) and zone targets', () => {
    expect(graph.nodeIds[lookupNode(register, graph, 'constructor')]).toBe('constructor');
    expect(parseTarget(register, graph, 'zone:admin')).toEqual({ kind: 'zone', zone: 'admin' });
    expect(parseTarget(register, graph, 'parking-app')).toMatchObject({ kind: 'node', id: 'parking-app' });
  });

  it.each([
    ['parkng-app', /unknown node 'parkng-app' \(did you mean 'parking-app'\?\)/],
    ['admin', /unknown node 'admin' \(did you mean 'zone:admin'\?\)/],
    ['zone:admn', /unknown zone 'admn' \(did you mean 'zone:admin'\?\)/],
    ['zone:toString', /unknown zone 'toString'/],
    ['__proto__', /unknown node '__proto__'/],
  ])('rejects %j with a suggestion', (text, message) => {
    expect(() => parseTarget(register, graph, text)).toThrow(UnknownNameError);
    expect(() => parseTarget(register, graph, text)).toThrow(message);
  });

  it('says when a node argument names a zone', () => {
    expect(() => lookupNode(register, graph, 'admin')).toThrow(/'admin' is a zone, not a node/);
    expect(() => lookupNode(register, graph, 'zone:admin')).toThrow(/'zone:admin' names a zone; a node is needed here/);
  });
});

describe('explainPath against brute force', () => {
  const zoneOf = (register: Register, id: string) => register.systems.get(id)?.zone ?? register.vendors.get(id)?.zone ?? 'internet';

  it('finds the lexicographically smallest shortest path over every link, and judges each rule as SPEC §2.2 says', () => {
    const stats = { paths: 0, forbidden: 0, gated: 0, endMismatch: 0, hiddenUnsegmented: 0 };
    fc.assert(fc.property(registerInputArb({ minNodes: 3, maxLinks: 10 }), (input) => {
      const register = makeRegister(input);
      const graph = buildAttackGraph(register);
      const targets = [...graph.nodeIds, ...[...register.zones.keys()].map((z) => `zone:${z}`)];
      for (const from of graph.nodeIds) for (const to of targets) checkPair(register, from, to, stats);
    }), { numRuns: 150 });
    // The generator must reach every branch of a verdict, not only the easy ones.
    expect(stats.paths).toBeGreaterThan(1000);
    expect(stats.forbidden).toBeGreaterThan(100);
    expect(stats.gated).toBeGreaterThan(10);
    expect(stats.endMismatch).toBeGreaterThan(3);
    expect(stats.hiddenUnsegmented).toBeGreaterThan(3);
  });

  function checkPair(register: Register, from: string, to: string, stats: Record<string, number>) {
    const graph = buildAttackGraph(register);
    const target: PathTarget = parseTarget(register, graph, to);
    const inTarget = (id: string) => (target.kind === 'zone' ? zoneOf(register, id) === target.zone : id === target.id);
    const e = explainPath(register, graph, lookupNode(register, graph, from), target);

    const allArcs = oracleArcs(register, new Set(), new Set());
    const path = lexicographicShortestPath(allArcs, from, (id) => id !== from && inTarget(id));
    expect(e.hops.map((h) => h.id)).toEqual(path?.nodes ?? []);
    expect(e.steps.map((s) => s.link)).toEqual(path?.links ?? []);
    if (path !== undefined) stats.paths++;
    e.hops.forEach((hop, i) => {
      expect(hop.trust).toBe(register.zones.get(hop.zone)?.trust);
      expect(hop.gateway).toBe(register.systems.get(hop.id)?.enforcement === true);
      expect(hop.crossing).toBe(i > 0 && hop.trust > e.hops[i - 1].trust);
      if (i > 0) expect([e.steps[i - 1].from, e.steps[i - 1].to]).toEqual([e.hops[i - 1].id, hop.id]);
    });

    let concerned = 0;
    for (const rule of register.config.segmentation) {
      const { removedNodes, blocked } = oraclePruning(register, rule.allow_via);
      const isTarget = (id: string) => id !== from && !removedNodes.has(id) && inTarget(id) && oracleMatches(register, id, rule.to);
      const applies = !removedNodes.has(from) && oracleMatches(register, from, rule.from) && nodeIds(register).some(isTarget);
      const verdict = e.policies.find((p) => p.rule.id === rule.id);
      expect(verdict !== undefined, rule.id).toBe(applies);
      if (verdict === undefined) continue;
      concerned++;
      const gated = path !== undefined && (path.nodes.some((id) => rule.allow_via.includes(id))
        || path.links.some((l) => register.links.find((k) => k.id === l)!.via.some((g) => rule.allow_via.includes(g))));
      const endMatches = path !== undefined && isTarget(path.nodes[path.nodes.length - 1]);
      expect(verdict.endMatches, rule.id).toBe(endMatches);
      expect(verdict.forbidsPath, rule.id).toBe(path !== undefined && endMatches && !gated);

      const prunedArcs = oracleArcs(register, removedNodes, blocked);
      const unsegmented = lexicographicShortestPath(prunedArcs, from, isTarget);
      expect(verdict.unsegmented?.nodes, rule.id).toEqual(unsegmented?.nodes);
      expect(verdict.unsegmented?.links, rule.id).toEqual(unsegmented?.links);
      // A forbidden path is itself the rule's shortest unsegmented path.
      if (verdict.forbidsPath) expect(verdict.unsegmented).toEqual({ nodes: path!.nodes, links: path!.links });
      // For a zone, the unsegmented path is the witness `scan` reports for (rule, from, zone).
      if (target.kind === 'zone') {
        const violation = findUnsegmentedPaths(register, graph, rule).violations
          .find((v) => graph.nodeIds[v.source] === from && v.zone === target.zone);
        expect(violation?.pathNodes.map((v) => graph.nodeIds[v]), rule.id).toEqual(verdict.unsegmented?.nodes);
      }
      if (verdict.forbidsPath) stats.forbidden++;
      if (gated) stats.gated++;
      if (path !== undefined && !endMatches) stats.endMismatch++;
      if (!verdict.forbidsPath && unsegmented !== undefined) stats.hiddenUnsegmented++;
    }
    expect(e.unconcernedPolicies).toBe(register.config.segmentation.length - concerned);
  }
});
