// The mapping file: how a layout the built-in headings cannot read maps onto the register. `--print-mapping` writes
// the mapping an import inferred, in this same format, so a user starts from it and corrects what was wrong.
//
//   version: 1
//   date_format: DD/MM/YYYY          # or MM/DD/YYYY, YYYY-MM-DD; how text dates like 03/04/2026 are read
//   separators: [";", "\n"]          # what splits list cells (tags, via, subprocessors, depends_on)
//   tables:
//     vendors.xlsx!Fournisseurs:     # a CSV file name, or `workbook!sheet`, or just the sheet name
//       kind: vendors                # or `ignore`
//       header_row: 1
//       columns:
//         Raison sociale: name
//         Commentaire interne: ignore
//   values:                          # per field (`tier`), or per kind and field (`systems.criticality`)
//     tier: { Très élevé: critical }
//     exit_plan: { Prévu: true }

import { isMap, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { DateFormat } from './values.js';
import { compactLabel, normalizeLabel } from './normalize.js';
import { fieldSpec, TABLE_KINDS } from './fields.js';
import type { TableKind } from './fields.js';
import type { ImportProblem } from './table.js';

export interface TableMapping {
  kind: TableKind | 'ignore';
  header_row?: number;
  /** Heading as written → field, or `ignore`. */
  columns?: Record<string, string>;
}

export interface Mapping {
  version: 1;
  date_format?: DateFormat;
  separators?: string[];
  tables?: Record<string, TableMapping>;
  values?: Record<string, Record<string, string | boolean>>;
}

const mappingSchema = z.strictObject({
  version: z.literal(1),
  date_format: z.enum(['DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD']).optional(),
  separators: z.array(z.string().min(1)).min(1).optional(),
  tables: z.record(z.string(), z.strictObject({
    kind: z.enum([...TABLE_KINDS, 'ignore'] as unknown as [string, ...string[]]),
    header_row: z.number().int().min(1).max(1000).optional(),
    columns: z.record(z.string(), z.string()).nullish(),
  })).nullish(),
  // Null as well as absent: a printed mapping whose only values are still commented out says `values:` and nothing.
  values: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.boolean()])).nullish()).nullish(),
});

/** Parses and checks a mapping file; problems are located at `file:line:col`. */
export function parseMapping(file: string, text: string): { mapping?: Mapping; problems: ImportProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return `${file}:${pos.line}:${pos.col}`;
  };
  if (doc.errors.length > 0) return { problems: doc.errors.map((e) => ({ where: at(e.pos[0]), message: e.message.split('\n')[0], severity: 'error' })) };
  const parsed = mappingSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
        const path = issue.path.length === 0 ? 'the mapping' : issue.path.join('.');
        return { where: at(node?.range?.[0] ?? (isMap(doc.contents) ? doc.contents.range?.[0] : 0)), message: `${path}: ${issue.message}`, severity: 'error' as const };
      }),
    };
  }
  const mapping = withoutNulls(parsed.data as Mapping);
  const problems: ImportProblem[] = [];
  for (const [name, table] of Object.entries(mapping.tables ?? {})) {
    if (table.kind === 'ignore') continue;
    for (const [heading, field] of Object.entries(table.columns ?? {})) {
      if (field !== 'ignore' && fieldSpec(table.kind, field) === undefined) {
        const node = doc.getIn(['tables', name, 'columns', heading], true) as { range?: [number, number, number] } | undefined;
        problems.push({ where: at(node?.range?.[0]), message: `'${field}' is not a field of ${table.kind} (or \`ignore\`)`, severity: 'error' });
      }
    }
  }
  return { mapping, problems };
}

function withoutNulls(mapping: Mapping): Mapping {
  const tables = Object.fromEntries(Object.entries(mapping.tables ?? {}).map(([k, t]) => [k, { ...t, columns: t.columns ?? undefined }]));
  const values = Object.fromEntries(Object.entries(mapping.values ?? {}).filter(([, v]) => v !== null && v !== undefined));
  return { ...mapping, tables, values };
}

/** The user's value maps for one field of one kind, with keys compacted the way cell values are. */
export function valueMapFor(mapping: Mapping | undefined, kind: TableKind, field: string): Map<string, unknown> | undefined {
  const maps = [mapping?.values?.[field.split('.').pop() as string], mapping?.values?.[field], mapping?.values?.[`${kind}.${field}`]];
  if (maps.every((m) => m === undefined)) return undefined;
  const out = new Map<string, unknown>();
  for (const m of maps) for (const [k, v] of Object.entries(m ?? {})) out.set(compactLabel(k), v);
  return out;
}

/** The mapping entry for a table: by `file!sheet` (or CSV file name), else by sheet name, else by title. */
export function tableMappingFor(mapping: Mapping | undefined, label: string, sheet: string | undefined, title: string): TableMapping | undefined {
  const tables = mapping?.tables;
  if (tables === undefined) return undefined;
  for (const key of [label, sheet, title]) {
    if (key === undefined) continue;
    const found = Object.entries(tables).find(([k]) => k === key) ?? Object.entries(tables).find(([k]) => normalizeLabel(k) === normalizeLabel(key));
    if (found) return found[1];
  }
  return undefined;
}
