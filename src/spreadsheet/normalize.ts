// Matching headings and values the way people type them: case, accents, punctuation and spacing do not matter.
// `Date de fin de contrat`, `date_de_fin_de_contrat` and `DATE DE FIN DE CONTRAT` are one heading.

/** Lower case with accents folded: `Élevé` → `eleve`. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function normalizeLabel(text: string): string {
  return foldAccents(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Also ignores the spaces left by punctuation, so `ISO 27001` matches `iso27001` and `sig-lite` matches `siglite`. */
export function compactLabel(text: string): string {
  return normalizeLabel(text).replace(/ /g, '');
}
