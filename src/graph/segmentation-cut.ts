// The remediation of a segmentation rule (SPEC §2.2): a minimum set of links whose removal closes every violation,
// as a minimum edge cut (min-cut.ts) from the violating sources to the targets they reach, in the rule's pruned graph.
//
// Each open link is one unit-capacity edge: a directed link is a directed edge, a bidirectional link one undirected
// edge (so it counts once), and parallel links are separate edges. Self-loops never matter and are left out.
//
// The sources here are every path start: each violating source and, for a vendor, the rest of its foothold (SPEC
// §2.2). Supply edges are not in the network at all, so no cut can contain one.
// A node X that is both a path start and a reached target (a supplier's own system inside a sensitive zone, or a rule
// whose `from` and `to` overlap) is split into
// an in-copy, which receives X's incoming links and feeds the super-sink, and an out-copy, which carries X's outgoing
// links and is fed by the super-source, joined in → out by an unbounded arc. The cut then also separates X from
// itself, so it cuts cycles through X that no violation needs cut: a conservative approximation (the exact problem
// is a directed multicut, NP-hard in general), which findUnsegmentedPaths reports as `exact: false`. When no node is
// both, the cut is exact. A bidirectional link touching a split node
// cannot be one undirected edge, since its two directions end at different copies, so it becomes a gadget: both
// tails → e_in, a unit edge e_in → e_out (the link), e_out → both heads.
// Only links on some walk from a path start to a reached target go into the network: the others can carry no flow,
// and leaving them out changes neither the maximum flow nor the part the super-source still reaches in the residual
// graph, so the cut is the same; for a rule whose sources reach a corner of a large register, most links are others.
// Cost: one search (the caller has the other) and one max-flow on V + L nodes and O(L) edges.

import type { AttackGraph } from './attack-graph.js';
import { bfsDistances } from './bfs-distances.js';
import type { GatewayPruning } from './gateway-pruning.js';
import { FlowNetwork, UNBOUNDED, minimumEdgeCut } from './min-cut.js';

/** Link numbers of a minimum cut, ascending (= sorted by link id). `reachedBySources` is the caller's search from
 * `violatingSources` (distancesOverLinks: -1 where none of them reaches, over at least one link). */
export function segmentationCut(
  graph: AttackGraph, pruning: GatewayPruning, violatingSources: readonly number[], reachedTargets: readonly number[],
  reachedBySources: Int32Array,
): number[] {
  if (violatingSources.length === 0 || reachedTargets.length === 0) return [];
  const network = new FlowNetwork(graph.nodeCount);
  // edgeLink[e]: the link unit edge e stands for; -1 for the unbounded wiring.
  const edgeLink: number[] = [];
  const addEdge = (from: number, to: number, capacity: number, undirected: boolean, link: number) => {
    edgeLink.push(link);
    return network.addEdge(from, to, capacity, undirected);
  };
  // fromStart[v] = 1: v is a path start or one reaches it. Marked once, so that the loop over every link below reads
  // typed arrays only (it runs once per rule, mostly before the engine has optimised it).
  const fromStart = new Uint8Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) if (reachedBySources[v] !== -1) fromStart[v] = 1;
  const isSource = new Uint8Array(graph.nodeCount);
  for (const s of violatingSources) {
    isSource[s] = 1;
    fromStart[s] = 1;
  }
  // outCopy[v] = v unless v is split.
  const outCopy = new Int32Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) outCopy[v] = v;
  for (const t of reachedTargets) {
    if (isSource[t] === 1 && outCopy[t] === t) {
      outCopy[t] = network.addNode();
      addEdge(t, outCopy[t], UNBOUNDED, false, -1);
    }
  }

  const toTargets = bfsDistances(graph, reachedTargets, 'backward', pruning.filter);
  const { linkFrom, linkTo, linkTwoWay } = graph;
  const { linkOpen } = pruning;
  for (let l = 0; l < linkFrom.length; l++) {
    const from = linkFrom[l];
    const to = linkTo[l];
    if (linkOpen[l] !== 1 || from === to) continue;
    const twoWay = linkTwoWay[l] === 1;
    const onSomeWalk = (fromStart[from] === 1 && toTargets[to] !== -1) || (twoWay && fromStart[to] === 1 && toTargets[from] !== -1);
    if (!onSomeWalk) continue;
    if (!twoWay) {
      addEdge(outCopy[from], to, 1, false, l);
    } else if (outCopy[from] === from && outCopy[to] === to) {
      addEdge(from, to, 1, true, l);
    } else {
      const entry = network.addNode();
      const exit = network.addNode();
      addEdge(entry, exit, 1, false, l);
      addEdge(outCopy[from], entry, UNBOUNDED, false, -1);
      addEdge(outCopy[to], entry, UNBOUNDED, false, -1);
      addEdge(exit, from, UNBOUNDED, false, -1);
      addEdge(exit, to, UNBOUNDED, false, -1);
    }
  }

  const cut = minimumEdgeCut(network, violatingSources.map((s) => outCopy[s]), reachedTargets);
  const cutLinks = cut.edges.map((edge) => {
    if (edgeLink[edge] === -1) throw new Error('segmentationCut: an unbounded edge was cut');
    return edgeLink[edge];
  });
  // Each link is one edge, so the cut holds no duplicates.
  return cutLinks.sort((a, b) => a - b);
}
