// Minimum edge cut between two node sets, by maximum flow (Dinic's algorithm) and the max-flow/min-cut theorem.
//
// Dinic: BFS levels from a super-source, then a blocking flow along strictly increasing levels, repeated until the
// super-sink is out of reach. Both phases are iterative (a typed-array queue, and an explicit arc stack with a
// current-arc pointer per node), so a path of 200,000 nodes is fine. With unit capacities this is O(E·√E);
// unbounded edges only wire the super-terminals and gadgets. The cut is read from the residual graph: edges from the
// part the super-source still reaches to the rest. That is the minimum cut closest to the sources, so it is
// deterministic for a given network.

export const UNBOUNDED = Number.POSITIVE_INFINITY;

/** A flow network built edge by edge; edge numbers are returned by `addEdge` and reported in the cut. */
export class FlowNetwork {
  private nodes: number;
  readonly edgeFrom: number[] = [];
  readonly edgeTo: number[] = [];
  readonly edgeCapacity: number[] = [];
  readonly edgeUndirected: boolean[] = [];

  constructor(nodeCount = 0) {
    this.nodes = nodeCount;
  }

  get nodeCount(): number {
    return this.nodes;
  }

  get edgeCount(): number {
    return this.edgeFrom.length;
  }

  addNode(): number {
    return this.nodes++;
  }

  /**
   * A directed edge, or an undirected one whose capacity is shared by both directions (one undirected unit edge
   * counts once in a cut). Capacities are positive integers or UNBOUNDED.
   */
  addEdge(from: number, to: number, capacity = 1, undirected = false): number {
    if (!(capacity > 0) || (capacity !== UNBOUNDED && !Number.isInteger(capacity))) {
      throw new RangeError(`capacity must be a positive integer or UNBOUNDED, got ${capacity}`);
    }
    if (from < 0 || to < 0 || from >= this.nodes || to >= this.nodes) throw new RangeError('edge end out of range');
    this.edgeFrom.push(from);
    this.edgeTo.push(to);
    this.edgeCapacity.push(capacity);
    this.edgeUndirected.push(undirected);
    return this.edgeFrom.length - 1;
  }
}

export interface EdgeCut {
  /** Total capacity of the cut, equal to the maximum flow. */
  value: number;
  /** Numbers of the cut edges, ascending. */
  edges: number[];
}

/**
 * The minimum-capacity set of edges whose removal leaves no path from any source to any sink. Throws when a node
 * is both a source and a sink, or when only unbounded edges separate them (no finite cut exists).
 */
export function minimumEdgeCut(network: FlowNetwork, sources: readonly number[], sinks: readonly number[]): EdgeCut {
  const n = network.nodeCount;
  const isSource = new Uint8Array(n);
  for (const s of sources) isSource[s] = 1;
  for (const t of sinks) if (isSource[t] === 1) throw new RangeError(`node ${t} is both a source and a sink`);
  if (sources.length === 0 || sinks.length === 0) return { value: 0, edges: [] };

  const m = network.edgeCount;
  let finiteTotal = 0;
  for (let e = 0; e < m; e++) if (network.edgeCapacity[e] !== UNBOUNDED) finiteTotal += network.edgeCapacity[e];
  const infinite = finiteTotal + 1;
  const superSource = n;
  const superSink = n + 1;
  const nodeTotal = n + 2;
  const pairCount = m + sources.length + sinks.length;
  // Arc 2p is pair p's forward arc, 2p+1 its residual twin.
  const tail = new Int32Array(2 * pairCount);
  const head = new Int32Array(2 * pairCount);
  const capacity = new Float64Array(2 * pairCount);
  let p = 0;
  const addPair = (from: number, to: number, cap: number, undirected: boolean) => {
    tail[2 * p] = from; head[2 * p] = to; capacity[2 * p] = cap;
    tail[2 * p + 1] = to; head[2 * p + 1] = from; capacity[2 * p + 1] = undirected ? cap : 0;
    p++;
  };
  for (let e = 0; e < m; e++) {
    const cap = network.edgeCapacity[e] === UNBOUNDED ? infinite : network.edgeCapacity[e];
    addPair(network.edgeFrom[e], network.edgeTo[e], cap, network.edgeUndirected[e]);
  }
  for (const s of sources) addPair(superSource, s, infinite, false);
  for (const t of sinks) addPair(t, superSink, infinite, false);

  // Adjacency of every arc by its tail, as CSR.
  const adjStart = new Int32Array(nodeTotal + 1);
  for (let a = 0; a < 2 * pairCount; a++) adjStart[tail[a] + 1]++;
  for (let v = 0; v < nodeTotal; v++) adjStart[v + 1] += adjStart[v];
  const adj = new Int32Array(2 * pairCount);
  const fill = adjStart.slice(0, nodeTotal);
  for (let a = 0; a < 2 * pairCount; a++) adj[fill[tail[a]]++] = a;

  const level = new Int32Array(nodeTotal);
  const queue = new Int32Array(nodeTotal);
  const current = new Int32Array(nodeTotal);
  const stack = new Int32Array(nodeTotal);

  const buildLevels = (): boolean => {
    level.fill(-1);
    level[superSource] = 0;
    queue[0] = superSource;
    let qTail = 1;
    for (let qHead = 0; qHead < qTail; qHead++) {
      const v = queue[qHead];
      for (let i = adjStart[v]; i < adjStart[v + 1]; i++) {
        const a = adj[i];
        if (capacity[a] > 0 && level[head[a]] === -1) {
          level[head[a]] = level[v] + 1;
          queue[qTail++] = head[a];
        }
      }
    }
    return level[superSink] !== -1;
  };

  let flow = 0;
  while (buildLevels()) {
    current.set(adjStart.subarray(0, nodeTotal));
    let depth = 0;
    let u = superSource;
    for (;;) {
      if (u === superSink) {
        let bottleneck = Number.POSITIVE_INFINITY;
        for (let i = 0; i < depth; i++) bottleneck = Math.min(bottleneck, capacity[stack[i]]);
        for (let i = 0; i < depth; i++) {
          capacity[stack[i]] -= bottleneck;
          capacity[stack[i] ^ 1] += bottleneck;
        }
        flow += bottleneck;
        if (flow >= infinite) throw new RangeError('sources and sinks are joined by unbounded edges only');
        let k = 0;
        while (capacity[stack[k]] > 0) k++;
        depth = k;
        u = tail[stack[k]];
        continue;
      }
      let advanced = false;
      for (; current[u] < adjStart[u + 1]; current[u]++) {
        const a = adj[current[u]];
        if (capacity[a] > 0 && level[head[a]] === level[u] + 1) {
          stack[depth++] = a;
          u = head[a];
          advanced = true;
          break;
        }
      }
      if (advanced) continue;
      if (depth === 0) break;
      // A dead end stays dead for the rest of this phase; the parent's current arc then fails the level test.
      level[u] = -1;
      depth--;
      u = tail[stack[depth]];
    }
  }

  // The source side of a minimum cut is what the super-source still reaches in the residual graph: exactly the nodes
  // the last, failed buildLevels labelled (no phase ran after it to mark dead ends).
  const sourceSide = (v: number) => (level[v] === -1 ? 0 : 1);
  const edges: number[] = [];
  for (let e = 0; e < m; e++) {
    const from = sourceSide(network.edgeFrom[e]);
    const to = sourceSide(network.edgeTo[e]);
    if ((from === 1 && to === 0) || (network.edgeUndirected[e] && from === 0 && to === 1)) edges.push(e);
  }
  return { value: flow, edges };
}
