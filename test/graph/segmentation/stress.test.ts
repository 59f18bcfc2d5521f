// 200,000 systems in one chain, and in one cycle: every search here is iterative, so none may overflow the stack.
// No timing assertions.

import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import { reachableFrom } from '../../../src/graph/reachability.js';
import { shortestPath } from '../../../src/graph/shortest-path.js';
import { findUnsegmentedPaths } from '../../../src/graph/unsegmented-paths.js';
import { makeRegister } from '../../helpers/make-register.js';

const N = 200_000;
const id = (i: number) => `s${String(i).padStart(6, '0')}`;

function chain(closeCycle: boolean) {
  const systems = Array.from({ length: N }, (_, i) => ({
    id: id(i),
    zone: i === 0 ? 'field' : i === N - 1 ? 'admin' : 'office',
    internet_facing: i === 0,
  }));
  const links = Array.from({ length: N - 1 }, (_, i) => ({ from: id(i), to: id(i + 1) }));
  if (closeCycle) links.push({ from: id(N - 1), to: id(0) });
  const register = makeRegister({
    zones: [{ id: 'field', trust: 1 }, { id: 'office', trust: 2 }, { id: 'admin', trust: 4 }],
    systems, links,
  });
  return { register, graph: buildAttackGraph(register) };
}

describe.each([
  ['a chain', false],
  ['a cycle', true],
])('200,000 systems in %s', (_, closeCycle) => {
  const { register, graph } = chain(closeCycle);
  const head = graph.nodeIndex.get(id(0)) as number;
  const tail = graph.nodeIndex.get(id(N - 1)) as number;

  it('finds both unsegmented paths end to end, and a one-link cut', () => {
    const result = findUnsegmentedPaths(register, graph, register.config.segmentation[0]);
    expect(result.violations.map((v) => [graph.nodeIds[v.source], v.zone, v.pathLinks.length])).toEqual([
      ['internet', 'admin', N], [id(0), 'admin', N - 1],
    ]);
    expect(result.violations[1].pathNodes[N - 1]).toBe(tail);
    expect(result.cut.map((l) => graph.links[l].id)).toEqual([`${id(0)}-to-${id(1)}`]);
  });

  it('finds the shortest path and the reachable set', () => {
    const path = shortestPath(graph, head, (v) => v === tail);
    expect(path?.links.length).toBe(N - 1);
    const reach = reachableFrom(graph, [head]);
    expect(reach.distance[tail]).toBe(N - 1);
    expect(reach.reached[head]).toBe(closeCycle ? 1 : 0);
    expect(reach.distance[head]).toBe(closeCycle ? N : -1);
  });
});
