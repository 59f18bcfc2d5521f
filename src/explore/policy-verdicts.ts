// Which segmentation rules (SPEC §1.8, §2.2; the built-in one included) a path breaks, and whether each rule is
// broken by SOME path from the same start to the same target.
//
// A rule concerns a (start, target) pair when the start matches its `from`, some node of the target (the target
// node, or a node of the target zone) other than the start matches its `to`, and neither is one of its allowed
// gateways (gateways are never sources nor targets). A concerned rule forbids the shown path when the path's end
// node matches `to` and the path passes no allowed gateway: no node on it is in `allow_via`, and no link on it lists
// an `allow_via` system in its `via`. Independently of the shown path, the rule's own search (allowed gateways and
// their `via` links pruned, as in gateway-pruning.ts) gives the shortest unsegmented path from the start to the
// target's matching nodes: for a zone target it is exactly the witness `scan` reports for (rule, start, zone).
// Cost: O(V + E) per rule.

import type { AttackGraph } from '../graph/attack-graph.js';
import { pruneGateways } from '../graph/gateway-pruning.js';
import { selectorMatcher } from '../graph/selectors.js';
import { FootholdFinder } from '../graph/foothold.js';
import type { FootholdPath } from '../graph/foothold-path.js';
import { footholdPathIds, footholdShortestPath } from '../graph/foothold-path.js';
import type { Register, SegmentationRule } from '../register/types.js';
import type { PathTarget } from './lookup.js';
import { targetHolds } from './lookup.js';

export interface IdPath {
  nodes: string[];
  /** Supply edge ids first (the supply hops), then link ids. */
  links: string[];
  /** How many of `links` are supply edges, when any are. */
  supplyHops?: number;
}

export interface PolicyVerdict {
  rule: SegmentationRule;
  /** The shown path breaks this rule. */
  forbidsPath: boolean;
  /** The shown path ends on a node that matches the rule's `to`. */
  endMatches: boolean;
  /** Allowed gateways the shown path passes (as a node, or in a link's `via`), in path order. */
  allowedGatewaysOnPath: string[];
  /** The rule's shortest unsegmented path from the start to the target, when there is one. */
  unsegmented?: IdPath;
}

export interface PolicyVerdicts {
  /** The rules that concern this (start, target) pair, in policy order (the built-in rule first). */
  verdicts: PolicyVerdict[];
  /** How many rules do not concern it. */
  unconcerned: number;
}

export function policyVerdicts(
  register: Register, graph: AttackGraph, start: number, target: PathTarget, path: FootholdPath | undefined,
): PolicyVerdicts {
  const verdicts: PolicyVerdict[] = [];
  let unconcerned = 0;
  const finder = new FootholdFinder(graph);
  for (const rule of register.config.segmentation) {
    const verdict = judge(register, graph, rule, start, target, path, finder);
    if (verdict === undefined) unconcerned++;
    else verdicts.push(verdict);
  }
  return { verdicts, unconcerned };
}

function judge(
  register: Register, graph: AttackGraph, rule: SegmentationRule, start: number, target: PathTarget,
  path: FootholdPath | undefined, finder: FootholdFinder,
): PolicyVerdict | undefined {
  const pruning = pruneGateways(graph, rule.allow_via);
  const isSource = selectorMatcher(register, graph, rule.from);
  const isTarget = selectorMatcher(register, graph, rule.to);
  if (pruning.removed[start] === 1 || !isSource(start)) return undefined;
  const ruleTarget = (v: number) => v !== start && pruning.removed[v] === 0 && targetHolds(graph, target, v) && isTarget(v);
  let anyTarget = false;
  for (let v = 0; v < graph.nodeCount && !anyTarget; v++) anyTarget = ruleTarget(v);
  if (!anyTarget) return undefined;

  const allowedGatewaysOnPath: string[] = [];
  let endMatches = false;
  if (path !== undefined) {
    const allowed = new Set(rule.allow_via);
    const seen = new Set<string>();
    const note = (id: string) => {
      if (allowed.has(id) && !seen.has(id)) {
        seen.add(id);
        allowedGatewaysOnPath.push(id);
      }
    };
    const supplyHops = path.supplyEdges.length;
    path.nodes.forEach((v, i) => {
      if (i > supplyHops) for (const gateway of graph.links[path.links[i - 1 - supplyHops]].via) note(gateway);
      note(graph.nodeIds[v]);
    });
    endMatches = ruleTarget(path.nodes[path.nodes.length - 1]);
  }
  const witness = footholdShortestPath(graph, start, ruleTarget, pruning.filter, finder);
  return {
    rule,
    // The supply chain alone is never an unsegmented path (SPEC §2.2): a path needs a link.
    forbidsPath: path !== undefined && path.links.length > 0 && endMatches && allowedGatewaysOnPath.length === 0,
    endMatches,
    allowedGatewaysOnPath,
    ...(witness === undefined ? {} : { unsegmented: footholdPathIds(graph, witness) }),
  };
}
