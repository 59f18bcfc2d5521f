// The scan pipeline after loading: build the graph index once, run every enabled rule, apply `rules:` overrides,
// classify against the acceptance register, then judge the acceptances themselves. Pure: the date comes in, nothing
// is printed, and the output order never depends on file order.

import { buildAttackGraph } from '../graph/attack-graph.js';
import type { AttackGraph } from '../graph/attack-graph.js';
import { applyAcceptances } from '../findings/acceptances.js';
import type { Finding, Remediation } from '../findings/types.js';
import { sortFindings } from '../findings/sort-findings.js';
import type { PhaseTimer } from '../register/load-register.js';
import type { Register } from '../register/types.js';
import { AnalysisContext } from '../rules/context.js';
import { ACCEPTANCE_USAGE } from '../rules/checks/acceptance-rules.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { segmentationRemediations } from '../rules/segmentation-analysis.js';
import { appendAll } from '../util/append-all.js';

export interface ScanOptions {
  /** `YYYY-MM-DD`. */
  today: string;
  /** Report only these rule ids (every rule still runs, so acceptance-unused stays correct). */
  only?: readonly string[];
  timer?: PhaseTimer;
}

export interface ScanOutcome {
  findings: Finding[];
  remediations: Remediation[];
  graph: AttackGraph;
  context: AnalysisContext;
}

const untimed: PhaseTimer = (_phase, work) => work();

export function runScan(register: Register, options: ScanOptions): ScanOutcome {
  const timer = options.timer ?? untimed;
  const graph = timer('graph', () => buildAttackGraph(register));
  const context = new AnalysisContext(register, graph, options.today);
  const enabled = RULES.filter((rule) => !register.config.rules.get(rule.meta.id)?.off);
  const isAcceptanceRule = (rule: Rule) => rule.meta.family === 'acceptance';

  const raw: Finding[] = [];
  for (const rule of enabled.filter((r) => !isAcceptanceRule(r))) {
    appendAll(raw, timer(`rules:${rule.meta.family}`, () => runRule(rule, context)));
  }
  const { findings: classified, used } = applyAcceptances(raw, register.acceptances, options.today);
  context.shared(ACCEPTANCE_USAGE, () => used);
  for (const rule of enabled.filter(isAcceptanceRule)) {
    appendAll(classified, timer('rules:acceptance', () => runRule(rule, context)));
  }

  const wanted = options.only ? new Set(options.only) : undefined;
  const findings = sortFindings(wanted ? classified.filter((f) => wanted.has(f.rule)) : classified);
  const segmentationEnabled = enabled.some((r) => r.meta.id === 'unsegmented-path') && (!wanted || wanted.has('unsegmented-path'));
  const remediations = segmentationEnabled ? timer('rules:segmentation', () => segmentationRemediations(context)) : [];
  return { findings, remediations, graph, context };
}

function runRule(rule: Rule, context: AnalysisContext): Finding[] {
  const override = context.register.config.rules.get(rule.meta.id)?.severity;
  // Each check returns fresh objects that nothing else holds, so they become findings in place: a copy of every
  // finding (hundreds of thousands on a large register) was most of this phase's garbage.
  const findings = rule.check(context) as Finding[];
  for (const finding of findings) {
    if (override !== undefined) finding.severity = override;
    finding.status = 'open';
  }
  return findings;
}
