// The k smallest values over a union of ranges of an array, for listing the first high/critical systems of a piece
// that a chokepoint cuts off (a piece is a few preorder ranges). A sparse table answers range-argmin in O(1); the
// k smallest then come out of a small heap of ranges, splitting each popped range around its minimum
// (Frederickson-style), so a query costs O((r + k) log(r + k)) for r ranges, independent of the piece size.
//
// Cost: O(V log V) time and memory to build the table.

export const NO_VALUE = 0x7fffffff;

export class RangeMinimum {
  /** table[k][i] = position of the minimum of values[i .. i + 2^k). */
  private readonly table: Int32Array[] = [];

  constructor(private readonly values: Int32Array) {
    const n = values.length;
    const first = new Int32Array(n);
    for (let i = 0; i < n; i++) first[i] = i;
    this.table.push(first);
    for (let span = 2; span <= n; span *= 2) {
      const below = this.table[this.table.length - 1];
      const level = new Int32Array(n - span + 1);
      const half = span / 2;
      for (let i = 0; i + span <= n; i++) {
        const a = below[i];
        const b = below[i + half];
        level[i] = values[b] < values[a] ? b : a;
      }
      this.table.push(level);
    }
  }

  /** Position of the smallest value in [lo, hi), the leftmost on ties; lo < hi. */
  argmin(lo: number, hi: number): number {
    const k = 31 - Math.clz32(hi - lo);
    const level = this.table[k];
    const a = level[lo];
    const b = level[hi - (1 << k)];
    return this.values[b] < this.values[a] ? b : a;
  }

  /** The `limit` smallest values below NO_VALUE in the union of disjoint [lo, hi) ranges, ascending. */
  smallestIn(ranges: readonly (readonly [number, number])[], limit: number): number[] {
    const heap: [number, number, number, number][] = [];
    const push = (lo: number, hi: number) => {
      if (lo >= hi) return;
      const at = this.argmin(lo, hi);
      if (this.values[at] !== NO_VALUE) heapPush(heap, [this.values[at], at, lo, hi]);
    };
    for (const [lo, hi] of ranges) push(lo, hi);
    const out: number[] = [];
    while (out.length < limit && heap.length > 0) {
      const [value, at, lo, hi] = heapPop(heap);
      out.push(value);
      push(lo, at);
      push(at + 1, hi);
    }
    return out;
  }
}

type Entry = [number, number, number, number];

function heapPush(heap: Entry[], entry: Entry): void {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const up = (i - 1) >> 1;
    if (heap[up][0] <= heap[i][0]) break;
    [heap[up], heap[i]] = [heap[i], heap[up]];
    i = up;
  }
}

function heapPop(heap: Entry[]): Entry {
  const top = heap[0];
  const last = heap.pop() as Entry;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
      if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
      if (m === i) break;
      [heap[m], heap[i]] = [heap[i], heap[m]];
      i = m;
    }
  }
  return top;
}
