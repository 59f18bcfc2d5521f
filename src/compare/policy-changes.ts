// The policy diff of the gate (SPEC §4.1): every difference between the base's policy (`policy`, `rules`, `review`
// in sidedoor.yaml) and acceptances and the head's, each marked `weakens` when it can hide a finding. Under the
// default `--policy-from base` none of these applies until merged; the list tells the reviewer what the merge will
// change. Where a change cannot be classed as safe (an unknown review setting, a selector that is rewritten rather
// than widened), it is marked `weakens`: a reviewer reads a false alarm, never a missed one.

import { compareIds } from '../graph/attack-graph.js';
import type { PolicyChange } from '../findings/scan-result.js';
import { SEVERITY_ORDER, severityRank } from '../findings/types.js';
import type { Acceptance, FindingSeverity, Register, RuleOverride, SegmentationRule, Selector } from '../register/types.js';
import { DATA_RANK } from '../register/types.js';

export function policyChanges(base: Register, head: Register): PolicyChange[] {
  const changes: PolicyChange[] = [
    ...builtinChange(base, head),
    ...segmentationChanges(base, head),
    ...ruleOverrideChanges(base, head),
    ...reviewChanges(base, head),
    ...acceptanceChanges(base.acceptances, head.acceptances),
  ];
  return changes.sort((a, b) => compareIds(a.kind, b.kind) || compareIds(a.subject, b.subject)
    || compareIds(a.description, b.description));
}

function builtinRule(register: Register): SegmentationRule | undefined {
  return register.config.segmentation.find((rule) => rule.builtin);
}

function builtinChange(base: Register, head: Register): PolicyChange[] {
  const before = builtinRule(base);
  const after = builtinRule(head);
  if ((before === undefined) === (after === undefined)) return [];
  return [{
    kind: 'builtin', subject: 'policy.builtin', weakens: after === undefined, location: head.config.loc,
    description: after === undefined ? 'the built-in rule low-trust-to-sensitive is turned off (builtin: false)'
      : 'the built-in rule low-trust-to-sensitive is turned on',
  }];
}

function segmentationChanges(base: Register, head: Register): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const userRules = (register: Register) => new Map(register.config.segmentation.filter((r) => !r.builtin).map((r) => [r.id, r]));
  const before = userRules(base);
  const after = userRules(head);
  const change = (rule: SegmentationRule, description: string, weakens: boolean) =>
    changes.push({ kind: 'segmentation', subject: rule.id, description: `policy rule ${rule.id}: ${description}`, weakens, location: rule.loc });
  for (const [id, rule] of before) if (!after.has(id)) change(rule, 'removed', true);
  for (const [id, rule] of after) {
    const old = before.get(id);
    if (old === undefined) {
      change(rule, 'added', false);
      continue;
    }
    for (const side of ['from', 'to'] as const) {
      if (JSON.stringify(old[side] ?? null) === JSON.stringify(rule[side] ?? null)) continue;
      const narrowed = selectorNarrowed(old[side], rule[side]);
      change(rule, `\`${side}\` ${narrowed ? 'narrowed' : 'widened'}`, narrowed);
    }
    const widened = rule.allow_via.filter((id) => !old.allow_via.includes(id)).sort(compareIds);
    const dropped = old.allow_via.filter((id) => !rule.allow_via.includes(id)).sort(compareIds);
    if (widened.length > 0) change(rule, `allow_via widened with ${widened.join(', ')}`, true);
    if (dropped.length > 0) change(rule, `allow_via no longer allows ${dropped.join(', ')}`, false);
    if (old.severity !== rule.severity) change(rule, `severity ${old.severity} → ${rule.severity}`, lower(rule.severity, old.severity));
  }
  return changes;
}

/** True when `after` may leave out a node that `before` selected. */
export function selectorNarrowed(before: Selector | undefined, after: Selector | undefined): boolean {
  if (after === undefined) return false;
  const b: Selector = before ?? {};
  const listNarrowed = (was: readonly string[] | undefined, now: readonly string[] | undefined) =>
    now !== undefined && (was === undefined || was.some((id) => !now.includes(id)));
  if (listNarrowed(b.zones, after.zones) || listNarrowed(b.kinds, after.kinds)) return true;
  if (after.systems !== undefined || after.vendors !== undefined) {
    const hadNames = b.systems !== undefined || b.vendors !== undefined;
    if (!hadNames) return true;
    if ((b.systems ?? []).some((id) => !(after.systems ?? []).includes(id))) return true;
    if (b.vendors === true && after.vendors !== true) return true;
    if (Array.isArray(b.vendors) && after.vendors !== true && b.vendors.some((id) => !(after.vendors as string[] | undefined ?? []).includes(id))) return true;
  }
  if (after.trust_max !== undefined && (b.trust_max === undefined || after.trust_max < b.trust_max)) return true;
  if (after.trust_min !== undefined && (b.trust_min === undefined || after.trust_min > b.trust_min)) return true;
  if (after.data_min !== undefined && (b.data_min === undefined || DATA_RANK[after.data_min] > DATA_RANK[b.data_min])) return true;
  if (after.internet_facing !== undefined && after.internet_facing !== b.internet_facing) return true;
  return false;
}

function lower(now: FindingSeverity, before: FindingSeverity): boolean {
  return severityRank(now) > severityRank(before);
}

function ruleOverrideChanges(base: Register, head: Register): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const ids = new Set([...base.config.rules.keys(), ...head.config.rules.keys()]);
  for (const id of ids) {
    const before = base.config.rules.get(id);
    const after = head.config.rules.get(id);
    const location = after?.loc ?? before?.loc ?? head.config.loc;
    const change = (description: string, weakens: boolean) =>
      changes.push({ kind: 'rule', subject: id, description: `rule ${id}: ${description}`, weakens, location });
    const wasOff = before?.off === true;
    const isOff = after?.off === true;
    if (!wasOff && isOff) change('turned off', true);
    else if (wasOff && !isOff) change('turned back on', false);
    if (!isOff && !wasOff) {
      const was = before?.severity;
      const now = after?.severity;
      // Without an override a rule keeps its own severities, which may reach critical: any override may lower some.
      if (was !== now) {
        change(`severity ${was ?? 'default'} → ${now ?? 'default'}`,
          now !== undefined && (was === undefined ? now !== SEVERITY_ORDER[0] : lower(now, was)));
      }
    }
    optionChanges(before, after, change);
  }
  return changes;
}

/** Rule options are thresholds (vendor-concentration's `threshold`): raising one lets more through. */
function optionChanges(before: RuleOverride | undefined, after: RuleOverride | undefined, change: (d: string, w: boolean) => void): void {
  const names = new Set([...(before?.options.keys() ?? []), ...(after?.options.keys() ?? [])]);
  for (const name of [...names].sort(compareIds)) {
    const was = before?.options.get(name);
    const now = after?.options.get(name);
    if (was === now) continue;
    change(`${name} ${was ?? 'default'} → ${now ?? 'default'}`, now === undefined || was === undefined || now > was);
  }
}

/** Review settings where a smaller value is looser; every other (a maximum age, a threshold) is looser when larger. */
const SMALLER_IS_LOOSER: ReadonlySet<string> = new Set(['contract_warning_days']);

function reviewChanges(base: Register, head: Register): PolicyChange[] {
  const before = flatten(base.config.review);
  const after = flatten(head.config.review);
  const changes: PolicyChange[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort(compareIds)) {
    const was = before.get(key);
    const now = after.get(key);
    if (was === now) continue;
    const leaf = key.split('.')[0];
    const looser = was === undefined || now === undefined ? true
      : SMALLER_IS_LOOSER.has(leaf) ? now < was : now > was;
    changes.push({ kind: 'review', subject: `review.${key}`, description: `review.${key}: ${was ?? 'unset'} → ${now ?? 'unset'}`,
      weakens: looser, location: head.config.loc });
  }
  return changes;
}

function flatten(value: object, prefix = '', out = new Map<string, number>()): Map<string, number> {
  for (const [key, inner] of Object.entries(value)) {
    if (typeof inner === 'number') out.set(`${prefix}${key}`, inner);
    else if (inner !== null && typeof inner === 'object') flatten(inner as object, `${prefix}${key}.`, out);
  }
  return out;
}

function acceptanceChanges(before: readonly Acceptance[], after: readonly Acceptance[]): PolicyChange[] {
  const latest = (list: readonly Acceptance[]) => {
    const byPattern = new Map<string, Acceptance>();
    for (const a of list) {
      const known = byPattern.get(a.finding);
      if (known === undefined || a.expires > known.expires) byPattern.set(a.finding, a);
    }
    return byPattern;
  };
  const was = latest(before);
  const now = latest(after);
  const changes: PolicyChange[] = [];
  const change = (a: Acceptance, description: string, weakens: boolean) =>
    changes.push({ kind: 'acceptance', subject: a.finding, description: `acceptance ${a.finding}: ${description}`, weakens, location: a.loc });
  for (const [pattern, a] of now) {
    const old = was.get(pattern);
    if (old === undefined) change(a, `added, until ${a.expires}${pattern.includes('*') ? ' (a wildcard pattern)' : ''}`, true);
    else if (a.expires > old.expires) change(a, `extended from ${old.expires} to ${a.expires}`, true);
    else if (a.expires < old.expires) change(a, `shortened from ${old.expires} to ${a.expires}`, false);
    else if (a.reason !== old.reason || a.approved_by !== old.approved_by || a.ticket !== old.ticket) change(a, 'reason, approver or ticket edited', false);
  }
  for (const [pattern, a] of was) if (!now.has(pattern)) change(a, 'removed', false);
  return changes;
}
