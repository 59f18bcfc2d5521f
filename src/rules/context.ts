// What every rule's check receives. Expensive analyses shared by several rules (availability impacts, the
// segmentation search) are computed once per scan through `shared`, never recomputed per rule.

import type { AttackGraph } from '../graph/attack-graph.js';
import type { Register } from '../register/types.js';

export class AnalysisContext {
  private readonly memo = new Map<string, unknown>();

  constructor(
    readonly register: Register,
    readonly graph: AttackGraph,
    /** `YYYY-MM-DD`, passed in: the core never reads the clock. */
    readonly today: string,
  ) {}

  /** Computes `compute()` the first time `key` is asked for, then returns the same value. */
  shared<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }
}
