// A file that does not parse defines nothing, so every reference to an id it would have defined turns into "does not
// exist" elsewhere: one tab in zones.yaml used to print fifty such lines ahead of the one that named the tab. This
// module keeps that cascade quiet and says in one line per broken file how many references it left unchecked.
//
// The rule, deterministic and conservative (a genuine typo elsewhere is still reported):
//   - A file "does not parse" when it has an error and yielded nothing: no entity, no entry that failed its schema,
//     no settings. (YAML syntax errors, duplicate keys, bytes that are not UTF-8, nesting or alias limits, a root that
//     is not a mapping, or only unknown top-level keys.)
//   - Such a file could define an entity kind when its text has that kind as a top-level key (`zones:` at column 1);
//     when it has none of them, it could define any kind.
//   - It could define an id when its text has `id: <that id>` (quoted or not, block or flow style).
//   - An unknown reference is not reported when some file that does not parse could define both its kind and its
//     id; it is counted against the first such file in path order, and each file with a count gets one line.

import { ENTITY_KEYS } from './register-names.js';
import type { EntityKey } from './register-names.js';
import type { Diagnostic } from './types.js';
import { compareIds } from '../util/compare-ids.js';
import { plural } from '../util/plural.js';

/** What a file that does not parse could have defined, read from its raw text. */
export interface UnparsedFile {
  keys: EntityKey[];
  ids: string[];
}

const TOP_LEVEL_KEY = new RegExp(`^["']?(${ENTITY_KEYS.join('|')})["']?[ \\t]*:`, 'gm');
const ID_FIELD = /(?:^|[\s{,-])["']?id["']?[ \t]*:[ \t]*["']?([a-z0-9][a-z0-9._-]*)/gm;

export function whatItCouldDefine(text: string): UnparsedFile {
  const keys = new Set<EntityKey>();
  for (const match of text.matchAll(TOP_LEVEL_KEY)) keys.add(match[1] as EntityKey);
  const ids = new Set<string>();
  for (const match of text.matchAll(ID_FIELD)) ids.add(match[1]);
  return { keys: keys.size > 0 ? ENTITY_KEYS.filter((k) => keys.has(k)) : [...ENTITY_KEYS], ids: [...ids].sort(compareIds) };
}

export function yieldedNothing(parsed: { entities: unknown[]; invalidIds: unknown[]; config?: unknown; diagnostics: Diagnostic[] }): boolean {
  return parsed.entities.length === 0 && parsed.invalidIds.length === 0 && parsed.config === undefined
    && parsed.diagnostics.some((d) => d.severity === 'error');
}

/** Counts the unknown references that a file that does not parse may explain, per file. */
export class UncheckedReferences {
  private readonly files: { file: string; keys: Set<EntityKey>; ids: Set<string>; at: Diagnostic | undefined }[];
  private readonly counts = new Map<string, number>();

  constructor(files: readonly { file: string; unparsed?: UnparsedFile; diagnostics: Diagnostic[] }[]) {
    this.files = files.filter((f) => f.unparsed !== undefined)
      .map((f) => ({
        file: f.file, keys: new Set(f.unparsed?.keys), ids: new Set(f.unparsed?.ids),
        at: f.diagnostics.find((d) => d.severity === 'error'),
      }))
      .sort((a, b) => compareIds(a.file, b.file));
  }

  /** True (and counted) when the reference to `id`, an entity of one of `kinds`, may live in a file that did not parse. */
  explains(kinds: readonly EntityKey[], id: string): boolean {
    const culprit = this.files.find((f) => f.ids.has(id) && kinds.some((k) => f.keys.has(k)));
    if (culprit === undefined) return false;
    this.counts.set(culprit.file, (this.counts.get(culprit.file) ?? 0) + 1);
    return true;
  }

  /** One line per file that left references unchecked, at that file's first error. */
  summaries(): Diagnostic[] {
    return this.files.filter((f) => this.counts.has(f.file)).map((f) => ({
      file: f.file, line: f.at?.line ?? 1, column: f.at?.column ?? 1, severity: 'error', scope: 'unchecked-references',
      message: `${plural(this.counts.get(f.file) ?? 0, 'reference')} into \`${f.file}\` could not be checked because it does not parse`,
    }));
  }
}
