// `--base REF`: what counts against the change (SPEC §4.1), from three evaluations under the judging policy:
// (1) the register at REF, (2) the head, (3) the head as REF trusted it. Findings are matched by id:
// - new: in (2), not in (1);
// - worsened: in both, at a higher severity, or a path finding whose witness now uses an edge added or changed;
// - hidden: in (3) and absent from (2), or lower in (2); named after the trust claims on its path or subject;
// - new risky links: edges added or changed since REF on a violating walk of a segmentation rule, in (2) or (3),
//   from a source to a zone whose violation is open (an accepted violation lets its new links through);
// - fixed: in (1), gone from (2) and (3); everything else is unchanged.
// A finding whose severity differs between (2) and (3) is reported at the higher one: the claim does not lower it.

import { compareIds } from '../graph/attack-graph.js';
import type { AttackGraph } from '../graph/attack-graph.js';
import { edgesOnViolatingWalks } from '../graph/violating-edges.js';
import type { Comparison, HiddenFinding, PolicyChange, RiskyLink, WorsenedFinding } from '../findings/scan-result.js';
import type { Finding } from '../findings/types.js';
import { severityRank } from '../findings/types.js';
import { sortFindings } from '../findings/sort-findings.js';
import type { FindingSeverity, Register } from '../register/types.js';
import { addedOrChangedEdges, addedSupplyEdges } from './link-changes.js';
import { goneFindings } from './gone-findings.js';
import type { PolicySide } from './judging-policy.js';
import type { TrustClaim } from './trust-restore.js';

export interface ScannedRegister {
  register: Register;
  findings: readonly Finding[];
}

/** One evaluation: the register judged, its graph and its findings. */
export interface Evaluation extends ScannedRegister {
  graph: AttackGraph;
}

export interface Compared {
  findings: Finding[];
  comparison: Comparison;
}

export interface BaseComparisonInput {
  base: Evaluation;
  head: Evaluation;
  /** The head as the base trusted it; the head itself when the change makes no trust claim. */
  trusted: Evaluation;
  claims: readonly TrustClaim[];
  policyChanges: PolicyChange[];
  judgedBy: PolicySide;
  ref: { ref: string; commit: string };
}

export function compareWithBase(input: BaseComparisonInput): Compared {
  const { base, head, trusted, claims } = input;
  const before = byId(base.findings);
  const asTrusted = byId(trusted.findings);
  const shownIds = new Set(head.findings.map((f) => f.id));
  const changedEdges = addedOrChangedEdges(base.graph.links, head.graph.links);
  for (const id of addedSupplyEdges(base.graph, head.graph)) changedEdges.add(id);
  const worsened: WorsenedFinding[] = [];
  const hidden: HiddenFinding[] = [];
  const findings: Finding[] = [];

  for (const finding of head.findings) {
    const old = before.get(finding.id);
    const trustedVersion = asTrusted.get(finding.id);
    const hiddenHigher = trustedVersion !== undefined && higher(trustedVersion.severity, finding.severity);
    const reported = hiddenHigher ? { ...trustedVersion, status: finding.status, acceptedBy: finding.acceptedBy } : finding;
    if (old === undefined) {
      findings.push({ ...reported, new: true, change: 'new' });
      continue;
    }
    const witnessEdges = (finding.links ?? []).filter((id) => changedEdges.has(id)).sort(compareIds);
    if (higher(finding.severity, old.severity) || witnessEdges.length > 0) {
      worsened.push({ ...summaryOf(reported), severity: reported.severity, before: old.severity, links: witnessEdges });
      findings.push({ ...reported, new: true, change: 'worsened' });
    } else if (hiddenHigher) {
      hidden.push({ ...summaryOf(reported), severity: reported.severity, shown: finding.severity, claims: claimsOn(reported, input) });
      findings.push({ ...reported, new: true, change: 'hidden' });
    } else {
      findings.push({ ...finding, new: false, change: 'unchanged' });
    }
  }
  for (const finding of trusted.findings) {
    if (shownIds.has(finding.id)) continue;
    hidden.push({ ...summaryOf(finding), severity: finding.severity, claims: claimsOn(finding, input) });
    findings.push({ ...finding, new: true, change: 'hidden' });
  }

  return {
    findings: sortFindings(findings),
    comparison: {
      kind: 'base',
      ref: input.ref.ref,
      commit: input.ref.commit,
      judgedBy: input.judgedBy,
      fixed: goneFindings(base.findings, [...head.findings, ...trusted.findings]),
      worsened: worsened.sort((a, b) => compareIds(a.id, b.id)),
      hidden: hidden.sort((a, b) => compareIds(a.id, b.id)),
      newRiskyLinks: riskyLinks(changedEdges, claims.length > 0 ? [head, trusted] : [head]),
      policyChanges: input.policyChanges,
    },
  };
}

function byId(findings: readonly Finding[]): Map<string, Finding> {
  return new Map(findings.map((f) => [f.id, f]));
}

function higher(a: FindingSeverity, b: FindingSeverity): boolean {
  return severityRank(a) < severityRank(b);
}

function summaryOf(finding: Finding) {
  return { id: finding.id, rule: finding.rule, title: finding.title };
}

/** The claims about the finding's subjects, its path's nodes and links, and the zones they sit in (at head or as
 * trusted); when none is that close, every claim of the change, since one of them is what hides it. */
function claimsOn(finding: Finding, input: BaseComparisonInput): string[] {
  const near = new Set<string>([...finding.subjects, ...(finding.path ?? []), ...(finding.links ?? [])]);
  for (const id of [...near]) {
    for (const register of [input.head.register, input.trusted.register]) {
      const zone = register.systems.get(id)?.zone ?? register.vendors.get(id)?.zone;
      if (zone !== undefined) near.add(zone);
    }
  }
  const close = input.claims.filter((claim) => near.has(claim.subject));
  return (close.length > 0 ? close : input.claims).map((claim) => claim.text);
}

/** The open unsegmented-path findings as policy rule → zone → sources (subjects are [rule, source, zone]). */
function openViolations(findings: readonly Finding[]): Map<string, Map<string, Set<string>>> {
  const open = new Map<string, Map<string, Set<string>>>();
  for (const finding of findings) {
    if (finding.rule !== 'unsegmented-path' || finding.status !== 'open' || finding.subjects.length !== 3) continue;
    const [rule, source, zone] = finding.subjects;
    let zones = open.get(rule);
    if (zones === undefined) open.set(rule, zones = new Map());
    let sources = zones.get(zone);
    if (sources === undefined) zones.set(zone, sources = new Set());
    sources.add(source);
  }
  return open;
}

/** Added or changed edges on a violating walk of an enabled segmentation rule, in any of the evaluations given. */
function riskyLinks(changed: ReadonlySet<string>, evaluations: readonly Evaluation[]): RiskyLink[] {
  const found = new Map<string, RiskyLink>();
  for (const { register, graph, findings } of evaluations) {
    const override = register.config.rules.get('unsegmented-path');
    if (override?.off === true || changed.size === 0) continue;
    const open = openViolations(findings);
    const candidates = new Uint8Array(graph.links.length);
    for (const id of changed) {
      const link = graph.linkIndex.get(id);
      if (link !== undefined) candidates[link] = 1;
    }
    for (const rule of register.config.segmentation) {
      const pairs = open.get(rule.id);
      if (pairs === undefined) continue;
      const severity: FindingSeverity = override?.severity ?? rule.severity;
      for (const l of edgesOnViolatingWalks(register, graph, rule, candidates, pairs)) {
        const link = graph.links[l];
        const known = found.get(link.id);
        if (known === undefined) found.set(link.id, { id: link.id, rules: [rule.id], severity, location: link.loc });
        else {
          if (!known.rules.includes(rule.id)) known.rules.push(rule.id);
          if (higher(severity, known.severity)) known.severity = severity;
        }
      }
    }
  }
  return [...found.values()]
    .map((link) => ({ ...link, rules: link.rules.sort(compareIds) }))
    .sort((a, b) => compareIds(a.id, b.id));
}
