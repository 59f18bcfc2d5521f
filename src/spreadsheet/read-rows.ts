// Table rows → records: each planned column's cell converted to its field's type, located at its cell. References
// (zones, vendors, nodes) stay as the text the user wrote; resolving them needs every table's ids first.

import type { FieldType, TableKind } from './fields.js';
import type { Mapping } from './mapping.js';
import { valueMapFor } from './mapping.js';
import type { TablePlan } from './plan-tables.js';
import { specOf } from './plan-tables.js';
import type { CellRef, ImportProblem } from './table.js';
import { formatCellRef } from './table.js';
import { compactLabel } from './normalize.js';
import type { Converted, DateFormat } from './values.js';
import { cellText, isBlank, splitList, toBoolean, toDate, toEnum, toNumber } from './values.js';

export interface FieldValue {
  /** Converted value; for references, the text (or texts, or groups of texts for depends_on) still to resolve. */
  value: unknown;
  ref: CellRef;
}

export interface RowRecord {
  kind: TableKind;
  /** Row position, for the source comment and the entity's own errors. */
  ref: CellRef;
  fields: Map<string, FieldValue>;
}

export interface Contact { name: string; email: string; role: string; phone?: string }

export interface ReadSettings {
  mapping?: Mapping;
  separators: readonly string[];
  dateFormat: DateFormat;
}

export const DEFAULT_SEPARATORS = [';', '\n'];

export function readRows(plan: TablePlan, settings: ReadSettings, problems: ImportProblem[]): RowRecord[] {
  const { table, kind } = plan;
  if (kind === undefined) return [];
  const records: RowRecord[] = [];
  // Per column, once: its field, type and the user's value map.
  const columns = plan.columns.flatMap((c) => (c.field === undefined ? [] : [{
    column: c.column, field: c.field, spec: specOf(kind, c.field), values: valueMapFor(settings.mapping, kind, c.field),
  }]));
  for (const row of table.rows) {
    // A blank row (a spreadsheet's spacing) is no entity, and nothing in it is missing.
    if (row.cells.every((c) => isBlank(c ?? null))) continue;
    const fields = new Map<string, FieldValue>();
    for (const { column, field, spec, values } of columns) {
      const raw = row.cells[column - 1] ?? null;
      if (isBlank(raw)) {
        if (spec.required) problems.push({ where: formatCellRef({ table, row: row.row, column }), message: `${field} is required but this cell is empty`, severity: 'error' });
        continue;
      }
      const ref: CellRef = { table, row: row.row, column };
      const converted = convert(field, spec.spec, raw, settings, values, table.date1904);
      if (converted.ok) fields.set(field, { value: converted.value, ref });
      else problems.push({ where: formatCellRef(ref), message: converted.message, severity: 'error' });
    }
    records.push({ kind, ref: { table, row: row.row, column: 0 }, fields });
  }
  return records;
}

function convert(
  field: string, spec: FieldType, raw: Parameters<typeof cellText>[0], settings: ReadSettings, values: ReadonlyMap<string, unknown> | undefined, date1904: boolean,
): Converted<unknown> {
  const name = field.split('.').pop() as string;
  // A user's value map may turn any word into any value, also for text and list fields.
  switch (spec.type) {
    case 'string': case 'id': case 'ref': return { ok: true, value: mappedText(cellText(raw), values) };
    case 'enum': return toEnum(raw, name, spec.values, spec.synonyms, values);
    case 'bool': return toBoolean(raw, values);
    case 'int': return toNumber(raw, true, spec.min, spec.max);
    case 'number': return toNumber(raw, false, spec.min);
    case 'date': return toDate(raw, settings.dateFormat, date1904);
    case 'strings': case 'refs': case 'certifications':
      return { ok: true, value: splitList(cellText(raw), settings.separators).map((t) => mappedText(t, values)) };
    case 'depends':
      return { ok: true, value: splitList(cellText(raw), settings.separators).map((group) => ({ anyOf: group.includes('|'), ids: splitList(group, ['|']) })) };
    case 'contacts': return toContacts(cellText(raw), spec.role, settings.separators);
  }
}

function mappedText(text: string, values: ReadonlyMap<string, unknown> | undefined): string {
  if (values === undefined) return text;
  const mapped = values.get(compactLabel(text));
  return typeof mapped === 'string' ? mapped : text;
}

/** `Jeanne Martin <jeanne@example.com>`, optionally followed by a phone number, or a bare address. */
function toContacts(text: string, role: string, separators: readonly string[]): Converted<Contact[]> {
  const contacts: Contact[] = [];
  for (const item of splitList(text, separators)) {
    const full = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*(.*)$/.exec(item);
    if (full) {
      contacts.push({ name: full[1] === '' ? full[2] : full[1], email: full[2], role, ...(full[3] === '' ? {} : { phone: full[3] }) });
      continue;
    }
    if (/^[^\s@<>]+@[^\s@<>]+$/.test(item)) {
      contacts.push({ name: item, email: item, role });
      continue;
    }
    return { ok: false, message: `contact '${item}' is not an e-mail address nor \`Name <address>\`` };
  }
  return { ok: true, value: contacts };
}
