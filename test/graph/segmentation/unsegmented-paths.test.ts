import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import { findUnsegmentedPaths } from '../../../src/graph/unsegmented-paths.js';
import type { Register, SegmentationRule } from '../../../src/register/types.js';
import { makeRegister } from '../../helpers/make-register.js';

function run(register: Register, ruleId: string) {
  const graph = buildAttackGraph(register);
  const rule = register.config.segmentation.find((r) => r.id === ruleId) as SegmentationRule;
  const result = findUnsegmentedPaths(register, graph, rule);
  return {
    violations: result.violations.map((v) => ({
      source: graph.nodeIds[v.source], zone: v.zone,
      path: v.pathNodes.map((n) => graph.nodeIds[n]),
      links: [...v.supplyEdges.map((e) => graph.supply.ids[e]), ...v.pathLinks.map((l) => graph.links[l].id)],
    })),
    cut: result.cut.map((l) => graph.links[l].id),
  };
}

const city = () => makeRegister({
  zones: [{ id: 'parking', trust: 1 }, { id: 'office', trust: 2 }, { id: 'admin', trust: 4 }],
  vendors: [{ id: 'parkco' }],
  systems: [
    { id: 'parking-app', zone: 'parking', vendor: 'parkco', internet_facing: true },
    { id: 'fs-01', zone: 'office' },
    { id: 'ad-dc', zone: 'admin' },
    { id: 'fw-01', zone: 'office', kind: 'firewall' },
    { id: 'pki', zone: 'admin' },
  ],
  links: [
    { from: 'parkco', to: 'parking-app', kind: 'remote-access' },
    { from: 'parking-app', to: 'fs-01', port: 445 },
    { from: 'fs-01', to: 'ad-dc', port: 389 },
    { from: 'fs-01', to: 'pki', port: 443 },
    { from: 'parking-app', to: 'fw-01' },
    { from: 'fw-01', to: 'ad-dc', port: 636 },
  ],
});

describe('findUnsegmentedPaths', () => {
  it('reports each low-trust source reaching the admin zone, sorted by id, with a shortest witness and a one-link cut', () => {
    const result = run(city(), 'low-trust-to-sensitive');
    expect(result.violations).toEqual([
      { source: 'internet', zone: 'admin', path: ['internet', 'parking-app', 'fs-01', 'ad-dc'],
        links: ['internet-to-parking-app', 'parking-app-to-fs-01-445', 'fs-01-to-ad-dc-389'] },
      // parkco supplies parking-app, so its witness starts there: the supply hop is shown, not counted.
      { source: 'parkco', zone: 'admin', path: ['parkco', 'parking-app', 'fs-01', 'ad-dc'],
        links: ['parkco-supplies-parking-app', 'parking-app-to-fs-01-445', 'fs-01-to-ad-dc-389'] },
      { source: 'parking-app', zone: 'admin', path: ['parking-app', 'fs-01', 'ad-dc'],
        links: ['parking-app-to-fs-01-445', 'fs-01-to-ad-dc-389'] },
    ]);
    // The route through the firewall is allowed; one cut link closes all three.
    expect(result.cut).toEqual(['parking-app-to-fs-01-445']);
  });

  it('treats allowed gateways as absent and links routed via them as acceptable', () => {
    const base = city();
    const viaFirewall = makeRegister({
      zones: [{ id: 'parking', trust: 1 }, { id: 'admin', trust: 4 }],
      systems: [
        { id: 'parking-app', zone: 'parking' }, { id: 'ad-dc', zone: 'admin' },
        { id: 'fw-01', zone: 'admin', kind: 'firewall' },
      ],
      links: [{ from: 'parking-app', to: 'ad-dc', via: ['fw-01'] }, { from: 'parking-app', to: 'fw-01' }],
    });
    // fw-01 sits in a trust-4 zone but, as an allowed gateway, it is not a target either.
    expect(run(viaFirewall, 'low-trust-to-sensitive').violations).toEqual([]);
    expect(run(base, 'low-trust-to-sensitive').violations.every((v) => !v.path.includes('fw-01'))).toBe(true);
  });

  it('never makes a source its own target, but lets it reach another target in its own zone', () => {
    const register = makeRegister({
      builtin: false,
      zones: [{ id: 'lab', trust: 2 }],
      systems: [{ id: 'a', zone: 'lab' }, { id: 'b', zone: 'lab' }, { id: 'c', zone: 'lab' }],
      links: [{ from: 'a', to: 'b', bidirectional: true }, { from: 'c', to: 'c' }],
      segmentation: [{ id: 'lab-isolated', from: { zones: ['lab'] }, to: { zones: ['lab'] } }],
    });
    const result = run(register, 'lab-isolated');
    // c only reaches itself (a self-loop): no violation. a and b reach each other.
    expect(result.violations.map((v) => [v.source, v.zone, v.path.join('>')])).toEqual([
      ['a', 'lab', 'a>b'], ['b', 'lab', 'b>a'],
    ]);
    // a and b are each a source and a reached target, so they are split: the single bidirectional link is cut once.
    expect(result.cut).toEqual(['a-to-b']);
  });

  it('measures the distance to targets other than the source, even where the source is the nearest target', () => {
    // s is a target in zone z. From s, node a is one step from s (its nearest target) but four from t; b is two from t.
    // A walk guided by plain nearest-target distance would enter a (the smaller id); the witness must go via b.
    const register = makeRegister({
      builtin: false,
      zones: [{ id: 'z', trust: 3 }, { id: 'mid', trust: 2 }],
      systems: [
        { id: 's', zone: 'z' }, { id: 't', zone: 'z' },
        { id: 'a', zone: 'mid' }, { id: 'b', zone: 'mid' }, { id: 'c', zone: 'mid' }, { id: 'd', zone: 'mid' },
        { id: 'e', zone: 'mid' },
      ],
      links: [
        { from: 's', to: 'a' }, { from: 'a', to: 's' }, { from: 'a', to: 'c' }, { from: 'c', to: 'd' },
        { from: 'd', to: 't' }, { from: 's', to: 'b' }, { from: 'b', to: 'e' }, { from: 'e', to: 't' },
      ],
      segmentation: [{ id: 'z-sealed', from: { systems: ['s'] }, to: { zones: ['z'] } }],
    });
    expect(run(register, 'z-sealed').violations).toEqual([
      { source: 's', zone: 'z', path: ['s', 'b', 'e', 't'], links: ['s-to-b', 'b-to-e', 'e-to-t'] },
    ]);
  });

  it('breaks ties by the smallest next node id, then the smallest link id among parallel links', () => {
    const register = makeRegister({
      builtin: false,
      zones: [{ id: 'low', trust: 1 }, { id: 'high', trust: 4 }],
      systems: [
        { id: 'src', zone: 'low' }, { id: 'm2', zone: 'low' }, { id: 'm1', zone: 'low' }, { id: 'dst', zone: 'high' },
      ],
      links: [
        { id: 'z-link', from: 'src', to: 'm1' }, { id: 'a-link', from: 'src', to: 'm2' },
        { id: 'q', from: 'm1', to: 'dst' }, { id: 'p', from: 'm1', to: 'dst' }, { id: 'r', from: 'm2', to: 'dst' },
      ],
      segmentation: [{ id: 'up', from: { systems: ['src'] }, to: { trust_min: 3 } }],
    });
    const result = run(register, 'up');
    expect(result.violations).toEqual([{ source: 'src', zone: 'high', path: ['src', 'm1', 'dst'], links: ['z-link', 'p'] }]);
    // Two disjoint routes, so the minimum cut has two links: the ones nearest the source.
    expect(result.cut).toEqual(['a-link', 'z-link']);
  });

  it('counts a bidirectional link once and parallel links separately in the cut', () => {
    const register = makeRegister({
      zones: [{ id: 'guest', trust: 1 }, { id: 'core', trust: 3 }],
      systems: [
        { id: 'g1', zone: 'guest' }, { id: 'g2', zone: 'guest' }, { id: 'hub', zone: 'guest' },
        { id: 'db', zone: 'core' }, { id: 'db2', zone: 'core' },
      ],
      links: [
        { from: 'g1', to: 'hub' }, { from: 'g2', to: 'hub' },
        { id: 'hub-db-1', from: 'hub', to: 'db', bidirectional: true },
        { id: 'hub-db2-1', from: 'hub', to: 'db2' }, { id: 'hub-db2-2', from: 'hub', to: 'db2' },
      ],
    });
    const result = run(register, 'low-trust-to-sensitive');
    expect(result.violations.map((v) => `${v.source}:${v.zone}`)).toEqual(['g1:core', 'g2:core', 'hub:core']);
    expect(result.cut).toEqual(['hub-db-1', 'hub-db2-1', 'hub-db2-2']);
  });

  it('returns no violations and no cut when nothing matches', () => {
    const register = makeRegister({ builtin: false, segmentation: [{ id: 'empty', from: { systems: [] } }] });
    expect(run(register, 'empty')).toEqual({ violations: [], cut: [] });
  });
});
