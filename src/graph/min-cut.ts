// Minimum edge cut between two node sets, by maximum flow (Dinic's algorithm) and the max-flow/min-cut theorem.
//
// Dinic: BFS levels from a super-source, then a blocking flow along strictly increasing levels, repeated until the
// super-sink is out of reach. Both phases are iterative (a typed-array queue, and an explicit arc stack with a
// current-arc pointer per node), so a path of 200,000 nodes is fine. With unit capacities this is O(E·√E);
// unbounded edges only wire the super-terminals and gadgets. The cut is read from the residual graph: edges from the
// part the super-source still reaches to the rest. That is the minimum cut closest to the sources, the same for
// every maximum flow, so it is deterministic for a given network whatever order the arcs are tried in.
//
// Layout: the arcs (each edge's forward arc and its residual twin) are stored grouped by tail, so a node's arcs,
// their heads and their capacities are read sequentially; edges are kept in growable typed arrays. Both matter on a
// network of a whole register (100,000 nodes, 500,000 edges): the searches are memory-bound.

export const UNBOUNDED = Number.POSITIVE_INFINITY;

/** A flow network built edge by edge; edge numbers are returned by `addEdge` and reported in the cut. */
export class FlowNetwork {
  private nodes: number;
  private edges = 0;
  private from = new Int32Array(64);
  private to = new Int32Array(64);
  /** Per edge: its capacity, or 0 for UNBOUNDED. */
  private capacity = new Int32Array(64);
  private undirected = new Uint8Array(64);

  constructor(nodeCount = 0) {
    this.nodes = nodeCount;
  }

  get nodeCount(): number {
    return this.nodes;
  }

  get edgeCount(): number {
    return this.edges;
  }

  addNode(): number {
    return this.nodes++;
  }

  /**
   * A directed edge, or an undirected one whose capacity is shared by both directions (one undirected unit edge
   * counts once in a cut). Capacities are positive integers (below 2^31) or UNBOUNDED.
   */
  addEdge(from: number, to: number, capacity = 1, undirected = false): number {
    if (!(capacity > 0) || (capacity !== UNBOUNDED && !(Number.isInteger(capacity) && capacity <= 0x7fffffff))) {
      throw new RangeError(`capacity must be a positive integer or UNBOUNDED, got ${capacity}`);
    }
    if (from < 0 || to < 0 || from >= this.nodes || to >= this.nodes) throw new RangeError('edge end out of range');
    if (this.edges === this.from.length) this.grow();
    const e = this.edges++;
    this.from[e] = from;
    this.to[e] = to;
    this.capacity[e] = capacity === UNBOUNDED ? 0 : capacity;
    this.undirected[e] = undirected ? 1 : 0;
    return e;
  }

  /** The edges as arrays indexed by edge number (capacity 0 = unbounded; undirected 1 = undirected), for
   * minimumEdgeCut: views of the network's own storage, valid until the next addEdge. */
  edgeArrays(): { from: Int32Array; to: Int32Array; capacity: Int32Array; undirected: Uint8Array } {
    const m = this.edges;
    return { from: this.from.subarray(0, m), to: this.to.subarray(0, m), capacity: this.capacity.subarray(0, m), undirected: this.undirected.subarray(0, m) };
  }

  private grow(): void {
    const size = this.from.length * 2;
    const from = new Int32Array(size); from.set(this.from); this.from = from;
    const to = new Int32Array(size); to.set(this.to); this.to = to;
    const capacity = new Int32Array(size); capacity.set(this.capacity); this.capacity = capacity;
    const undirected = new Uint8Array(size); undirected.set(this.undirected); this.undirected = undirected;
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

  const edges = network.edgeArrays();
  const residual = residualNetwork(edges, n, sources, sinks);
  const level = new Int32Array(n + 2);
  const value = maximumFlow(residual, level, n, n + 1);
  // The source side of a minimum cut is what the super-source still reaches in the residual graph: exactly the nodes
  // the last, failed buildLevels labelled (no phase ran after it to mark dead ends).
  return { value, edges: edgesLeaving(edges, level) };
}

/** The residual network of the edges plus a super-source (node n) feeding the sources and a super-sink (n + 1) fed by
 * the sinks: each edge's forward arc and its twin, stored grouped by tail (CSR). Separate functions for each step, so
 * that the engine optimises each loop once for every cut instead of recompiling one long function mid-way. */
interface Residual {
  start: Int32Array;
  tail: Int32Array;
  head: Int32Array;
  twin: Int32Array;
  capacity: Float64Array;
  /** Above every finite cut: the capacity of an unbounded arc. */
  infinite: number;
}

function residualNetwork(
  edges: ReturnType<FlowNetwork['edgeArrays']>, n: number, sources: readonly number[], sinks: readonly number[],
): Residual {
  const m = edges.from.length;
  let finiteTotal = 0;
  for (let e = 0; e < m; e++) finiteTotal += edges.capacity[e];
  const infinite = finiteTotal + 1;
  const superSource = n;
  const superSink = n + 1;
  const nodeTotal = n + 2;
  // Pair p: edge p, then the super-source's arcs to the sources, then the sinks' arcs to the super-sink.
  const pairCount = m + sources.length + sinks.length;
  const pairTail = new Int32Array(pairCount);
  const pairHead = new Int32Array(pairCount);
  pairTail.set(edges.from);
  pairHead.set(edges.to);
  for (let i = 0; i < sources.length; i++) {
    pairTail[m + i] = superSource;
    pairHead[m + i] = sources[i];
  }
  for (let i = 0; i < sinks.length; i++) {
    pairTail[m + sources.length + i] = sinks[i];
    pairHead[m + sources.length + i] = superSink;
  }

  // Pair p has its forward arc in its tail's group and its residual twin in its head's group.
  const start = new Int32Array(nodeTotal + 1);
  for (let p = 0; p < pairCount; p++) {
    start[pairTail[p] + 1]++;
    start[pairHead[p] + 1]++;
  }
  for (let v = 0; v < nodeTotal; v++) start[v + 1] += start[v];
  const arcTotal = 2 * pairCount;
  const residual: Residual = {
    start, tail: new Int32Array(arcTotal), head: new Int32Array(arcTotal), twin: new Int32Array(arcTotal),
    capacity: new Float64Array(arcTotal), infinite,
  };
  placeArcs(residual, pairTail, pairHead, edges.capacity, edges.undirected);
  return residual;
}

/** Pairs from m on (the super-terminals' arcs) are unbounded and directed. */
function placeArcs(
  { start, tail, head, twin, capacity, infinite }: Residual, pairTail: Int32Array, pairHead: Int32Array,
  edgeCapacity: Int32Array, edgeUndirected: Uint8Array,
): void {
  const m = edgeCapacity.length;
  const fill = start.slice(0, start.length - 1);
  for (let p = 0; p < pairTail.length; p++) {
    const from = pairTail[p];
    const to = pairHead[p];
    const given = p < m ? edgeCapacity[p] : 0;
    const cap = given === 0 ? infinite : given;
    const forward = fill[from]++;
    const backward = fill[to]++;
    tail[forward] = from; head[forward] = to; capacity[forward] = cap; twin[forward] = backward;
    tail[backward] = to; head[backward] = from; twin[backward] = forward;
    capacity[backward] = p < m && edgeUndirected[p] === 1 ? cap : 0;
  }
}

/** Dinic's algorithm from `source` to `sink`; leaves in `level` the last BFS labels (-1 where unreached). */
function maximumFlow(residual: Residual, level: Int32Array, source: number, sink: number): number {
  const { start, tail, head, twin, capacity, infinite } = residual;
  const nodeTotal = level.length;
  const queue = new Int32Array(nodeTotal);
  const current = new Int32Array(nodeTotal);
  const stack = new Int32Array(nodeTotal);

  let flow = 0;
  while (buildLevels(start, head, capacity, level, queue, source, sink)) {
    current.set(start.subarray(0, nodeTotal));
    let depth = 0;
    let u = source;
    for (;;) {
      if (u === sink) {
        let bottleneck = Number.POSITIVE_INFINITY;
        for (let i = 0; i < depth; i++) bottleneck = Math.min(bottleneck, capacity[stack[i]]);
        for (let i = 0; i < depth; i++) {
          capacity[stack[i]] -= bottleneck;
          capacity[twin[stack[i]]] += bottleneck;
        }
        flow += bottleneck;
        if (flow >= infinite) throw new RangeError('sources and sinks are joined by unbounded edges only');
        let k = 0;
        while (capacity[stack[k]] > 0) k++;
        depth = k;
        u = tail[stack[k]];
        continue;
      }
      const next = level[u] + 1;
      const end = start[u + 1];
      let a = current[u];
      while (a < end && !(capacity[a] > 0 && level[head[a]] === next)) a++;
      current[u] = a;
      if (a < end) {
        stack[depth++] = a;
        u = head[a];
        continue;
      }
      if (depth === 0) break;
      // A dead end stays dead for the rest of this phase; the parent's current arc then fails the level test.
      level[u] = -1;
      depth--;
      u = tail[stack[depth]];
    }
  }
  return flow;
}

/** The edges from the labelled side to the rest (either way for an undirected edge), ascending. */
function edgesLeaving({ from, to, undirected }: ReturnType<FlowNetwork['edgeArrays']>, level: Int32Array): number[] {
  const cut: number[] = [];
  for (let e = 0; e < from.length; e++) {
    const tailSide = level[from[e]] !== -1;
    const headSide = level[to[e]] !== -1;
    if ((tailSide && !headSide) || (undirected[e] === 1 && !tailSide && headSide)) cut.push(e);
  }
  return cut;
}

/** BFS levels from the super-source over arcs with residual capacity; true when the super-sink is reached. */
function buildLevels(
  start: Int32Array, head: Int32Array, capacity: Float64Array, level: Int32Array, queue: Int32Array,
  superSource: number, superSink: number,
): boolean {
  level.fill(-1);
  level[superSource] = 0;
  queue[0] = superSource;
  let qTail = 1;
  for (let qHead = 0; qHead < qTail; qHead++) {
    const v = queue[qHead];
    const next = level[v] + 1;
    for (let a = start[v]; a < start[v + 1]; a++) {
      const w = head[a];
      if (capacity[a] > 0 && level[w] === -1) {
        level[w] = next;
        queue[qTail++] = w;
      }
    }
  }
  return level[superSink] !== -1;
}
