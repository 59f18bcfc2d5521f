// The default terminal format: findings grouped by severity, each with its witness path or impact, then a one-line
// summary. Every register value goes through terminalText, so names cannot smuggle escape sequences; colour comes
// only from this file, and only when the CLI asks for it.

import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { ScanResult } from '../findings/scan-result.js';
import type { Finding } from '../findings/types.js';
import { SEVERITY_ORDER } from '../findings/types.js';
import type { FindingSeverity } from '../register/types.js';
import { terminalText } from './terminal-text.js';
import type { ReporterOptions } from './types.js';

export function renderTable(result: ScanResult, options: ReporterOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<FindingSeverity, (s: string) => string> = {
    critical: (s) => chalk.bold.red(s), high: (s) => chalk.red(s), medium: (s) => chalk.yellow(s),
    low: (s) => chalk.cyan(s), info: (s) => chalk.gray(s),
  };
  const width = Math.max(60, Math.min(options.width ?? 120, 200));
  const out: string[] = [];
  for (const severity of SEVERITY_ORDER) {
    const group = result.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(paint[severity](`${severity.toUpperCase()} (${group.length})`));
    const table = new Table({
      head: ['Finding', 'Where'],
      colWidths: [width - 32, 30],
      wordWrap: true,
      wrapOnWordBoundary: false,
      style: { head: [], border: [], compact: false },
    });
    for (const finding of group) table.push([describe(finding, chalk), terminalText(`${finding.location.file}:${finding.location.line}`)]);
    out.push(table.toString(), '');
  }
  if (result.comparison) {
    const { fixed, newRiskyLinks, kind, ref } = result.comparison;
    out.push(`Compared with ${kind === 'base' ? `git ref ${terminalText(ref)}` : `baseline ${terminalText(ref)}`}: `
      + `${fixed.length} fixed${fixed.length > 0 ? ` (${fixed.map((f) => terminalText(f.id)).join(', ')})` : ''}`
      + `${newRiskyLinks.length > 0 ? `; new risky links: ${newRiskyLinks.map(terminalText).join(', ')}` : ''}`);
  }
  out.push(summaryLine(result, options, chalk));
  return `${out.join('\n')}\n`;
}

function describe(finding: Finding, chalk: InstanceType<typeof Chalk>): string {
  const lines = [`${chalk.bold(terminalText(finding.title))}`, chalk.dim(terminalText(finding.id))];
  if (finding.status === 'accepted') {
    lines[0] = `${chalk.green('[accepted]')} ${lines[0]}`;
    if (finding.acceptedBy) lines.push(chalk.green(`accepted by ${terminalText(finding.acceptedBy.approved_by)} until ${finding.acceptedBy.expires}`));
  }
  if (finding.new) lines[0] = `${chalk.magenta('[new]')} ${lines[0]}`;
  if (finding.path) lines.push(`path: ${finding.path.map(terminalText).join(' → ')}`);
  if (finding.impact_count !== undefined) lines.push(`impact: ${finding.impact_count} system${finding.impact_count === 1 ? '' : 's'}`);
  return lines.join('\n');
}

function summaryLine(result: ScanResult, options: ReporterOptions, chalk: InstanceType<typeof Chalk>): string {
  const s = result.summary;
  const parts = SEVERITY_ORDER.filter((sev) => s[sev] > 0).map((sev) => `${s[sev]} ${sev}`);
  const open = SEVERITY_ORDER.reduce((n, sev) => n + s[sev], 0);
  const text = `${open === 0 ? 'no open findings' : `${open} open (${parts.join(', ')})`}, ${s.accepted} accepted`
    + `${s.new !== undefined ? `, ${s.new} new` : ''}; failing on ${options.failOn} and above`
    + `${result.remediations.length > 0 ? `; minimum cut: ${result.remediations.map((r) => `${terminalText(r.rule)} ${r.cut.length} link${r.cut.length === 1 ? '' : 's'}`).join(', ')}` : ''}`;
  return chalk.bold(text);
}
