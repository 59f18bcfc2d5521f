// How `sidedoor rules` prints the catalogue: a cli-table3 table for a terminal, a GFM markdown table (every cell
// escaped for markdown), or JSON. Rule metadata is the tool's own text; register values (policy descriptions,
// gateway ids) still go through terminalText on the way to a terminal.

import Table from 'cli-table3';
import { escapeMarkdownTableCell } from '../report/markdown-escape.js';
import { terminalText } from '../report/terminal-text.js';
import type { RuleCatalogue } from './rule-catalogue.js';
import { overrideText } from './rule-catalogue.js';
import type { Paint } from './text-style.js';
import { plural } from './text-style.js';

const t = terminalText;

export function rulesTable(catalogue: RuleCatalogue, chalk: Paint, width: number): string {
  const total = Math.max(100, Math.min(width, 220));
  const fixed = [26, 25, 30];
  const borders = (fixed.length + 1) * 3 + 1;
  const describeWidth = Math.max(30, total - borders - fixed.reduce((a, b) => a + b, 0));
  const table = new Table({
    head: ['Rule', 'Default severity', 'What it checks', 'ISO 27001:2022 / NIS2'],
    colWidths: [fixed[0] + 2, fixed[1] + 2, describeWidth + 2, fixed[2] + 2],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const { meta, override } of catalogue.rules) {
    const here = overrideText(override);
    table.push([
      `${chalk.bold(meta.id)}\n${chalk.dim(meta.family)}${here === '' ? '' : `\n${chalk.yellow(`here: ${t(here)}`)}`}`,
      meta.severityText,
      `${chalk.bold(meta.title)}\n${meta.description}`,
      [...meta.iso27001, ...meta.nis2].join('\n'),
    ]);
  }
  const out = [table.toString(), `${plural(catalogue.rules.length, 'rule')}.`];
  if (catalogue.policies !== undefined) {
    out.push('', chalk.bold('Segmentation policy of this register (each rule feeds unsegmented-path)'));
    for (const policy of catalogue.policies) {
      const via = policy.builtin ? 'every enforcement system' : policy.allowVia.length === 0 ? 'no exceptions' : policy.allowVia.map(t).join(', ');
      out.push(`  ${chalk.bold(t(policy.id))} (${policy.severity}${policy.builtin ? ', built-in' : ''}): allow_via ${via}`
        + `${policy.description === undefined ? '' : `. ${t(policy.description)}`}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export function rulesMarkdown(catalogue: RuleCatalogue): string {
  const cell = escapeMarkdownTableCell;
  const lines = [
    '| Rule | Family | Default severity | What it checks | ISO/IEC 27001:2022 | NIS2 |',
    '|---|---|---|---|---|---|',
  ];
  for (const { meta } of catalogue.rules) {
    lines.push(`| \`${meta.id}\` | ${cell(meta.family)} | ${cell(meta.severityText)} | ${cell(`${meta.title}. ${meta.description}`)} `
      + `| ${meta.iso27001.map(cell).join('; ')} | ${meta.nis2.map(cell).join('; ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

export function rulesJson(catalogue: RuleCatalogue): unknown {
  return {
    rules: catalogue.rules.map(({ meta, override }) => ({
      id: meta.id,
      family: meta.family,
      title: meta.title,
      default_severity: meta.defaultSeverity,
      severity: meta.severityText,
      description: meta.description,
      fix: meta.fix,
      iso27001: meta.iso27001,
      nis2: meta.nis2,
      ...(override === undefined ? {} : {
        override: {
          off: override.off,
          ...(override.severity === undefined ? {} : { severity: override.severity }),
          options: Object.fromEntries(override.options),
        },
      }),
    })),
    ...(catalogue.policies === undefined ? {} : {
      policies: catalogue.policies.map((p) => ({
        id: p.id, severity: p.severity, builtin: p.builtin, ...(p.description === undefined ? {} : { description: p.description }), allow_via: p.allowVia,
      })),
    }),
  };
}
