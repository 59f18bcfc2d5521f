// Report section 8: each rule mapped to ISO/IEC 27001:2022 Annex A and NIS2 Art. 21(2), straight from the rules'
// metadata (the single source of the mapping), with the findings each rule raised; then the same mapping read the
// other way, by control, which is how an auditor walks a statement of applicability.

import type { Finding } from '../../findings/types.js';
import type { RuleMeta } from '../../rules/types.js';
import { escapeMarkdownTableCell as cell } from '../markdown-escape.js';
import { formatCount, table } from './text.js';
import type { AuditReportInput } from './types.js';

/** Orders `A.5.9` before `A.5.19` and `Art. 21(2)(b)` before `(d)`: numbers compare as numbers, the rest by code unit. */
export function compareControls(a: string, b: string): number {
  const partsA = a.match(/\d+|\D+/g) ?? [];
  const partsB = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(partsA.length, partsB.length); i++) {
    const x = partsA[i];
    const y = partsB[i];
    if (x === y) continue;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    if (numeric && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return partsA.length - partsB.length;
}

function countsByRule(findings: readonly Finding[]): Map<string, { open: number; accepted: number }> {
  const counts = new Map<string, { open: number; accepted: number }>();
  for (const finding of findings) {
    const entry = counts.get(finding.rule) ?? { open: 0, accepted: 0 };
    if (finding.status === 'accepted') entry.accepted += 1;
    else entry.open += 1;
    counts.set(finding.rule, entry);
  }
  return counts;
}

/** `A.5.19` from `A.5.19 Information security in supplier relationships`; `Art. 21(2)(d)` likewise; else the text. */
export function controlReference(control: string): string {
  const match = /^(A\.\d+(?:\.\d+)*|Art\.\s*\d+(?:\([0-9a-z]+\))*)(?=\s|$)/.exec(control);
  return match === null ? control : match[1];
}

// Grouped by reference, so two rules naming one control in different words share a row (both wordings are shown).
function byControl(rules: readonly RuleMeta[], pick: (rule: RuleMeta) => readonly string[], counts: ReadonlyMap<string, { open: number }>): string[][] {
  const controls = new Map<string, { wordings: Set<string>; rules: string[] }>();
  for (const rule of rules) {
    for (const control of pick(rule)) {
      const reference = controlReference(control);
      const entry = controls.get(reference) ?? { wordings: new Set<string>(), rules: [] };
      entry.wordings.add(control);
      if (!entry.rules.includes(rule.id)) entry.rules.push(rule.id);
      controls.set(reference, entry);
    }
  }
  return [...controls.keys()].sort(compareControls).map((reference) => {
    const entry = controls.get(reference) as { wordings: Set<string>; rules: string[] };
    const open = entry.rules.reduce((sum, id) => sum + (counts.get(id)?.open ?? 0), 0);
    const wordings = [...entry.wordings].sort(compareControls).map(cell).join(' / ');
    return [wordings, entry.rules.map(cell).join(', '), formatCount(open)];
  });
}

export function controlMappingSection({ register, result, rules }: AuditReportInput): string[] {
  const counts = countsByRule(result.findings);
  const rows = rules.map((rule) => {
    const off = register.config.rules.get(rule.id)?.off === true;
    const count = counts.get(rule.id);
    return [
      `${cell(rule.id)}${off ? ' (off)' : ''}`,
      cell(rule.title),
      rule.iso27001.map(cell).join('; '),
      rule.nis2.map(cell).join('; '),
      off ? '—' : formatCount(count?.open ?? 0),
      off ? '—' : formatCount(count?.accepted ?? 0),
    ];
  });
  return [
    '## Control mapping',
    '',
    'Which controls each check supports, from the rule catalogue. A rule marked "(off)" is disabled in this register '
      + '(`rules:` in sidedoor.yaml), so its controls are not evidenced by this report.',
    '',
    ...table(['Rule', 'Checks', 'ISO/IEC 27001:2022 Annex A', 'NIS2 Art. 21(2)', 'Open', 'Accepted'], 'llllrr', rows),
    '',
    '### By ISO/IEC 27001:2022 control',
    '',
    ...table(['Control', 'Rules', 'Open findings'], 'llr', byControl(rules, (r) => r.iso27001, counts)),
    '',
    '### By NIS2 Art. 21(2) measure',
    '',
    ...table(['Measure', 'Rules', 'Open findings'], 'llr', byControl(rules, (r) => r.nis2, counts)),
  ];
}
