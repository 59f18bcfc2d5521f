// The contract shared by every graph exporter (`sidedoor graph --format …`).

import type { AttackGraph } from '../graph/attack-graph.js';
import type { Register } from '../register/types.js';

export interface ExportHighlight {
  /** Link ids of a minimum cut, drawn in red. */
  cutLinks?: ReadonlySet<string>;
  /** Link ids on witness paths, drawn in blue. */
  pathLinks?: ReadonlySet<string>;
}

export interface ExportOptions {
  /** Export only the neighbourhood of this node id. */
  focus?: string;
  /** Hops around `focus`, following links in both directions; default DEFAULT_FOCUS_DEPTH. Requires `focus`. */
  depth?: number;
  highlight?: ExportHighlight;
}

/** A pure exporter: same register, graph and options give the same bytes. */
export type GraphExporter = (register: Register, graph: AttackGraph, options: ExportOptions) => string;
