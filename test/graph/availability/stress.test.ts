// Large registers that would overflow the call stack, or never finish, with recursion or a per-node fixed point.
// They assert results, never timings.

import { describe, expect, it } from 'vitest';
import { allImpactCounts, analyzeAvailability, impactOf } from '../../../src/graph/availability.js';
import { findChokepoints } from '../../../src/graph/chokepoints.js';
import type { DependencyInput, RegisterInput } from '../../helpers/make-register.js';
import { makeRegister } from '../../helpers/make-register.js';

const id = (i: number) => `s${String(i).padStart(6, '0')}`;
const lan = [{ id: 'lan', trust: 2 as const }];

function systems(n: number, fill: (i: number) => Partial<NonNullable<RegisterInput['systems']>[number]>) {
  return Array.from({ length: n }, (_, i) => ({ id: id(i), zone: 'lan', ...fill(i) }));
}

describe('findChokepoints at scale', () => {
  const n = 200_000;
  const highAt = 10;
  const critical = (i: number) => ({ criticality: i === highAt ? 'high' as const : 'low' as const });

  it('walks a 200,000-system chain', () => {
    const register = makeRegister({
      zones: lan,
      systems: systems(n, critical),
      links: Array.from({ length: n - 1 }, (_, i) => ({ from: id(i), to: id(i + 1) })),
    });
    const { nodes, links } = findChokepoints(register);
    // Removing s_p (or the link s_p–s_p+1) cuts the high system off only while its side is the smaller one.
    expect(nodes.length).toBe(99_999 - highAt);
    expect(nodes[0]).toEqual({
      system: id(highAt + 1),
      pieces: [
        { size: n - highAt - 2, smallest: id(highAt + 2), highOrCriticalCount: 0, highOrCritical: [] },
        { size: highAt + 1, smallest: id(0), highOrCriticalCount: 1, highOrCritical: [id(highAt)] },
      ],
    });
    expect(nodes[nodes.length - 1].system).toBe(id(99_999));
    expect(links.length).toBe(99_999 - highAt);
    expect(links[0].link).toBe(`${id(highAt)}-to-${id(highAt + 1)}`);
  });

  it('finds nothing on a 200,000-system cycle', () => {
    const register = makeRegister({
      zones: lan,
      systems: systems(n, critical),
      links: Array.from({ length: n }, (_, i) => ({ from: id(i), to: id((i + 1) % n), bidirectional: i % 2 === 0 })),
    });
    expect(findChokepoints(register)).toEqual({ nodes: [], links: [] });
  });
});

describe('availability at scale', () => {
  it('counts every impact of a wide, shallow 200,000-system register', () => {
    const n = 200_000;
    const vendors = Array.from({ length: 1000 }, (_, j) => ({ id: `v${String(j).padStart(4, '0')}` }));
    const register = makeRegister({
      zones: lan,
      vendors,
      systems: [
        ...['core-0', 'core-1', 'core-2'].map((core) => ({ id: core, zone: 'lan', criticality: 'critical' as const })),
        ...systems(n, (i) => ({
          criticality: i % 100 === 0 ? 'high' as const : 'low' as const,
          depends_on: [`core-${i % 3}`, { any_of: ['core-0', 'core-1'] }] as DependencyInput[],
          vendor: vendors[i % 1000].id,
        })),
      ],
    });
    const model = analyzeAvailability(register);
    const counts = allImpactCounts(model);
    const at = (node: string) => model.nodeIndex.get(node)!;
    // i ≡ 0 (mod 3) for 66,667 systems, of which those ≡ 0 (mod 300) are high.
    expect(counts.size[at('core-0')]).toBe(66_667 + 1);
    expect(counts.highOrCriticalOthers[at('core-0')]).toBe(667);
    expect(counts.size[at('core-2')]).toBe(66_666 + 1);
    expect(counts.size[at('v0000')]).toBe(200);
    expect(counts.highOrCriticalOthers[at('v0000')]).toBe(200);
    expect(counts.highOrCriticalOthers[at('v0001')]).toBe(0);
    expect(counts.size[at(id(12_345))]).toBe(1);
    expect(impactOf(model, 'core-1').systems.length).toBe(66_667 + 1);
  });

  it('follows a 200,000-deep plain depends_on chain', () => {
    const n = 200_000;
    const register = makeRegister({ zones: lan, systems: systems(n, (i) => ({ depends_on: i > 0 ? [id(i - 1)] : [] })) });
    const model = analyzeAvailability(register);
    const counts = allImpactCounts(model);
    expect(counts.size[model.nodeIndex.get(id(0))!]).toBe(n);
    expect(counts.size[model.nodeIndex.get(id(150_000))!]).toBe(n - 150_000);
    expect(impactOf(model, id(0)).systems.length).toBe(n);
  });

  it('follows a 20,000-deep chain where each system needs the two before it', () => {
    const n = 20_000;
    const register = makeRegister({
      zones: lan,
      systems: systems(n, (i) => ({ depends_on: [i > 0 ? id(i - 1) : 'internet', i > 1 ? id(i - 2) : 'internet'] })),
    });
    const model = analyzeAvailability(register);
    const counts = allImpactCounts(model);
    for (const i of [0, 1, 7_777, n - 1]) expect(counts.size[model.nodeIndex.get(id(i))!]).toBe(n - i);
    expect(counts.size[model.nodeIndex.get('internet')!]).toBe(n);
  });

  it('gives every node of a 20,000-layer ladder its exact impact, diamonds included', () => {
    // Mostly a chain; every 100th layer is two systems, which no short-cut covers, so both methods meet.
    const widths = Array.from({ length: 20_000 }, (_, layer) => (layer % 100 === 50 ? 2 : 1));
    checkLadder(widths);
  });

  it('completes a 3,000-layer diamond ladder, the quadratic worst case', () => {
    checkLadder(Array.from({ length: 3_000 }, () => 2));
  });
});

/** Every system of layer i depends on every system of layer i - 1, so its impact is itself plus all later layers. */
function checkLadder(widths: number[]): void {
  const name = (layer: number, k: number) => `l${String(layer).padStart(5, '0')}-${k}`;
  const register = makeRegister({
    zones: lan,
    systems: widths.flatMap((width, layer) => Array.from({ length: width }, (_, k) => ({
      id: name(layer, k),
      zone: 'lan',
      depends_on: layer === 0 ? [] : Array.from({ length: widths[layer - 1] }, (_, j) => name(layer - 1, j)),
    }))),
  });
  const model = analyzeAvailability(register);
  const counts = allImpactCounts(model);
  let later = 0;
  for (let layer = widths.length - 1; layer >= 0; layer--) {
    for (let k = 0; k < widths[layer]; k++) {
      const size = counts.size[model.nodeIndex.get(name(layer, k))!];
      if (size !== later + 1) expect(size, name(layer, k)).toBe(later + 1);
    }
    later += widths[layer];
  }
}
