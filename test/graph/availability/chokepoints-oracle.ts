// Brute-force reference for SPEC §2.3 network chokepoints: remove each system, then each link, BFS the pieces of
// the component it sat in, and apply the reporting rule literally. O(V·(V+E)), for small registers only.

import type { Register, SourceLocation } from '../../../src/register/types.js';
import type { ChokepointPiece, Chokepoints } from '../../../src/graph/chokepoints.js';

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Edge { id: string; from: string; to: string; loc: SourceLocation }

export function oracleChokepoints(register: Register, listLimit: number): Chokepoints {
  const systems = [...register.systems.keys()].sort(byId);
  const edges: Edge[] = register.links
    .filter((l) => l.kind !== 'credential' && register.systems.has(l.from) && register.systems.has(l.to) && l.from !== l.to)
    .map((l) => ({ id: l.id, from: l.from, to: l.to, loc: l.loc }));
  const highOrCritical = (id: string) => ['high', 'critical'].includes(register.systems.get(id)!.criticality);

  const piecesOf = (removedNode: string | undefined, removedEdge: string | undefined): string[][] => {
    const seen = new Set<string>(removedNode === undefined ? [] : [removedNode]);
    const pieces: string[][] = [];
    for (const start of systems) {
      if (seen.has(start)) continue;
      seen.add(start);
      const piece = [start];
      for (let i = 0; i < piece.length; i++) {
        for (const e of edges) {
          if (e.id === removedEdge) continue;
          const other = e.from === piece[i] ? e.to : e.to === piece[i] ? e.from : undefined;
          if (other !== undefined && !seen.has(other)) {
            seen.add(other);
            piece.push(other);
          }
        }
      }
      pieces.push(piece.sort(byId));
    }
    return pieces;
  };
  const whole = piecesOf(undefined, undefined);
  const componentOf = (id: string) => whole.find((piece) => piece.includes(id))!;

  const verdict = (pieces: string[][]): ChokepointPiece[] | undefined => {
    const described = pieces.map((piece) => {
      const hc = piece.filter(highOrCritical);
      return { size: piece.length, smallest: piece[0], highOrCriticalCount: hc.length, highOrCritical: hc.slice(0, listLimit) };
    }).sort((a, b) => b.size - a.size || byId(a.smallest, b.smallest));
    return described.slice(1).some((p) => p.highOrCriticalCount > 0) ? described : undefined;
  };

  const result: Chokepoints = { nodes: [], links: [] };
  for (const id of systems) {
    const component = new Set(componentOf(id));
    const pieces = piecesOf(id, undefined).filter((piece) => component.has(piece[0]));
    const reported = verdict(pieces);
    if (reported) result.nodes.push({ system: id, pieces: reported });
  }
  for (const e of [...edges].sort((a, b) => byId(a.id, b.id))) {
    const component = new Set(componentOf(e.from));
    const pieces = piecesOf(undefined, e.id).filter((piece) => component.has(piece[0]));
    const reported = verdict(pieces);
    if (reported) result.links.push({ link: e.id, from: e.from, to: e.to, loc: e.loc, pieces: reported });
  }
  return result;
}
