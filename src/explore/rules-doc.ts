// docs/rules.md: the rule catalogue as a document with one section per rule, headed by the rule id so that the
// heading's anchor is the id itself (`#weak-authentication`). SARIF points each rule's `helpUri` there. Generated
// from the rules' own metadata (`npm run docs:rules`), and a test fails when the checked-in copy is stale.

import type { RuleMeta } from '../rules/types.js';

export function rulesDocument(rules: readonly RuleMeta[]): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from the rules\' metadata by `npm run docs:rules`; do not edit by hand. -->',
    '',
    `sidedoor has ${rules.length} rules. \`sidedoor rules\` prints the same catalogue, with a register's overrides; `
      + '`rules:` in `sidedoor.yaml` turns a rule off or changes its severity ([register-format.md](register-format.md)).',
  ];
  for (const meta of [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    lines.push('', `## ${meta.id}`, '', `**${meta.title}.** ${meta.description}`, '',
      `- **Family:** ${meta.family}`, `- **Severity:** ${meta.severityText}`, `- **How to fix:** ${meta.fix}`);
    if (meta.iso27001.length > 0) lines.push(`- **ISO/IEC 27001:2022:** ${meta.iso27001.join('; ')}`);
    if (meta.nis2.length > 0) lines.push(`- **NIS2:** ${meta.nis2.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}
