// References by id or by name: a system's "Fournisseur" column holding "ParkCo SAS" resolves to the vendor whose
// id, id as written, or name is that text (compared case- and accent-insensitively). A name shared by two entities
// is ambiguous and must be written as an id; a text that matches nothing is an error at its cell.

import { didYouMean } from '../register/suggest.js';
import { normalizeLabel } from './normalize.js';

export class RefPool {
  private readonly ids = new Set<string>();
  private readonly byLabel = new Map<string, Set<string>>();

  add(id: string, ...labels: (string | undefined)[]): void {
    this.ids.add(id);
    for (const label of [id, ...labels]) {
      if (label === undefined) continue;
      const key = normalizeLabel(label);
      if (key === '') continue;
      let set = this.byLabel.get(key);
      if (set === undefined) this.byLabel.set(key, (set = new Set()));
      set.add(id);
    }
  }

  hasId(id: string): boolean {
    return this.ids.has(id);
  }

  allIds(): Iterable<string> {
    return this.ids;
  }

  matches(text: string): Set<string> {
    return this.byLabel.get(normalizeLabel(text)) ?? new Set();
  }
}

export type Resolved = { ok: true; id: string } | { ok: false; message: string };

/** Exact ids first (in any pool), then labels; pools are searched together so a name in two pools is ambiguous.
 * `what` names the pools in messages (`vendor`, `vendor or system`). */
export function resolveRef(text: string, pools: readonly RefPool[], what: string): Resolved {
  for (const pool of pools) if (pool.hasId(text)) return { ok: true, id: text };
  const found = new Set<string>();
  for (const pool of pools) for (const id of pool.matches(text)) found.add(id);
  if (found.size === 1) return { ok: true, id: [...found][0] };
  if (found.size > 1) return { ok: false, message: `'${text}' names more than one ${what} (${[...found].sort().join(', ')}); write the id instead` };
  const candidates = pools.flatMap((p) => [...p.allIds()]);
  return { ok: false, message: `${what} '${text}' is not in the spreadsheet (no id or name matches)${didYouMean(text, candidates)}` };
}
