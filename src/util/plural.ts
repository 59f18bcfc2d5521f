// Counted nouns, written one way everywhere: `1 vendor`, `2 vendors`, `1,024 files`. No locale, so the same bytes on
// every machine. Irregular plurals pass their plural form (`plural(n, 'policy', 'policies')`).

/** `182500` → `182,500`, independent of the machine's locale. */
export function formatCount(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

/** `1 hop`, `3 hops`. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}

/** The noun alone, for sentences that place the number themselves: `noun(1, 'path')` → `path`. */
export function noun(n: number, singular: string, pluralForm = `${singular}s`): string {
  return n === 1 ? singular : pluralForm;
}

/** The verb agreeing with a count: `verb(1, 'loses', 'lose')` → `loses`. */
export function verb(n: number, singularForm: string, pluralForm: string): string {
  return n === 1 ? singularForm : pluralForm;
}
