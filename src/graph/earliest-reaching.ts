// For a list of start sets searched one after the other (set 0 first), which sets reach each node over one or more
// links, and in how many links: the first `capacity` of them per node, in list order. One search per set would cost
// O(sets × (V + E)); this is the answer for all of them at once, with each node entered at most `capacity` times.
//
// Sets are searched in list order, each by a BFS from the heads of its starts' out-arcs (distance 1) that never enters
// a node already holding `capacity` labels. That pruning loses nothing: when set i reaches a node u, every node u
// reaches receives label i too or is already full with earlier labels, so a node full of labels earlier than j has
// only full successors, and every node it reaches is full before j. Hence a node that is not full when set j reaches
// it was not cut off from j's starts by a full node anywhere, and the BFS from j's starts measures its true distance.
// Cost: O(capacity × (V + E) + total size of the start sets' out-arcs), O(capacity × V) memory.

import type { AttackGraph } from './attack-graph.js';

export interface EarliestReaching {
  /** Labels per node. */
  readonly capacity: number;
  /** Per node, how many labels it holds (at most capacity). */
  count: Int32Array;
  /** Label j of node v (its set number) is set[v * capacity + j], ascending in j; its distance is distance[...]. */
  set: Int32Array;
  distance: Int32Array;
}

/** `startSets[i]`: the nodes set i starts from; the first link leaves one of them. */
export function earliestReaching(graph: AttackGraph, startSets: readonly (readonly number[])[], capacity: number): EarliestReaching {
  const n = graph.nodeCount;
  const count = new Int32Array(n);
  const set = new Int32Array(n * capacity).fill(-1);
  const distance = new Int32Array(n * capacity).fill(-1);
  // seenBy[v] === i + 1: set i has labelled v (or found it full).
  const seenBy = new Int32Array(n);
  const queue = new Int32Array(n);
  const { outStart, outNode } = graph;
  for (let i = 0; i < startSets.length; i++) {
    const mark = i + 1;
    let tail = 0;
    const enter = (v: number, d: number) => {
      seenBy[v] = mark;
      if (count[v] >= capacity) return;
      const slot = v * capacity + count[v]++;
      set[slot] = i;
      distance[slot] = d;
      queue[tail++] = v;
    };
    for (const start of startSets[i]) {
      for (let a = outStart[start]; a < outStart[start + 1]; a++) {
        const w = outNode[a];
        if (seenBy[w] !== mark) enter(w, 1);
      }
    }
    for (let head = 0; head < tail; head++) {
      const v = queue[head];
      const next = distance[v * capacity + count[v] - 1] + 1;
      for (let a = outStart[v]; a < outStart[v + 1]; a++) {
        const w = outNode[a];
        if (seenBy[w] !== mark) enter(w, next);
      }
    }
  }
  return { capacity, count, set, distance };
}
