// Strongly connected components of the "is required by" graph of the availability model (an arc u → owner(g) for
// every group g that u is a member of), by Tarjan's algorithm with an explicit call stack: no recursion, so a
// 200,000-deep dependency chain is fine. Tarjan emits components in reverse topological order, so a node's
// dependents in other components are always emitted before it; `allImpactCounts` relies on that order.
//
// Cost: O(V + M) time and memory, M being the number of group memberships.

import type { AvailabilityModel } from './availability-model.js';

export interface DependentsOrder {
  /** Every node once, dependents' components first. */
  order: Int32Array;
  /** Component number of each node, in emission order. */
  component: Int32Array;
  /** Position of each node in `order`. */
  position: Int32Array;
}

export function dependentsFirstOrder(model: AvailabilityModel): DependentsOrder {
  const { nodeCount: n, occurrenceStart, occurrenceGroup, groupOwner } = model;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const next = new Int32Array(n);
  const callStack = new Int32Array(n);
  const sccStack = new Int32Array(n);
  const order = new Int32Array(n);
  let counter = 0;
  let components = 0;
  let emitted = 0;
  let sccTop = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let callTop = 0;
    index[root] = low[root] = counter++;
    next[root] = occurrenceStart[root];
    sccStack[sccTop++] = root;
    callStack[callTop++] = root;
    while (callTop > 0) {
      const v = callStack[callTop - 1];
      if (next[v] < occurrenceStart[v + 1]) {
        const w = groupOwner[occurrenceGroup[next[v]++]];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          next[w] = occurrenceStart[w];
          sccStack[sccTop++] = w;
          callStack[callTop++] = w;
        } else if (component[w] === -1 && index[w] < low[v]) {
          // Visited but not yet in a finished component: w is on the Tarjan stack.
          low[v] = index[w];
        }
        continue;
      }
      callTop--;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = sccStack[--sccTop];
          component[w] = components;
          order[emitted++] = w;
        } while (w !== v);
        components++;
      }
      if (callTop > 0) {
        const parent = callStack[callTop - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  const position = new Int32Array(n);
  for (let i = 0; i < n; i++) position[order[i]] = i;
  return { order, component, position };
}
