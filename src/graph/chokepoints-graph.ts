// The undirected multigraph of SPEC §2.3 "Network articulation points and bridges": systems only (no `internet`, no
// vendors), one edge per `network` or `remote-access` link between two different systems, whatever its direction.
// Systems are numbered in sorted id order, so the smallest node number is the smallest id.
//
// Cost: O(V log V + E) time, O(V + E) memory.

import type { Register } from '../register/types.js';
import { compareIds } from './attack-graph.js';
import type { UndirectedGraph } from './chokepoints-dfs.js';

export interface SystemNetwork extends UndirectedGraph {
  readonly systemIds: readonly string[];
  /** Register link index of each edge. */
  readonly edgeLink: Int32Array;
}

export function buildSystemNetwork(register: Register): SystemNetwork {
  const systemIds = [...register.systems.keys()].sort(compareIds);
  const index = new Map<string, number>();
  systemIds.forEach((id, i) => index.set(id, i));
  const n = systemIds.length;
  const highOrCritical = new Uint8Array(n);
  systemIds.forEach((id, i) => {
    const criticality = register.systems.get(id)?.criticality;
    highOrCritical[i] = criticality === 'high' || criticality === 'critical' ? 1 : 0;
  });

  const ends: number[] = [];
  const links: number[] = [];
  register.links.forEach((link, i) => {
    if (link.kind === 'credential') return;
    const a = index.get(link.from);
    const b = index.get(link.to);
    if (a === undefined || b === undefined || a === b) return;
    ends.push(a, b);
    links.push(i);
  });
  const m = links.length;
  const adjStart = new Int32Array(n + 1);
  for (const v of ends) adjStart[v + 1]++;
  for (let v = 0; v < n; v++) adjStart[v + 1] += adjStart[v];
  const fill = adjStart.slice(0, n);
  const adjTo = new Int32Array(2 * m);
  const adjEdge = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const a = ends[2 * e];
    const b = ends[2 * e + 1];
    adjTo[fill[a]] = b;
    adjEdge[fill[a]++] = e;
    adjTo[fill[b]] = a;
    adjEdge[fill[b]++] = e;
  }
  return { nodeCount: n, systemIds, adjStart, adjTo, adjEdge, highOrCritical, edgeLink: Int32Array.from(links) };
}
