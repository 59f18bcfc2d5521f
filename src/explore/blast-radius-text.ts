// How `sidedoor blast-radius` prints a BlastRadius: as text for a terminal, or as JSON. Every register value goes
// through terminalText.

import { terminalText } from '../report/terminal-text.js';
import type { BlastRadius } from './blast-radius.js';
import type { Paint } from './text-style.js';
import { alignRows, plural } from './text-style.js';
import { formatCount } from '../util/plural.js';

const t = terminalText;

export function blastRadiusText(radius: BlastRadius, chalk: Paint): string {
  const { node } = radius;
  const out: string[] = [];
  out.push(`Blast radius of ${chalk.bold(t(node.id))}${node.name === node.id ? '' : `, ${t(node.name)},`} in zone ${t(node.zone)} (trust ${node.trust}):`);
  if (radius.reached === 0) {
    out.push('  it reaches nothing: no link leaves it, and it supplies nothing.');
    return `${out.join('\n')}\n`;
  }
  out.push(`  reaches ${plural(radius.reached, 'node')}, ${radius.ungated} of them with no gateway in the way`);
  out.push(`  records exposed: ${formatCount(radius.records)} in total, ${formatCount(radius.recordsUngated)} with no gateway in the way`);
  if (radius.records > 0) {
    out.push(`    (summed over systems: one person may be counted once per system; the largest single system holds `
      + `${formatCount(radius.recordsLargest)}${radius.recordsLargestUngated === radius.recordsLargest ? '' : `, ${formatCount(radius.recordsLargestUngated)} with no gateway`})`);
  }
  if (radius.supplied.length > 0) {
    out.push('', chalk.bold('Held through the supply chain'), `  a compromise of ${t(node.id)} holds these with no link at all:`);
    for (const held of radius.supplied) {
      out.push(`  ${chalk.bold(t(held.id))}: ${held.chain.map(([from, to]) => `${t(from)} supplies ${t(to)}`).join(', ')}`);
    }
  }
  out.push('', chalk.bold('By zone'));
  const rows = radius.zones.map((z) => [
    t(z.zone), z.name === z.zone ? '' : t(z.name), `trust ${z.trust}`, plural(z.nodes.length, 'node'),
    `${z.ungated} ungated`, z.nodes.map(t).join(', '),
  ]);
  for (const line of alignRows(rows, (_r, c, text) => (c === 0 ? (radius.zones[_r].trust >= 3 ? chalk.red(text) : chalk.bold(text)) : text))) {
    out.push(`  ${line}`);
  }
  out.push('', chalk.bold('Sensitive data'));
  if (radius.sensitive.length === 0) out.push('  none: no reached system holds confidential or restricted data');
  const sensitiveRows = radius.sensitive.map((s) => [
    t(s.id), s.data, t(s.zone), s.records === undefined ? '' : `${formatCount(s.records)} records`, s.ungated ? 'no gateway in the way' : 'only through a gateway',
  ]);
  for (const line of alignRows(sensitiveRows, (r, c, text) => (c === 4 && radius.sensitive[r].ungated ? chalk.red(text) : c === 0 ? chalk.bold(text) : text))) {
    out.push(`  ${line}`);
  }
  out.push('', chalk.bold('Gateways that stop it'));
  if (radius.gateways.length === 0) out.push('  none: no gateway stands between this node and anything it reaches');
  for (const stop of radius.gateways) {
    const g = stop.gateway;
    const behind = stop.behind.length === 0 ? 'nothing more behind it'
      : `${plural(stop.behind.length, 'node')} behind it${stop.records > 0 ? ` (${formatCount(stop.records)} records)` : ''}: ${stop.behind.map(t).join(', ')}`;
    out.push(`  ${chalk.cyan(t(g.id))} (${t(g.kind)}, ${t(g.zone)} trust ${g.trust}): ${behind}`);
  }
  return `${out.join('\n')}\n`;
}


export function blastRadiusJson(radius: BlastRadius): unknown {
  const { node } = radius;
  return {
    node: { id: node.id, name: node.name, type: node.type, kind: node.kind, zone: node.zone, trust: node.trust },
    reached: radius.reached,
    reached_without_gateway: radius.ungated,
    records_total: radius.records,
    records_without_gateway: radius.recordsUngated,
    records_note: 'summed over systems: one person may be counted once per system',
    records_largest_system: radius.recordsLargest,
    records_largest_system_without_gateway: radius.recordsLargestUngated,
    supplied: radius.supplied.map((held) => ({ id: held.id, chain: held.chain.map(([from, to]) => ({ from, to })) })),
    zones: radius.zones.map((z) => ({ zone: z.zone, name: z.name, trust: z.trust, count: z.nodes.length, without_gateway: z.ungated, nodes: z.nodes })),
    sensitive: radius.sensitive.map((s) => ({
      id: s.id, name: s.name, zone: s.zone, data: s.data, ...(s.records === undefined ? {} : { records: s.records }), without_gateway: s.ungated,
    })),
    gateways: radius.gateways.map((stop) => ({
      id: stop.gateway.id, name: stop.gateway.name, kind: stop.gateway.kind, zone: stop.gateway.zone, trust: stop.gateway.trust,
      behind: stop.behind, records_behind: stop.records,
    })),
  };
}
