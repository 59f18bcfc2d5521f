// Report section 9: the method appendix, so a reader can reproduce every figure: the graph semantics, how the summary
// picks its numbers, the policy rules and review thresholds in force, and what each check means (from the rules'
// metadata: description, severity and fix).

import { compareIds } from '../../graph/attack-graph.js';
import type { Selector, SegmentationRule } from '../../register/types.js';
import { escapeMarkdownInline as md } from '../markdown-escape.js';
import { formatCount } from './text.js';
import type { AuditReportInput } from './types.js';

const GRAPH_SEMANTICS = [
  'The register is read as a directed **attack graph**. Its nodes are the vendors, the systems and a built-in `internet` '
    + 'node (zone `internet`, trust 0). Each link is an edge from `from` to `to`, in both directions when it is '
    + '`bidirectional`, and every `internet_facing` system gets an implicit edge from `internet`. An edge points the way a '
    + 'compromise travels: whoever controls `from` can attack `to`. Every kind of link is traversed; a `credential` link '
    + 'crosses any network segmentation. The implicit internet edge authenticates with `mfa` when the system\'s '
    + '`controls.mfa` is true, else with a password.',
  'A vendor holds what it supplies: each system gets an implicit **supply edge** from its `vendor` (unless it sets '
    + '`vendor_access: false`), and each vendor one from each of its `subprocessors`. A supplier\'s **foothold** is itself '
    + 'and everything it reaches over supply edges alone; a compromise of the supplier starts from all of it. Supply edges '
    + 'are not links: no link rule judges them, no gateway applies to them, and no cut removes them.',
  'A **policy rule** forbids its `from` nodes to reach a node matching `to` unless every way passes an allowed gateway. '
    + 'Allowed gateways, and links that list one in `via`, are removed before the search; a path has at least one link. '
    + 'A vendor source starts from its whole foothold: from itself towards any target, from the rest of its foothold '
    + 'towards targets outside it, always over at least one link (the supply chain alone is never a path). '
    + 'Each (rule, source, target zone) gives one finding whose **witness** is a shortest path in links (its supply hops '
    + 'shown, not counted), ties broken by the source itself, then the smallest foothold node, then the smallest id at each '
    + 'step. The **minimum cut** of a rule is a smallest set of links closing all its violations, exact (max-flow from a '
    + 'super-source to a super-sink) when no path start is also a target; otherwise a split-node max-flow cut that closes '
    + 'every violation, marked not exact. A bidirectional link counts once.',
  '**Availability** is an AND/OR model: a system runs when it is up, every `depends_on` entry is satisfied (a plain id '
    + 'runs; an `any_of` group has a running member) and its `vendor` runs; a vendor runs when all its subprocessors run; '
    + 'dependency cycles of running nodes run (greatest fixed point). The impact of a node is the set of systems that stop '
    + 'running when it alone is down.',
  'Severities order critical > high > medium > low > info. Finding ids are built from entity ids, never from line '
    + 'numbers, so they survive reformatting; acceptances and baselines match them.',
];

const SUMMARY_FIGURES = [
  '**Worst exposures** are the open unsegmented-path findings, one per (source, zone), ranked by severity, then the trust '
    + 'of the zone reached (highest first), then the trust of the source (lowest first), then vendors before the internet '
    + 'before systems, then fewer hops, then id; the three picked cover as many distinct zones as possible.',
  '**Records reachable from third parties** sums `records` over every system that some vendor holds in its foothold or '
    + 'reaches from it over one or more links of any kind, gateways included (a gateway filters traffic; it does not make '
    + 'the path impossible). The second figure removes every enforcement system from the graph first (a gateway a vendor '
    + 'supplies is held, not passed). A person held in two systems counts twice, so the largest single system is given too, '
    + 'as a lower bound.',
];

function selectorText(selector: Selector | undefined): string {
  if (selector === undefined) return 'every node';
  const parts: string[] = [];
  const list = (values: readonly string[]) => [...values].sort(compareIds).map(md).join(', ');
  if (selector.zones !== undefined) parts.push(`zones ${list(selector.zones)}`);
  if (selector.systems !== undefined) parts.push(`systems ${list(selector.systems)}`);
  if (selector.vendors === true) parts.push('every vendor');
  else if (selector.vendors !== undefined) parts.push(`vendors ${list(selector.vendors)}`);
  if (selector.trust_min !== undefined) parts.push(`trust ≥ ${selector.trust_min}`);
  if (selector.trust_max !== undefined) parts.push(`trust ≤ ${selector.trust_max}`);
  if (selector.data_min !== undefined) parts.push(`data at least ${md(selector.data_min)}`);
  if (selector.kinds !== undefined) parts.push(`kinds ${list(selector.kinds)}`);
  if (selector.internet_facing !== undefined) parts.push(selector.internet_facing ? 'internet-facing' : 'not internet-facing');
  return parts.length === 0 ? 'every node' : parts.join(' and ');
}

function policyLine(rule: SegmentationRule): string {
  const via = rule.builtin ? 'every enforcement system'
    : rule.allow_via.length === 0 ? 'none' : [...rule.allow_via].sort(compareIds).map(md).join(', ');
  return `- **${md(rule.id)}**${rule.builtin ? ' (built in)' : ''}: from ${selectorText(rule.from)}; `
    + `to ${selectorText(rule.to)}; allowed gateways: ${via}; severity ${rule.severity}.`
    + `${rule.description === undefined ? '' : ` ${md(rule.description)}.`}`;
}

export function methodSection({ register, rules }: AuditReportInput): string[] {
  const review = register.config.review;
  const policies = register.config.segmentation;
  const lines = [
    '## Method',
    '',
    '### Graph semantics',
    '',
    ...GRAPH_SEMANTICS.flatMap((p) => [p, '']),
    '### Figures of the summary',
    '',
    ...SUMMARY_FIGURES.flatMap((p) => [p, '']),
    '### Settings of this register',
    '',
    policies.length === 0 ? 'No policy rule is in force (`policy.builtin: false` and no `policy.segmentation`).' : 'Policy rules in force:',
    '',
    ...policies.map((rule) => policyLine(rule)),
    ...(policies.length === 0 ? [] : ['']),
    `Review thresholds: an assessment is overdue after ${formatCount(review.assessment_max_age_days.critical)} days for tier critical, `
      + `${formatCount(review.assessment_max_age_days.high)} for high, ${formatCount(review.assessment_max_age_days.medium)} for medium and `
      + `${formatCount(review.assessment_max_age_days.low)} for low; a contract ending within ${formatCount(review.contract_warning_days)} days `
      + `is expiring; bulk data starts at ${formatCount(review.bulk_records_threshold)} records; an acceptance may run at most `
      + `${formatCount(review.acceptance_max_days)} days ahead.`,
  ];
  const overrides = [...register.config.rules.entries()].sort((a, b) => compareIds(a[0], b[0]));
  if (overrides.length > 0) {
    lines.push('', 'Rule overrides (`rules:`): ' + overrides.map(([id, o]) => {
      const parts = o.off ? ['off'] : [];
      if (o.severity !== undefined) parts.push(`severity ${o.severity}`);
      for (const [name, value] of [...o.options.entries()].sort((a, b) => compareIds(a[0], b[0]))) parts.push(`${md(name)} ${formatCount(value)}`);
      return `${md(id)} (${parts.join(', ')})`;
    }).join('; ') + '.');
  }
  lines.push('', '### Checks', '');
  for (const rule of rules) {
    lines.push(`#### ${rule.id}: ${rule.title}`, '', rule.description, '', `Severity: ${rule.severityText}. Fix: ${rule.fix}`, '');
  }
  lines.pop();
  return lines;
}
