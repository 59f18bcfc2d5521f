// "Did you mean …?" for unknown keys and unknown references: the nearest candidate by edit distance, when it is near
// enough to be a plausible typo. Levenshtein with two rolling rows: O(|a|·|b|) time, O(|b|) memory.

export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const limit = typoLimit(word, candidate);
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(word, candidate);
    if (distance > limit) continue;
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** How many edits still read as a typo: a third of the longer word, at least two. Measured on the longer of the two
 * so that a truncated name finds its full form (`critical` → `criticality`, 3 edits in 11 letters) as readily as a
 * long misspelling finds the short one. */
function typoLimit(word: string, candidate: string): number {
  return Math.max(2, Math.floor(Math.max(word.length, candidate.length) / 3));
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const suggestion = nearest(word, candidates);
  return suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
}

export function editDistance(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
