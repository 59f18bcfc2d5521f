// Ids for imported entities: from the id column when there is one, else derived from the name (lower-case ASCII,
// accents folded, punctuation as `-`), made unique by `-2`, `-3`… in row order, so the same input always gives the
// same ids. Explicit ids are claimed before any derived one, so a derived id never takes an id a row asked for.

import { ID_PATTERN } from '../register/schema.js';
import type { ImportProblem } from './table.js';
import { formatCellRef } from './table.js';
import { foldAccents } from './normalize.js';
import type { RowRecord } from './read-rows.js';

export function slugId(text: string): string {
  let s = foldAccents(text)
    .replace(/[^a-z0-9._-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  if (s.length > 64) s = s.slice(0, 64).replace(/[^a-z0-9]+$/, '');
  return s;
}

export interface IdClaims {
  /** id → where it was claimed ('' for built-ins). */
  claimed: Map<string, string>;
}

export function newClaims(builtins: readonly string[]): IdClaims {
  return { claimed: new Map(builtins.map((id) => [id, ''])) };
}

/** Sets `record.id` on every record of the list (one namespace), reporting duplicate explicit ids at their cells. */
export function assignIds(records: RowRecord[], claims: IdClaims, fallback: string, problems: ImportProblem[]): Map<RowRecord, string> {
  const ids = new Map<RowRecord, string>();
  for (const record of records) {
    const cell = record.fields.get('id');
    if (cell === undefined) continue;
    const text = String(cell.value);
    const id = ID_PATTERN.test(text) ? text : slugId(text);
    if (id === '') {
      problems.push({ where: formatCellRef(cell.ref), message: `id '${text}' has no letter or digit to make an id from`, severity: 'error' });
      continue;
    }
    const first = claims.claimed.get(id);
    if (first !== undefined) {
      problems.push({ where: formatCellRef(cell.ref), message: first === '' ? `'${id}' is a built-in id; choose another` : `duplicate id '${id}': already used at ${first}`, severity: 'error' });
      continue;
    }
    claims.claimed.set(id, formatCellRef(cell.ref));
    ids.set(record, id);
  }
  for (const record of records) {
    if (ids.has(record) || record.fields.has('id')) continue;
    const name = record.fields.get('name');
    const base = (name === undefined ? '' : slugId(String(name.value)).slice(0, 58).replace(/[^a-z0-9]+$/, '')) || fallback;
    let id = base;
    for (let n = 2; claims.claimed.has(id); n++) id = `${base}-${n}`;
    claims.claimed.set(id, formatCellRef(record.ref));
    ids.set(record, id);
  }
  return ids;
}
