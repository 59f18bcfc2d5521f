// Seeded pseudo-random numbers for the synthetic register generator. mulberry32 (one 32-bit word of state, O(1) per
// draw) is plenty for synthetic data and is byte-for-byte reproducible on every platform, unlike Math.random.
// Independent streams (one per vendor, per system, per phase) come from `deriveSeed`, so that what one entity draws
// never shifts what another draws: files can then be generated lazily, in any order, with identical bytes.

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [low, high], both included. */
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.int(items.length)];
  }

  /** An index drawn with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let draw = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      draw -= weights[i];
      if (draw < 0) return i;
    }
    return weights.length - 1;
  }

  /** A key of `table` drawn with probability proportional to its value (tables are cached: keep them constant). */
  weightedKey<K extends string>(table: Readonly<Partial<Record<K, number>>>): K {
    let choice = keyChoices.get(table);
    if (!choice) {
      const keys = Object.keys(table);
      choice = new WeightedChoice(keys, keys.map((k) => (table as Record<string, number>)[k] ?? 0));
      keyChoices.set(table, choice);
    }
    return choice.pick(this) as K;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }
}

/** A fixed weighted choice, drawn in O(log n) by bisecting the cumulative weights. */
export class WeightedChoice<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(private readonly items: readonly T[], weights: readonly number[]) {
    if (items.length === 0 || items.length !== weights.length) throw new RangeError('a weighted choice needs one weight per item');
    let total = 0;
    for (const w of weights) this.cumulative.push((total += w));
    this.total = total;
  }

  pick(rng: SeededRandom): T {
    const draw = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > draw) hi = mid; else lo = mid + 1;
    }
    return this.items[lo];
  }
}

const keyChoices = new WeakMap<object, WeightedChoice<string>>();

/** Mixes a seed with labels into a new 32-bit seed (murmur3's finaliser on each step). */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = (seed >>> 0) ^ Math.floor(seed / 4294967296);
  for (const part of [0x9e3779b9, ...parts]) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}
