// The graph exporters of `sidedoor graph`, as data: the CLI looks a format up here and writes whatever string it gets.

import { exportDot } from './dot.js';
import { exportGraphml } from './graphml.js';
import { exportMermaid } from './mermaid.js';
import { exportNodeLinkJson } from './node-link-json.js';
import { exportOpenGraph } from './opengraph.js';
import type { GraphExporter } from './options.js';

export type GraphFormat = 'mermaid' | 'dot' | 'graphml' | 'json' | 'opengraph';

export const GRAPH_EXPORTERS: ReadonlyMap<GraphFormat, GraphExporter> = new Map<GraphFormat, GraphExporter>([
  ['mermaid', exportMermaid],
  ['dot', exportDot],
  ['graphml', exportGraphml],
  ['json', exportNodeLinkJson],
  ['opengraph', exportOpenGraph],
]);

export const GRAPH_FORMATS: readonly GraphFormat[] = [...GRAPH_EXPORTERS.keys()];

export function isGraphFormat(name: string): name is GraphFormat {
  return GRAPH_FORMATS.some((format) => format === name);
}

export { exportDot, exportGraphml, exportMermaid, exportNodeLinkJson, exportOpenGraph };
export { ExportUsageError, InvalidDepthError, UnknownNodeError } from './errors.js';
export { DEFAULT_FOCUS_DEPTH, neighbourhood } from './neighbourhood.js';
export type { ExportHighlight, ExportOptions, GraphExporter } from './options.js';
