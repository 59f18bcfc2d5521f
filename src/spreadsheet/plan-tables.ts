// Which kind each table holds and which field each of its columns feeds: from the mapping file when it names the
// table, else inferred from the sheet or file name and the headings. The plan is also what `--print-mapping` prints.

import type { FieldSpec, TableKind } from './fields.js';
import { DERIVED_HEADINGS, fieldOfHeading, kindOfTitle, REPORT_TABLE_NAMES, TABLE_FIELDS } from './fields.js';
import type { Mapping, TableMapping } from './mapping.js';
import { tableMappingFor } from './mapping.js';
import { normalizeLabel } from './normalize.js';
import type { ImportProblem, Table } from './table.js';
import { formatCellRef, tableLabel } from './table.js';

export interface ColumnPlan {
  /** 1-based column. */
  column: number;
  heading: string;
  /** Undefined: ignored. */
  field?: string;
  /** Why it is ignored: the user said so, the export derived it, or nothing recognised it. */
  ignored?: 'mapping' | 'derived' | 'unknown';
}

export interface TablePlan {
  table: Table;
  kind?: TableKind;
  columns: ColumnPlan[];
}

export function planTable(table: Table, mapping: Mapping | undefined, problems: ImportProblem[]): TablePlan {
  const label = tableLabel(table);
  const mapped = tableMappingFor(mapping, label, table.sheet, table.title);
  const kind = mapped ? (mapped.kind === 'ignore' ? undefined : mapped.kind) : kindOfTitle(table.title);
  const plan: TablePlan = { table, kind, columns: [] };
  if (kind === undefined) {
    const isReport = REPORT_TABLE_NAMES.includes(normalizeLabel(table.title));
    if (!mapped && !isReport) {
      problems.push({ where: label, message: `skipped: '${table.title}' does not name a table kind (zones, vendors, systems, links, acceptances, contacts, assessments, certifications, settings); name it in the mapping file`, severity: 'note' });
    }
    return plan;
  }
  plan.columns = planColumns(table, kind, mapped, problems);
  const fields = new Set(plan.columns.map((c) => c.field));
  for (const spec of TABLE_FIELDS[kind]) {
    if (spec.required && !fields.has(spec.field)) {
      problems.push({
        where: formatCellRef({ table, row: table.headerRow, column: 0 }),
        message: `no column for the required field '${spec.field}' of ${kind} (headings read: ${table.headers.filter((h) => h !== '').join(', ') || 'none'}); map one in the mapping file (try --print-mapping)`,
        severity: 'error',
      });
    }
  }
  return plan;
}

function planColumns(table: Table, kind: TableKind, mapped: TableMapping | undefined, problems: ImportProblem[]): ColumnPlan[] {
  const derived = (DERIVED_HEADINGS[kind] ?? []).map(normalizeLabel);
  const taken = new Map<string, number>();
  const columns: ColumnPlan[] = [];
  table.headers.forEach((heading, i) => {
    const column = i + 1;
    if (heading.trim() === '') return;
    const explicit = mapped?.columns === undefined ? undefined
      : Object.entries(mapped.columns).find(([h]) => h === heading) ?? Object.entries(mapped.columns).find(([h]) => normalizeLabel(h) === normalizeLabel(heading));
    let plan: ColumnPlan;
    if (explicit !== undefined) plan = explicit[1] === 'ignore' ? { column, heading, ignored: 'mapping' } : { column, heading, field: explicit[1] };
    else if (derived.includes(normalizeLabel(heading))) plan = { column, heading, ignored: 'derived' };
    else {
      const field = fieldOfHeading(kind, heading);
      plan = field === undefined ? { column, heading, ignored: 'unknown' } : { column, heading, field };
    }
    if (plan.field !== undefined) {
      const first = taken.get(plan.field);
      if (first !== undefined) {
        problems.push({ where: formatCellRef({ table, row: table.headerRow, column }), message: `column '${heading}' feeds '${plan.field}', which column ${first} already feeds; map one of them to \`ignore\` in the mapping file`, severity: 'error' });
        plan = { column, heading, ignored: 'mapping' };
      } else taken.set(plan.field, column);
    }
    if (plan.ignored === 'unknown') {
      problems.push({ where: formatCellRef({ table, row: table.headerRow, column }), message: `column '${heading}' is not a field of ${kind}; it is skipped (map it in the mapping file)`, severity: 'note' });
    }
    columns.push(plan);
  });
  return columns;
}

export function specOf(kind: TableKind, field: string): FieldSpec {
  return TABLE_FIELDS[kind].find((f) => f.field === field) as FieldSpec;
}
