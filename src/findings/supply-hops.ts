// A witness's supply hops in words (SPEC §2.2): shared by the rule that writes the finding's message and by the
// reporters that print its path, so both say it the same way.

/** `v supplies a, a supplies b`: the first `supplyHops` steps of a witness, in words. */
export function supplyHopsText(labels: readonly string[], supplyHops: number): string {
  return labels.slice(0, supplyHops).map((label, i) => `${label} supplies ${labels[i + 1]}`).join(', ');
}
