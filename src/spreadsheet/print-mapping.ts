// `sidedoor import --print-mapping`: the mapping the import inferred (or was given), written as a mapping file the
// user can correct and pass back with --mapping. Columns nothing recognised are listed as `ignore` with a comment,
// and enumeration or yes/no values nothing recognised are listed, commented out, under `values`, ready to be mapped.

import { yamlString } from '../util/yaml-text.js';
import type { Mapping } from './mapping.js';
import { valueMapFor } from './mapping.js';
import type { TablePlan } from './plan-tables.js';
import { specOf } from './plan-tables.js';
import { DEFAULT_SEPARATORS } from './read-rows.js';
import { tableLabel } from './table.js';
import { cellText, isBlank, toBoolean, toEnum } from './values.js';

export function printMapping(plans: readonly TablePlan[], mapping: Mapping | undefined): string {
  const lines = [
    '# Mapping for `sidedoor import --mapping FILE`: correct it, then import with it.',
    '# Fields of each kind: see docs/commands.md (sidedoor import). `ignore` skips a column.',
    'version: 1',
    `date_format: ${mapping?.date_format ?? 'DD/MM/YYYY'}`,
    `separators: [${(mapping?.separators ?? DEFAULT_SEPARATORS).map(yamlString).join(', ')}]`,
    'tables:',
  ];
  const unknownValues = new Map<string, Set<string>>();
  for (const plan of plans) {
    lines.push(`  ${yamlString(tableLabel(plan.table))}:`);
    if (plan.kind === undefined) {
      lines.push('    kind: ignore   # not recognised: name its kind (zones, vendors, systems, links, acceptances, contacts, assessments, certifications, settings)');
      lines.push(`    header_row: ${plan.table.headerRow}`, '    columns:');
      for (const heading of plan.table.headers) if (heading.trim() !== '') lines.push(`      ${yamlString(heading)}: ignore`);
      continue;
    }
    lines.push(`    kind: ${plan.kind}`, `    header_row: ${plan.table.headerRow}`, '    columns:');
    for (const column of plan.columns) {
      const note = column.ignored === 'unknown' ? '   # not recognised' : column.ignored === 'derived' ? '   # derived by sidedoor export' : '';
      lines.push(`      ${yamlString(column.heading)}: ${column.field ?? 'ignore'}${note}`);
      if (column.field === undefined) continue;
      const spec = specOf(plan.kind, column.field).spec;
      if (spec.type !== 'enum' && spec.type !== 'bool') continue;
      const key = `${plan.kind}.${column.field}`;
      const values = valueMapFor(mapping, plan.kind, column.field);
      for (const row of plan.table.rows) {
        const raw = row.cells[column.column - 1] ?? null;
        if (isBlank(raw)) continue;
        const ok = spec.type === 'bool' ? toBoolean(raw, values).ok : toEnum(raw, column.field, spec.values, spec.synonyms, values).ok;
        if (ok) continue;
        let set = unknownValues.get(key);
        if (set === undefined) unknownValues.set(key, (set = new Set()));
        if (set.size < 50) set.add(cellText(raw));
      }
    }
  }
  const existing = Object.entries(mapping?.values ?? {});
  if (existing.length > 0 || unknownValues.size > 0) lines.push('values:');
  for (const [field, map] of existing) {
    lines.push(`  ${yamlString(field)}:`);
    for (const [k, v] of Object.entries(map)) lines.push(`    ${yamlString(k)}: ${typeof v === 'boolean' ? String(v) : yamlString(v)}`);
  }
  for (const [key, texts] of [...unknownValues].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [kind, field] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    const spec = specOf(kind as Parameters<typeof specOf>[0], field).spec;
    const choices = spec.type === 'enum' ? spec.values.join(', ') : 'true, false';
    lines.push(`  # ${key}: values not recognised; map each to one of ${choices}`, `  # ${yamlString(key)}:`);
    for (const t of [...texts].sort()) lines.push(`  #   ${yamlString(t)}: `);
  }
  return `${lines.join('\n')}\n`;
}
