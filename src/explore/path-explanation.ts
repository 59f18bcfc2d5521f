// `sidedoor path FROM TO`: the shortest path over every link (no gateway removed: this is the path an attacker
// would take), hop by hop, with the gateways on it, the crossings into higher-trust zones, and the verdict of each
// policy rule (policy-verdicts.ts).
//
// The path is shortestPath's (shortest-path.ts): fewest links, ties broken at each step by the smallest node id,
// then link id, the same tie-breaking as the witnesses of `scan`. A path has at least one link and never ends on
// its start, so FROM → FROM, or a zone holding only FROM, has no path.
// Cost: O(V + E) for the path, plus O(V + E) per policy rule.

import type { AttackGraph } from '../graph/attack-graph.js';
import { FootholdFinder } from '../graph/foothold.js';
import type { FootholdPath } from '../graph/foothold-path.js';
import { footholdShortestPath } from '../graph/foothold-path.js';
import type { AuthKind, LinkKind, Register } from '../register/types.js';
import type { PathTarget } from './lookup.js';
import { targetHolds } from './lookup.js';
import type { NodeInfo } from './node-info.js';
import { nodeInfo } from './node-info.js';
import type { PolicyVerdict } from './policy-verdicts.js';
import { policyVerdicts } from './policy-verdicts.js';

export interface PathHop extends NodeInfo {
  /** The hop is an enforcement system. */
  gateway: boolean;
  /** The hop's zone has a higher trust than the previous hop's. */
  crossing: boolean;
}

export interface PathStep {
  /** A link id, or a supply edge id for a supply hop. */
  link: string;
  /** `supply` for a supply hop (SPEC §2.1): the supplier holds what it supplies; the other fields are then neutral. */
  kind: LinkKind | 'supply';
  /** The direction of travel: a bidirectional link may be taken from its `to` end. */
  from: string;
  to: string;
  reversed: boolean;
  protocol?: string;
  port?: number;
  auth: AuthKind;
  encrypted: boolean;
  onDemand: boolean;
  /** The link's `via` list, as written. */
  via: string[];
  /** The entries of `via` that are enforcement systems (the others filter nothing). */
  viaGateways: string[];
  /** The implicit internet edge of an internet-facing system. */
  implicit: boolean;
}

export interface PathExplanation {
  from: NodeInfo;
  target: PathTarget;
  /** Empty when there is no path; else one more hop than steps. */
  hops: PathHop[];
  steps: PathStep[];
  /** Every gateway the path passes, as a hop or in a link's `via`, in path order, once each. */
  gateways: string[];
  /** How many steps enter a zone of higher trust. */
  crossings: number;
  policies: PolicyVerdict[];
  /** Policy rules that do not concern this start and target. */
  unconcernedPolicies: number;
}

export function explainPath(register: Register, graph: AttackGraph, from: number, target: PathTarget): PathExplanation {
  const finder = new FootholdFinder(graph);
  const isTarget = (v: number) => targetHolds(graph, target, v);
  const path = heldPath(graph, finder, from, isTarget) ?? footholdShortestPath(graph, from, isTarget, undefined, finder);
  const { verdicts, unconcerned } = policyVerdicts(register, graph, from, target, path);
  const { hops, steps } = path === undefined ? { hops: [], steps: [] } : describe(register, graph, path);
  const gateways: string[] = [];
  const note = (id: string) => {
    if (!gateways.includes(id)) gateways.push(id);
  };
  hops.forEach((hop, i) => {
    if (i > 0) steps[i - 1].viaGateways.forEach(note);
    if (hop.gateway) note(hop.id);
  });
  return {
    from: nodeInfo(register, graph, from),
    target,
    hops,
    steps,
    gateways,
    crossings: hops.filter((hop) => hop.crossing).length,
    policies: verdicts,
    unconcernedPolicies: unconcerned,
  };
}

/**
 * When the target lies in the start's own foothold, the answer is the supply chain itself (no link needed): the
 * member with the fewest supply hops, then the smallest id.
 */
function heldPath(graph: AttackGraph, finder: FootholdFinder, from: number, isTarget: (v: number) => boolean): FootholdPath | undefined {
  let best: number[] | undefined;
  for (const member of finder.footholdOf(from)) {
    if (member === from || !isTarget(member)) continue;
    const chain = finder.supplyChain(from, member);
    if (best === undefined || chain.length < best.length) best = chain;
  }
  if (best === undefined) return undefined;
  return { supplyEdges: best, nodes: [from, ...best.map((e) => graph.supply.to[e])], links: [] };
}

function describe(register: Register, graph: AttackGraph, path: FootholdPath): { hops: PathHop[]; steps: PathStep[] } {
  const hops = path.nodes.map((v, i): PathHop => {
    const info = nodeInfo(register, graph, v);
    return { ...info, gateway: info.enforcement, crossing: i > 0 && graph.nodeTrust[v] > graph.nodeTrust[path.nodes[i - 1]] };
  });
  const supplyHops = path.supplyEdges.length;
  const supplySteps = path.supplyEdges.map((e, i): PathStep => ({
    link: graph.supply.ids[e], kind: 'supply', from: graph.nodeIds[path.nodes[i]], to: graph.nodeIds[path.nodes[i + 1]],
    reversed: false, auth: 'none', encrypted: true, onDemand: false, via: [], viaGateways: [], implicit: true,
  }));
  const linkSteps = path.links.map((l, k): PathStep => {
    const i = k + supplyHops;
    const link = graph.links[l];
    const from = graph.nodeIds[path.nodes[i]];
    const reversed = link.from !== from;
    return {
      link: link.id, kind: link.kind, from, to: graph.nodeIds[path.nodes[i + 1]], reversed,
      ...(link.protocol === undefined ? {} : { protocol: link.protocol }),
      ...(link.port === undefined ? {} : { port: link.port }),
      auth: link.auth, encrypted: link.encrypted, onDemand: link.on_demand,
      via: [...link.via],
      viaGateways: link.via.filter((id) => register.systems.get(id)?.enforcement === true),
      implicit: link.implicit,
    };
  });
  return { hops, steps: [...supplySteps, ...linkSteps] };
}
