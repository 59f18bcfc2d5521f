// How `sidedoor path` prints a PathExplanation: as text for a terminal, or as JSON. Every register value goes
// through terminalText.

import { terminalText } from '../report/terminal-text.js';
import type { PathExplanation, PathHop, PathStep } from './path-explanation.js';
import type { PolicyVerdict } from './policy-verdicts.js';
import { targetLabel } from './lookup.js';
import type { Paint } from './text-style.js';
import { alignRows, plural } from './text-style.js';
import { noun } from '../util/plural.js';

const t = terminalText;

export function pathText(explanation: PathExplanation, chalk: Paint): string {
  const { from, hops, steps } = explanation;
  const target = t(targetLabel(explanation.target));
  const out: string[] = [];
  if (hops.length === 0) {
    const why = explanation.target.kind === 'node' && explanation.target.id === from.id
      ? 'a path has at least one link and never ends where it starts'
      : 'no chain of one or more links leads there';
    out.push(`No path from ${chalk.bold(t(from.id))} to ${chalk.bold(target)}: ${why}.`);
  } else {
    const gateways = explanation.gateways.length === 0 ? 'no gateway' : `through ${plural(explanation.gateways.length, 'gateway')} (${explanation.gateways.map(t).join(', ')})`;
    const supplyHops = steps.filter((step) => step.kind === 'supply').length;
    const supplied = supplyHops === 0 ? ''
      : steps.length === supplyHops ? ` (held through its supply chain: ${plural(supplyHops, 'supply hop')}, no link needed)`
        : ` after ${plural(supplyHops, 'supply hop')}`;
    out.push(`Path from ${chalk.bold(t(from.id))} to ${chalk.bold(target)}: ${plural(steps.length - supplyHops, 'link')}${supplied}, ${gateways}, `
      + `${plural(explanation.crossings, 'crossing')} into a higher-trust zone`);
    out.push('');
    const lines = alignRows(hops.map(hopRow), (_r, c, text) => (c === 0 ? chalk.bold(text) : c === 4 ? chalk.cyan(text) : c === 5 ? chalk.yellow(text) : text));
    lines.forEach((line, i) => {
      out.push(`  ${line}`);
      if (i < steps.length) out.push(chalk.dim(`    └─ ${stepText(steps[i])}`));
    });
    out.push('');
  }
  out.push(...policyLines(explanation, chalk));
  return `${out.join('\n')}\n`;
}

function hopRow(hop: PathHop): string[] {
  const name = hop.name === hop.id ? '' : t(hop.name);
  return [
    t(hop.id), name, `${t(hop.zone)} (trust ${hop.trust})`, t(hop.kind),
    hop.gateway ? '[gateway]' : '', hop.crossing ? '▲ into higher trust' : '',
  ];
}

export function stepText(step: PathStep): string {
  if (step.kind === 'supply') return `${t(step.link)}: ${t(step.from)} supplies ${t(step.to)} (supply: it holds what it supplies)`;
  const parts: string[] = [step.kind];
  const endpoint = step.protocol !== undefined && step.port !== undefined ? `${t(step.protocol)}/${step.port}`
    : step.protocol !== undefined ? t(step.protocol) : step.port !== undefined ? `port ${step.port}` : undefined;
  if (endpoint !== undefined) parts.push(endpoint);
  if (!step.implicit) parts.push(`auth ${step.auth}`);
  if (!step.encrypted) parts.push('plaintext');
  if (step.onDemand) parts.push('on demand');
  if (step.via.length > 0) {
    parts.push(`via ${step.via.map((id) => `${t(id)}${step.viaGateways.includes(id) ? ' [gateway]' : ' (not an enforcement system)'}`).join(', ')}`);
  }
  if (step.reversed) parts.push('(bidirectional, taken backwards)');
  if (step.implicit) parts.push('(implicit: internet-facing)');
  return `${t(step.link)}: ${parts.join(' · ')}`;
}

function policyLines(explanation: PathExplanation, chalk: Paint): string[] {
  const from = t(explanation.from.id);
  const target = t(targetLabel(explanation.target));
  const out: string[] = [];
  if (explanation.policies.length === 0) {
    const where = explanation.target.kind === 'node' ? `${target} as a target` : `a target in ${target}`;
    out.push(`Policy: no segmentation rule has ${from} as a source and ${where}.`);
    return out;
  }
  out.push('Policy:');
  for (const verdict of explanation.policies) out.push(...verdictLines(verdict, explanation, chalk));
  if (explanation.unconcernedPolicies > 0) {
    out.push(`  ${plural(explanation.unconcernedPolicies, 'other rule')} ${explanation.unconcernedPolicies === 1 ? 'does' : 'do'} not apply `
      + `(${from} is not a source, or ${target} holds none of the targets).`);
  }
  return out;
}

function verdictLines(verdict: PolicyVerdict, explanation: PathExplanation, chalk: Paint): string[] {
  const { rule } = verdict;
  const name = `${chalk.bold(t(rule.id))} (${rule.severity}${rule.builtin ? ', built-in' : ''})`;
  const from = t(explanation.from.id);
  const target = t(targetLabel(explanation.target));
  const end = explanation.hops.length > 0 ? t(explanation.hops[explanation.hops.length - 1].id) : '';
  const lines: string[] = [];
  if (verdict.forbidsPath) {
    lines.push(`  ${chalk.red('✗')} ${name} ${chalk.red('forbids this path')}: ${from} matches its \`from\`, ${end} its \`to\`, and no allowed gateway is on the way.`);
  } else if (explanation.hops.length === 0) {
    lines.push(`  ${chalk.green('✓')} ${name}: no path, nothing to forbid.`);
  } else if (explanation.steps.every((step) => step.kind === 'supply')) {
    lines.push(`  ${chalk.green('✓')} ${name} does not judge this path: it is a supply chain alone, and an unsegmented path needs at least one link (the vendor rules judge the supplier).`);
  } else if (verdict.allowedGatewaysOnPath.length > 0) {
    lines.push(`  ${chalk.green('✓')} ${name} allows this path: it passes the allowed ${noun(verdict.allowedGatewaysOnPath.length, 'gateway')} ${verdict.allowedGatewaysOnPath.map(t).join(', ')}.`);
  } else {
    lines.push(`  ${chalk.green('✓')} ${name} does not forbid this path: ${end} does not match its \`to\`.`);
  }
  if (rule.description !== undefined) lines.push(`      ${chalk.dim(t(rule.description))}`);
  if (verdict.unsegmented === undefined) {
    lines.push(`      No unsegmented path for this rule from ${from} to ${target}.`);
  } else if (!verdict.forbidsPath) {
    const path = verdict.unsegmented;
    const supplyHops = path.supplyHops ?? 0;
    const supplied = supplyHops === 0 ? '' : `, after ${plural(supplyHops, 'supply hop')}`;
    lines.push(`      ${chalk.red('But an unsegmented path exists')} (${plural(path.links.length - supplyHops, 'link')}${supplied}): ${path.nodes.map(t).join(' → ')}`);
  }
  return lines;
}

export function pathJson(explanation: PathExplanation): unknown {
  const found = explanation.hops.length > 0;
  return {
    from: explanation.from.id,
    to: targetLabel(explanation.target),
    found,
    length: explanation.steps.filter((step) => step.kind !== 'supply').length,
    supply_hops: explanation.steps.filter((step) => step.kind === 'supply').length,
    path: explanation.hops.map((hop) => hop.id),
    links: explanation.steps.map((step) => step.link),
    hops: explanation.hops.map((hop) => ({
      id: hop.id, name: hop.name, type: hop.type, kind: hop.kind, zone: hop.zone, zone_name: hop.zoneName, trust: hop.trust,
      gateway: hop.gateway, crossing: hop.crossing,
    })),
    steps: explanation.steps.map((step) => (step.kind === 'supply' ? { link: step.link, kind: step.kind, from: step.from, to: step.to } : {
      link: step.link, kind: step.kind, from: step.from, to: step.to, reversed: step.reversed,
      ...(step.protocol === undefined ? {} : { protocol: step.protocol }),
      ...(step.port === undefined ? {} : { port: step.port }),
      auth: step.auth, encrypted: step.encrypted, on_demand: step.onDemand, via: step.via, via_gateways: step.viaGateways,
      implicit: step.implicit,
    })),
    gateways: explanation.gateways,
    crossings: explanation.crossings,
    policies: explanation.policies.map((verdict) => ({
      rule: verdict.rule.id,
      severity: verdict.rule.severity,
      builtin: verdict.rule.builtin,
      ...(verdict.rule.description === undefined ? {} : { description: verdict.rule.description }),
      forbids_path: verdict.forbidsPath,
      end_matches: verdict.endMatches,
      allowed_gateways_on_path: verdict.allowedGatewaysOnPath,
      unsegmented_path: verdict.unsegmented === undefined ? null : { path: verdict.unsegmented.nodes, links: verdict.unsegmented.links },
    })),
    unconcerned_policies: explanation.unconcernedPolicies,
  };
}
