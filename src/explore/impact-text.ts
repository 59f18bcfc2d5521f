// How `sidedoor impact` prints an ImpactReport: as text for a terminal, or as JSON. Every register value goes
// through terminalText.

import { terminalText } from '../report/terminal-text.js';
import type { Level } from '../register/types.js';
import type { ImpactReport } from './impact-report.js';
import { LEVELS_DOWN } from './impact-report.js';
import type { Paint } from './text-style.js';
import { alignRows, plural } from './text-style.js';

const t = terminalText;

export function impactText(report: ImpactReport, chalk: Paint): string {
  const { node } = report;
  const levelPaint: Record<Level, (s: string) => string> = {
    critical: (s) => chalk.bold.red(s), high: (s) => chalk.red(s), medium: (s) => chalk.yellow(s), low: (s) => chalk.cyan(s),
  };
  const out: string[] = [];
  const what = node.type === 'internet' ? 'the internet node' : node.type;
  out.push(`If ${what} ${chalk.bold(t(node.id))}${node.name === node.id ? '' : `, ${t(node.name)},`} is out, `
    + `${plural(report.systems.length, 'system stops', 'systems stop')} running`
    + `${report.systems.length === 0 ? '.' : `: ${LEVELS_DOWN.filter((l) => report.byCriticality[l] > 0).map((l) => `${report.byCriticality[l]} ${l}`).join(', ')}.`}`);
  if (report.systems.length > 0) {
    out.push('');
    const rows = report.systems.map((s) => [s.criticality, t(s.id), s.name === s.id ? '' : t(s.name), `zone ${t(s.zone)}`]);
    for (const line of alignRows(rows, (r, c, text) => (c === 0 ? levelPaint[report.systems[r].criticality](text) : c === 1 ? chalk.bold(text) : text))) {
      out.push(`  ${line}`);
    }
  }
  if (report.savedGroups.length > 0) {
    out.push('', chalk.bold('Saved by redundancy (any_of groups that lost a member but still hold)'));
    for (const g of report.savedGroups) {
      out.push(`  ${chalk.green(t(g.system))} keeps running: any_of [${g.group.map(t).join(', ')}] lost ${g.lost.map(t).join(', ')}, `
        + `still has ${g.survivors.map(t).join(', ')}`);
    }
  }
  out.push('');
  if (report.singlePointOfFailure) {
    out.push(chalk.red(`${t(node.id)} is a single point of failure: its outage alone stops a high or critical system other than itself.`));
  } else if (node.redundant) {
    out.push(`${t(node.id)} is marked redundant, so it is never a single point of failure.`);
  } else {
    out.push(`${t(node.id)} is not a single point of failure: its outage stops no high or critical system other than itself.`);
  }
  return `${out.join('\n')}\n`;
}

export function impactJson(report: ImpactReport): unknown {
  return {
    node: { id: report.node.id, name: report.node.name, type: report.node.type, redundant: report.node.redundant },
    impact_count: report.systems.length,
    by_criticality: { ...report.byCriticality },
    systems: report.systems.map((s) => ({ id: s.id, name: s.name, zone: s.zone, criticality: s.criticality })),
    saved_groups: report.savedGroups.map((g) => ({ system: g.system, any_of: g.group, lost: g.lost, survivors: g.survivors })),
    single_point_of_failure: report.singlePointOfFailure,
  };
}
