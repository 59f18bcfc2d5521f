// Hopcroft–Tarjan depth-first search over an undirected multigraph, with an explicit stack (no recursion, so a
// 200,000-system chain or cycle is fine). For every node it records the preorder number, the low-link, the DFS-tree
// parent and the arc it came through, and aggregates over its subtree: size, high/critical count and smallest node.
// Roots are taken in increasing node order, so each root is the smallest node of its component. A subtree is a
// contiguous preorder range, and so is a component. Low-links skip only the parent's *edge*, not the parent node, so a link parallel
// to a tree link counts as a back link and is never a bridge.
//
// Cost: O(V + E) time and memory.

export interface UndirectedGraph {
  readonly nodeCount: number;
  /** CSR: the arcs of v are adjStart[v] .. adjStart[v+1]); each edge gives one arc at each end. */
  readonly adjStart: Int32Array;
  readonly adjTo: Int32Array;
  readonly adjEdge: Int32Array;
  /** 1 for high or critical systems. */
  readonly highOrCritical: Uint8Array;
}

export interface DfsForest {
  /** Preorder number of each node; `order` is its inverse. */
  readonly pre: Int32Array;
  readonly order: Int32Array;
  readonly low: Int32Array;
  /** DFS-tree parent (-1 at a root) and the edge that reached the node (-1 at a root). */
  readonly parent: Int32Array;
  readonly parentEdge: Int32Array;
  /**
   * The root of each node's component, which is also its smallest node; the component is the preorder range
   * [pre[root], pre[root] + size[root]).
   */
  readonly root: Int32Array;
  /** Subtree aggregates. */
  readonly size: Int32Array;
  readonly highOrCritical: Int32Array;
  readonly smallest: Int32Array;
}

export function depthFirstForest(graph: UndirectedGraph): DfsForest {
  const { nodeCount: n, adjStart, adjTo, adjEdge } = graph;
  const pre = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const parentEdge = new Int32Array(n).fill(-1);
  const root = new Int32Array(n);
  const size = new Int32Array(n);
  const highOrCritical = new Int32Array(n);
  const smallest = new Int32Array(n);
  const next = new Int32Array(n);
  const stack = new Int32Array(n);
  let counter = 0;
  let top = 0;
  let r = 0;
  const enter = (v: number) => {
    pre[v] = low[v] = counter;
    order[counter++] = v;
    root[v] = r;
    highOrCritical[v] = graph.highOrCritical[v];
    smallest[v] = v;
    next[v] = adjStart[v];
    stack[top++] = v;
  };
  for (r = 0; r < n; r++) {
    if (pre[r] !== -1) continue;
    enter(r);
    while (top > 0) {
      const v = stack[top - 1];
      if (next[v] < adjStart[v + 1]) {
        const a = next[v]++;
        if (adjEdge[a] === parentEdge[v]) continue;
        const w = adjTo[a];
        if (pre[w] === -1) {
          parent[w] = v;
          parentEdge[w] = adjEdge[a];
          enter(w);
        } else if (pre[w] < low[v]) {
          low[v] = pre[w];
        }
        continue;
      }
      top--;
      // Preorder numbers of a subtree are contiguous and all handed out by now.
      size[v] = counter - pre[v];
      const p = parent[v];
      if (p >= 0) {
        if (low[v] < low[p]) low[p] = low[v];
        highOrCritical[p] += highOrCritical[v];
        if (smallest[v] < smallest[p]) smallest[p] = smallest[v];
      }
    }
  }

  return { pre, order, low, parent, parentEdge, root, size, highOrCritical, smallest };
}
