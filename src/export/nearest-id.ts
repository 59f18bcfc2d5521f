// "Did you mean …?" for an unknown node id: the closest id by Levenshtein distance, if it is close enough.
//
// Algorithm: two-row Levenshtein DP restricted to a diagonal band of width 2k+1 (Ukkonen's cut-off), with an early
// exit once a whole row exceeds the bound. Cost: O(V · L · k) for V candidates of length L and bound k.

/** The candidate nearest to `wanted` (case-insensitively), ties broken by the smaller id; undefined if none is close. */
export function nearestId(wanted: string, candidates: readonly string[]): string | undefined {
  const target = wanted.toLowerCase();
  const bound = Math.max(1, Math.min(3, Math.floor(target.length / 3)));
  let best: string | undefined;
  let bestDistance = bound + 1;
  for (const candidate of candidates) {
    const d = boundedLevenshtein(target, candidate, Math.min(bound, bestDistance));
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= bound ? best : undefined;
}

/** The edit distance between a and b if it is at most k, else k + 1. */
export function boundedLevenshtein(a: string, b: string, k: number): number {
  if (Math.abs(a.length - b.length) > k) return k + 1;
  const over = k + 1;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j <= k ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(b.length, i + k);
    current.fill(over);
    current[0] = i <= k ? i : over;
    let rowMin = current[0];
    for (let j = lo; j <= hi; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(substitution, previous[j] + 1, current[j - 1] + 1, over);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > k) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], over);
}
