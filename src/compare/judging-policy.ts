// The judging policy of the gate (SPEC §4.1): the entities of one register judged under the policy, rule overrides,
// review settings and acceptances of another. The built-in rule's gateways are "every enforcement system" of the
// register being judged, so they are recomputed from its systems rather than copied from the policy's side.

import { compareIds } from '../graph/attack-graph.js';
import type { Register, SegmentationRule } from '../register/types.js';

export type PolicySide = 'base' | 'head';

/** `entities` with the policy and acceptances of `policy`. */
export function judgedUnder(entities: Register, policy: Register): Register {
  if (entities === policy) return entities;
  return {
    ...entities,
    config: { ...policy.config, segmentation: policy.config.segmentation.map((rule) => withGateways(rule, entities)) },
    acceptances: policy.acceptances,
  };
}

/** The built-in rule allows every enforcement system of `register`; a user rule keeps its own `allow_via`. */
export function withGateways(rule: SegmentationRule, register: Register): SegmentationRule {
  if (!rule.builtin) return rule;
  const gateways = [...register.systems.values()].filter((s) => s.enforcement).map((s) => s.id).sort(compareIds);
  return { ...rule, allow_via: gateways };
}
