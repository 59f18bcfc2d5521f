// Network chokepoints (SPEC §2.3): articulation points and bridges of the undirected system network, reported when
// removing one from its component cuts a high or critical system off the largest remaining piece (the piece with
// most systems; on a tie, the one holding the smallest system id).
//
// Method: one iterative Hopcroft–Tarjan DFS (chokepoints-dfs.ts). Removing node p leaves one piece per child c with
// low[c] ≥ pre[p] (every child, at a DFS root) plus, away from a root, the "rest": the component minus p and those
// subtrees. Removing tree edge (p, c) with low[c] > pre[p] leaves c's subtree and the rest. Piece sizes and
// high/critical counts come from subtree aggregates by subtraction. The rest always holds the DFS root, which is the
// smallest system of its component (roots are taken in id order), so the root is the rest's smallest id. The
// high/critical systems named in a report come from a range-minimum table over preorder (chokepoints-range-min.ts),
// so naming them never walks a piece.
//
// Cost: O(V + E) for the search, plus O(V log V) time and memory for the table, built only when something is
// reported.

import type { Register, SourceLocation } from '../register/types.js';
import { compareIds } from './attack-graph.js';
import type { DfsForest } from './chokepoints-dfs.js';
import { depthFirstForest } from './chokepoints-dfs.js';
import type { SystemNetwork } from './chokepoints-graph.js';
import { buildSystemNetwork } from './chokepoints-graph.js';
import { NO_VALUE, RangeMinimum } from './chokepoints-range-min.js';

export interface ChokepointPiece {
  /** Number of systems in the piece. */
  size: number;
  /** Its smallest system id. */
  smallest: string;
  highOrCriticalCount: number;
  /** Its high and critical systems, sorted, at most `listLimit` of them. */
  highOrCritical: string[];
}

export interface NodeChokepoint {
  system: string;
  /** Largest piece first (the one that is not cut off), then by size descending, then by smallest id. */
  pieces: ChokepointPiece[];
}

export interface LinkChokepoint {
  link: string;
  from: string;
  to: string;
  /** Where the link is written. */
  loc: SourceLocation;
  pieces: ChokepointPiece[];
}

export interface Chokepoints {
  /** Sorted by system id. */
  nodes: NodeChokepoint[];
  /** Sorted by link id. */
  links: LinkChokepoint[];
}

export interface ChokepointOptions {
  /** How many high/critical ids each piece names (default 10). */
  listLimit?: number;
}

type Range = readonly [number, number];

interface RawPiece {
  size: number;
  smallest: number;
  highOrCritical: number;
  ranges: () => Range[];
}

export function findChokepoints(register: Register, options: ChokepointOptions = {}): Chokepoints {
  const network = buildSystemNetwork(register);
  const forest = depthFirstForest(network);
  const describe = pieceDescriber(network, forest, options.listLimit ?? 10);
  const nodes: NodeChokepoint[] = [];
  const links: LinkChokepoint[] = [];
  const children = childrenOf(forest);
  for (let p = 0; p < network.nodeCount; p++) {
    const pieces = piecesWithoutNode(p, forest, children, network.highOrCritical[p]);
    if (pieces !== undefined && cutsOffHighOrCritical(pieces)) {
      nodes.push({ system: network.systemIds[p], pieces: describe(pieces) });
    }
    const bridge = forest.parent[p] >= 0 && forest.low[p] > forest.pre[forest.parent[p]];
    if (bridge) {
      const pieces = piecesWithoutTreeEdge(p, forest);
      if (cutsOffHighOrCritical(pieces)) {
        const link = register.links[network.edgeLink[forest.parentEdge[p]]];
        links.push({ link: link.id, from: link.from, to: link.to, loc: link.loc, pieces: describe(pieces) });
      }
    }
  }
  links.sort((a, b) => compareIds(a.link, b.link));
  return { nodes, links };
}

/** The pieces left when node p is removed, or undefined when fewer than two are left. */
function piecesWithoutNode(
  p: number, forest: DfsForest, children: { start: Int32Array; list: Int32Array }, ownHighOrCritical: number,
): RawPiece[] | undefined {
  const { pre, low, size, smallest, highOrCritical, parent, root } = forest;
  const atRoot = parent[p] === -1;
  const pieces: RawPiece[] = [];
  const separated = (c: number) => atRoot || low[c] >= pre[p];
  let separatedSize = 0;
  let separatedHighOrCritical = 0;
  for (let i = children.start[p]; i < children.start[p + 1]; i++) {
    const c = children.list[i];
    if (separated(c)) {
      pieces.push({ size: size[c], smallest: smallest[c], highOrCritical: highOrCritical[c], ranges: () => [subtree(forest, c)] });
      separatedSize += size[c];
      separatedHighOrCritical += highOrCritical[c];
    }
  }
  if (!atRoot && pieces.length > 0) {
    const r = root[p];
    const [start, end] = subtree(forest, r);
    pieces.push({
      size: size[r] - 1 - separatedSize,
      smallest: r,
      highOrCritical: highOrCritical[r] - ownHighOrCritical - separatedHighOrCritical,
      ranges: () => {
        // The component minus p's subtree, plus the subtrees of p's children that stay attached through back links.
        const ranges: Range[] = [[start, pre[p]], [pre[p] + size[p], end]];
        for (let i = children.start[p]; i < children.start[p + 1]; i++) {
          if (!separated(children.list[i])) ranges.push(subtree(forest, children.list[i]));
        }
        return ranges;
      },
    });
  }
  return pieces.length >= 2 ? pieces : undefined;
}

/** The two pieces left when the tree edge from c's parent to c is removed. */
function piecesWithoutTreeEdge(c: number, forest: DfsForest): RawPiece[] {
  const { size, smallest, highOrCritical, root } = forest;
  const r = root[c];
  const [start, end] = subtree(forest, r);
  const [lo, hi] = subtree(forest, c);
  return [
    { size: size[c], smallest: smallest[c], highOrCritical: highOrCritical[c], ranges: () => [[lo, hi]] },
    {
      size: size[r] - size[c],
      smallest: r,
      highOrCritical: highOrCritical[r] - highOrCritical[c],
      ranges: () => [[start, lo], [hi, end]],
    },
  ];
}

function largerPiece(a: RawPiece, b: RawPiece): number {
  return b.size - a.size || a.smallest - b.smallest;
}

function cutsOffHighOrCritical(pieces: RawPiece[]): boolean {
  let largest = pieces[0];
  for (const piece of pieces) if (largerPiece(piece, largest) < 0) largest = piece;
  return pieces.some((piece) => piece !== largest && piece.highOrCritical > 0);
}

function pieceDescriber(network: SystemNetwork, forest: DfsForest, listLimit: number) {
  let table: RangeMinimum | undefined;
  return (pieces: RawPiece[]): ChokepointPiece[] => {
    if (table === undefined) {
      const keys = new Int32Array(network.nodeCount);
      forest.order.forEach((v, position) => {
        keys[position] = network.highOrCritical[v] === 1 ? v : NO_VALUE;
      });
      table = new RangeMinimum(keys);
    }
    const lookup = table;
    return [...pieces].sort(largerPiece).map((piece) => ({
      size: piece.size,
      smallest: network.systemIds[piece.smallest],
      highOrCriticalCount: piece.highOrCritical,
      highOrCritical: piece.highOrCritical === 0 || listLimit <= 0
        ? []
        : lookup.smallestIn(piece.ranges(), listLimit).map((v) => network.systemIds[v]),
    }));
  };
}

function subtree(forest: DfsForest, v: number): [number, number] {
  return [forest.pre[v], forest.pre[v] + forest.size[v]];
}

function childrenOf(forest: DfsForest): { start: Int32Array; list: Int32Array } {
  const n = forest.parent.length;
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) if (forest.parent[v] >= 0) start[forest.parent[v] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const list = new Int32Array(start[n]);
  for (let v = 0; v < n; v++) if (forest.parent[v] >= 0) list[fill[forest.parent[v]]++] = v;
  return { start, list };
}
