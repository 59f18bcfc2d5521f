// The availability model of SPEC §2.3 as a compact AND/OR system over integers, built once per scan.
//
// Every node (systems, vendors, `internet`) owns a list of requirement *groups*; a node runs when it is up and each
// of its groups still has a running member. A plain `depends_on` id, the system's `vendor` and each subprocessor of a
// vendor are groups of one; `{any_of: [...]}` is a group of several. Failure is the dual: the least fixed point of
// "a node fails when it is down or one of its groups has no live member left", which is the complement of the
// greatest fixed point the SPEC asks for (a cycle of up nodes runs, because nothing ever marks it failed).
//
// A reference to an id that is not a node (the validator reports it) is a member that never runs, so a plain
// dependency on it, or an any_of made only of such ids (or an empty any_of), keeps the owner down even when everything
// is up. Those nodes form the *baseline* failures; an impact only counts systems that ran before the failure.
//
// Cost: O(V log V + M) to build, where M is the number of group memberships; O(V + M) memory, all typed arrays.

import type { Register } from '../register/types.js';
import { INTERNET_NODE, LEVEL_RANK } from '../register/types.js';
import { compareIds } from './attack-graph.js';
import { FailurePropagator, rememberPropagator } from './availability-propagation.js';

export const NODE_INTERNET = 0;
export const NODE_VENDOR = 1;
export const NODE_SYSTEM = 2;

export interface AvailabilityModel {
  readonly nodeCount: number;
  /** Node ids sorted by code unit, the same numbering as `buildAttackGraph`. */
  readonly nodeIds: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** NODE_INTERNET, NODE_VENDOR or NODE_SYSTEM. */
  readonly nodeKind: Uint8Array;
  /** LEVEL_RANK of a system's criticality (0 for vendors and `internet`). */
  readonly criticality: Uint8Array;
  /** 1 for nodes that do not run even with every node up (see the header). */
  readonly baselineFailed: Uint8Array;
  /** CSR: the groups of node v are groupStart[v] .. groupStart[v+1]). */
  readonly groupStart: Int32Array;
  readonly groupOwner: Int32Array;
  /** CSR: the member nodes of group g, as written (unknown ids dropped, repeats kept). */
  readonly memberStart: Int32Array;
  readonly members: Int32Array;
  /** CSR: every group node u is a member of, with repeats, ordered by group. */
  readonly occurrenceStart: Int32Array;
  readonly occurrenceGroup: Int32Array;
  /** Live members of each group when nothing is down (after the baseline failures). */
  readonly baselineRemaining: Int32Array;
  /** The `any_of` groups of `depends_on`, as the register wrote them. */
  readonly anyOfWritten: ReadonlyMap<number, readonly string[]>;
}

/** Optionally reuses the attack graph's numbering; any numbering must hold every vendor, system and `internet`. */
export function analyzeAvailability(
  register: Register,
  numbering?: { nodeIds: readonly string[]; nodeIndex: ReadonlyMap<string, number> },
): AvailabilityModel {
  const { nodeIds, nodeIndex } = numbering ?? numberNodes(register);
  const n = nodeIds.length;
  const nodeKind = new Uint8Array(n);
  const criticality = new Uint8Array(n);
  const groupLists: (readonly string[])[] = [];
  const groupOwnerList: number[] = [];
  const anyOfAt: number[] = [];
  const groupStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    groupStart[v] = groupLists.length;
    const id = nodeIds[v];
    const system = register.systems.get(id);
    const vendor = register.vendors.get(id);
    if (system !== undefined) {
      nodeKind[v] = NODE_SYSTEM;
      criticality[v] = LEVEL_RANK[system.criticality];
      for (const dependency of system.depends_on) {
        if (dependency.isAnyOf) anyOfAt.push(groupLists.length);
        groupLists.push(dependency.anyOf);
        groupOwnerList.push(v);
      }
      if (system.vendor !== undefined) {
        groupLists.push([system.vendor]);
        groupOwnerList.push(v);
      }
    } else if (vendor !== undefined) {
      nodeKind[v] = NODE_VENDOR;
      for (const sub of vendor.subprocessors) {
        groupLists.push([sub]);
        groupOwnerList.push(v);
      }
    } else if (id !== INTERNET_NODE) {
      throw new Error(`availability numbering holds ${id}, which is not a node of the register`);
    }
  }
  const groupCount = groupLists.length;
  groupStart[n] = groupCount;
  const groupOwner = Int32Array.from(groupOwnerList);

  const memberStart = new Int32Array(groupCount + 1);
  const memberList: number[] = [];
  const anyOfWritten = new Map<number, readonly string[]>();
  for (const g of anyOfAt) anyOfWritten.set(g, [...groupLists[g]]);
  for (let g = 0; g < groupCount; g++) {
    memberStart[g] = memberList.length;
    for (const id of groupLists[g]) {
      const u = nodeIndex.get(id);
      if (u !== undefined) memberList.push(u);
    }
  }
  memberStart[groupCount] = memberList.length;
  const members = Int32Array.from(memberList);

  // Filling by increasing group keeps each node's occurrence list ordered by group, repeats adjacent.
  const occurrenceStart = new Int32Array(n + 1);
  for (let i = 0; i < members.length; i++) occurrenceStart[members[i] + 1]++;
  for (let v = 0; v < n; v++) occurrenceStart[v + 1] += occurrenceStart[v];
  const fill = occurrenceStart.slice(0, n);
  const occurrenceGroup = new Int32Array(members.length);
  for (let g = 0; g < groupCount; g++) {
    for (let i = memberStart[g]; i < memberStart[g + 1]; i++) occurrenceGroup[fill[members[i]]++] = g;
  }

  const baselineRemaining = new Int32Array(groupCount);
  for (let g = 0; g < groupCount; g++) baselineRemaining[g] = memberStart[g + 1] - memberStart[g];
  const model: AvailabilityModel = {
    nodeCount: n, nodeIds, nodeIndex, nodeKind, criticality, baselineFailed: new Uint8Array(n), groupStart,
    groupOwner, memberStart, members, occurrenceStart, occurrenceGroup, baselineRemaining, anyOfWritten,
  };
  settleBaseline(model);
  return model;
}

/** Propagates the failures that hold with every node up, and makes them the baseline every later run starts from. */
function settleBaseline(model: AvailabilityModel): void {
  const { nodeCount, groupStart, baselineRemaining } = model;
  const propagator = new FailurePropagator(model);
  for (let v = 0; v < nodeCount; v++) {
    for (let g = groupStart[v]; g < groupStart[v + 1]; g++) {
      if (baselineRemaining[g] === 0) {
        propagator.fail(v);
        break;
      }
    }
  }
  propagator.run();
  propagator.commitAsBaseline();
  rememberPropagator(model, propagator);
}

function numberNodes(register: Register): { nodeIds: string[]; nodeIndex: Map<string, number> } {
  const ids = new Set<string>([INTERNET_NODE]);
  for (const id of register.vendors.keys()) ids.add(id);
  for (const id of register.systems.keys()) ids.add(id);
  const nodeIds = [...ids].sort(compareIds);
  const nodeIndex = new Map<string, number>();
  nodeIds.forEach((id, i) => nodeIndex.set(id, i));
  return { nodeIds, nodeIndex };
}
