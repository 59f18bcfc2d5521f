// The exploration analyses on a chain of 200,000 systems, and on a cycle through all of them: nothing recurses, so
// nothing overflows the stack. Generated here, never committed.

import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../src/graph/attack-graph.js';
import { blastRadius } from '../../src/explore/blast-radius.js';
import { explainPath } from '../../src/explore/path-explanation.js';
import { makeRegister } from '../helpers/make-register.js';

const N = 200_000;
const id = (i: number) => `s${String(i).padStart(6, '0')}`;

function chain(cycle: boolean) {
  const systems = Array.from({ length: N }, (_, i) => ({ id: id(i), zone: i === N - 1 ? 'admin' : 'lan', ...(i === N / 2 ? { kind: 'firewall' as const } : {}) }));
  const links = Array.from({ length: cycle ? N : N - 1 }, (_, i) => ({ id: `l${i}`, from: id(i), to: id((i + 1) % N) }));
  return makeRegister({ zones: [{ id: 'lan', trust: 1 }, { id: 'admin', trust: 4 }], systems, links });
}

describe.each([false, true])('a 200,000-system chain (cycle: %s)', (cycle) => {
  const register = chain(cycle);
  const graph = buildAttackGraph(register);

  it('explains the path from one end to the other', () => {
    const e = explainPath(register, graph, graph.nodeIndex.get(id(0))!, { kind: 'zone', zone: 'admin' });
    expect(e.steps).toHaveLength(N - 1);
    expect(e.gateways).toEqual([id(N / 2)]);
    expect(e.policies[0]).toMatchObject({ forbidsPath: false, allowedGatewaysOnPath: [id(N / 2)] });
  }, 60_000);

  it('computes the blast radius of the first system', () => {
    const radius = blastRadius(register, graph, graph.nodeIndex.get(id(0))!);
    expect(radius.reached).toBe(N - 1);
    expect(radius.ungated).toBe(N / 2 - 1);
    expect(radius.gateways.map((g) => [g.gateway.id, g.behind.length])).toEqual([[id(N / 2), N / 2 - 1]]);
  }, 60_000);
});
