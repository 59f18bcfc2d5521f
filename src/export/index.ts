// The graph exporters of `sidedoor graph`, as data: the CLI looks a format up here and writes what it gets.

import { dotChunks, exportDot } from './dot.js';
import { exportGraphml, graphmlChunks } from './graphml.js';
import { exportMermaid } from './mermaid.js';
import { exportNodeLinkJson, nodeLinkJsonChunks } from './node-link-json.js';
import { exportOpenGraph, openGraphChunks } from './opengraph.js';
import type { ExportOptions, GraphExporter } from './options.js';
import type { AttackGraph } from '../graph/attack-graph.js';
import type { Register } from '../register/types.js';

export type GraphFormat = 'mermaid' | 'dot' | 'graphml' | 'json' | 'opengraph';

export const GRAPH_EXPORTERS: ReadonlyMap<GraphFormat, GraphExporter> = new Map<GraphFormat, GraphExporter>([
  ['mermaid', exportMermaid],
  ['dot', exportDot],
  ['graphml', exportGraphml],
  ['json', exportNodeLinkJson],
  ['opengraph', exportOpenGraph],
]);

export const GRAPH_FORMATS: readonly GraphFormat[] = [...GRAPH_EXPORTERS.keys()];

/** The export in pieces: JSON, OpenGraph, GraphML and DOT are streamed one node or edge at a time (an L register's
 * graph is tens to hundreds of megabytes in each, and built whole it took up to 3.9 GB); Mermaid, whose link styles
 * are only known at the end and which stays within the scan's memory at L, comes whole. */
export function graphExportChunks(format: GraphFormat, register: Register, graph: AttackGraph, options: ExportOptions): Iterable<string> {
  if (format === 'json') return nodeLinkJsonChunks(register, graph, options);
  if (format === 'opengraph') return openGraphChunks(register, graph, options);
  if (format === 'graphml') return graphmlChunks(register, graph, options);
  if (format === 'dot') return dotChunks(register, graph, options);
  return [(GRAPH_EXPORTERS.get(format) as GraphExporter)(register, graph, options)];
}

export function isGraphFormat(name: string): name is GraphFormat {
  return GRAPH_FORMATS.some((format) => format === name);
}

export { exportDot, exportGraphml, exportMermaid, exportNodeLinkJson, exportOpenGraph };
export { ExportUsageError, InvalidDepthError, UnknownNodeError } from './errors.js';
export { DEFAULT_FOCUS_DEPTH, neighbourhood } from './neighbourhood.js';
export type { ExportHighlight, ExportOptions, GraphExporter } from './options.js';
