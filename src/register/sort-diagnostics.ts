// The one order of diagnostics, for every loader and for the authoring workspace.

import type { Diagnostic } from './types.js';

/** Each file's own diagnostics (reading, YAML, schema) first, then the count of references left unchecked by files
 * that do not parse, then what only the whole register can tell (duplicates, references): a broken file is more often
 * the cause of a reference error than the other way round. Within each group, by place, then message. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.scope === undefined ? 0 : d.scope === 'unchecked-references' ? 1 : 2);
  return [...diagnostics].sort((a, b) => rank(a) - rank(b)
    || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column
    || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}
