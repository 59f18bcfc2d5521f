// The graph exporters of `sidedoor graph`, as data: the CLI looks a format up here and writes what it gets.

import { dotChunks } from './dot.js';
import { graphmlChunks } from './graphml.js';
import { exportMermaid } from './mermaid.js';
import { nodeLinkJsonChunks } from './node-link-json.js';
import { openGraphChunks } from './opengraph.js';
import type { ExportOptions, GraphExporter } from './options.js';
import type { AttackGraph } from '../graph/attack-graph.js';
import type { Register } from '../register/types.js';

export type GraphFormat = 'mermaid' | 'dot' | 'graphml' | 'json' | 'opengraph';

type GraphChunks = (register: Register, graph: AttackGraph, options: ExportOptions) => Iterable<string>;

/** Each format's export in pieces: JSON, OpenGraph, GraphML and DOT are made one node or edge at a time (an L
 * register's graph is tens to hundreds of megabytes in each, and built whole it took up to 3.9 GB); Mermaid, whose
 * link styles are only known at the end and which stays within the scan's memory at L, comes whole. */
const GRAPH_CHUNKS: ReadonlyMap<GraphFormat, GraphChunks> = new Map<GraphFormat, GraphChunks>([
  ['mermaid', (register, graph, options) => [exportMermaid(register, graph, options)]],
  ['dot', dotChunks],
  ['graphml', graphmlChunks],
  ['json', nodeLinkJsonChunks],
  ['opengraph', openGraphChunks],
]);

/** Each format's export as one string: its pieces joined. */
export const GRAPH_EXPORTERS: ReadonlyMap<GraphFormat, GraphExporter> = new Map(
  [...GRAPH_CHUNKS].map(([format, chunks]): [GraphFormat, GraphExporter] => [format, (...args) => [...chunks(...args)].join('')]),
);

export const GRAPH_FORMATS: readonly GraphFormat[] = [...GRAPH_CHUNKS.keys()];

/** The export in pieces, as `sidedoor graph` writes it. */
export function graphExportChunks(
  format: GraphFormat, register: Register, graph: AttackGraph, options: ExportOptions,
): Iterable<string> {
  return (GRAPH_CHUNKS.get(format) as GraphChunks)(register, graph, options);
}

export function isGraphFormat(name: string): name is GraphFormat {
  return GRAPH_FORMATS.some((format) => format === name);
}

export { ExportUsageError, InvalidDepthError, UnknownNodeError } from './errors.js';
export { DEFAULT_FOCUS_DEPTH, neighbourhood } from './neighbourhood.js';
export type { ExportHighlight, ExportOptions, GraphExporter } from './options.js';
