// network-chokepoint (SPEC §2.3, §3.1): a system or a link whose loss splits the system network and cuts a high or
// critical system off from the largest remaining piece.

import type { RawFinding } from '../../findings/types.js';
import { findingId } from '../../findings/types.js';
import { findChokepoints } from '../../graph/chokepoints.js';
import type { ChokepointPiece } from '../../graph/chokepoints.js';
import type { Rule } from '../types.js';
import { NIS2 } from '../controls.js';
import { plural, verb } from '../../util/plural.js';

export const networkChokepoint: Rule = {
  meta: {
    id: 'network-chokepoint',
    family: 'availability',
    title: 'Network chokepoint (articulation point or bridge)',
    defaultSeverity: 'medium',
    severityText: 'medium',
    description: 'In the undirected network of `network` and `remote-access` links between systems (vendors and the internet left '
      + 'out), removing this system or link splits its connected component, and a piece other than the largest remaining one '
      + '(ties: the piece holding the smallest system id counts as largest) holds a high or critical system. A link parallel to '
      + 'another link between the same two systems is never a bridge.',
    fix: 'Add a second, independent network path (another link or a redundant device) to the systems that would be cut off.',
    iso27001: ['A.8.14 Redundancy of information processing facilities', 'A.8.20 Networks security'],
    nis2: [NIS2.businessContinuity],
  },
  check(context) {
    const { register } = context;
    const found = context.shared('chokepoints', () => findChokepoints(register));
    const findings: RawFinding[] = [];
    for (const node of found.nodes) {
      const system = register.systems.get(node.system);
      findings.push({
        id: findingId('network-chokepoint', [node.system]),
        rule: 'network-chokepoint',
        severity: 'medium',
        title: `Losing ${node.system} cuts ${describeCutOff(node.pieces)} off the network`,
        message: `${node.system} is an articulation point of the system network: without it, its component splits into `
          + `${plural(node.pieces.length, 'piece')}, and ${loseTheirPath(node.pieces)} to the rest. Add a second path.`,
        subjects: [node.system],
        location: system?.loc ?? register.config.loc,
      });
    }
    for (const bridge of found.links) {
      findings.push({
        id: findingId('network-chokepoint', [bridge.link]),
        rule: 'network-chokepoint',
        severity: 'medium',
        title: `Link ${bridge.link} is a bridge: losing it cuts ${describeCutOff(bridge.pieces)} off the network`,
        message: `${bridge.link} (${bridge.from} — ${bridge.to}) is the only network path between two parts of the system network; `
          + `without it, ${loseTheirPath(bridge.pieces)} to the rest. Add a second, independent link.`,
        subjects: [bridge.link],
        location: bridge.loc,
      });
    }
    return findings;
  },
};

/** `fpr loses its path`, `a, b lose their path`. */
function loseTheirPath(pieces: ChokepointPiece[]): string {
  const total = pieces.slice(1).reduce((n, p) => n + p.highOrCriticalCount, 0);
  return `${describeCutOff(pieces)} ${verb(total, 'loses its', 'lose their')} path`;
}

/** The high/critical systems in the pieces that are cut off (every piece but the first, the largest). */
function describeCutOff(pieces: ChokepointPiece[]): string {
  const cut = pieces.slice(1).flatMap((p) => p.highOrCritical);
  const total = pieces.slice(1).reduce((n, p) => n + p.highOrCriticalCount, 0);
  const named = cut.slice(0, 5).join(', ');
  return total > 5 ? `${named} and ${total - 5} more` : named;
}
