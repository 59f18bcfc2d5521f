// `sidedoor graph`: exports the attack graph, whole or as the --focus/--depth neighbourhood, in one of the formats of
// src/export (Mermaid, DOT, GraphML, node-link JSON, BloodHound OpenGraph). An unknown focus node, or --depth
// without --focus, is a usage error (exit 2) with a "did you mean" suggestion when one is close.

import { Command, Option } from 'commander';
import { buildAttackGraph } from '../../graph/attack-graph.js';
import { ExportUsageError, GRAPH_FORMATS, graphExportChunks, isGraphFormat } from '../../export/index.js';
import { UsageError } from '../errors.js';
import { loadOrFail } from '../load.js';
import type { RegisterOptions } from '../load.js';
import { addRegisterOptions } from '../options.js';
import { emit } from '../output.js';

interface GraphOptions extends RegisterOptions {
  format: string;
  focus?: string;
  depth?: number;
  output?: string;
}

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--depth must be a whole number of hops (0 or more), got '${value}'`);
  }
  return Number(value);
}

export function graphCommand(): Command {
  return addRegisterOptions(new Command('graph'))
    .description('export the attack graph (nodes clustered by zone) as Mermaid, Graphviz DOT, GraphML, node-link JSON '
      + "or BloodHound OpenGraph JSON")
    .addOption(new Option('--format <format>', 'output format').choices([...GRAPH_FORMATS]).default('mermaid'))
    .option('--focus <node>', 'export only the neighbourhood of this node id')
    .addOption(new Option('--depth <hops>', 'with --focus: how many hops around the node, following links both ways (default 1)')
      .argParser(nonNegativeInteger))
    .option('-o, --output <file>', 'write the export to a file (atomically) instead of stdout; `-` for stdout')
    .action(async (options: GraphOptions) => {
      if (options.depth !== undefined && options.focus === undefined) throw new UsageError('--depth needs --focus <node>');
      if (!isGraphFormat(options.format)) throw new UsageError(`unknown graph format '${options.format}'`);
      const { register } = await loadOrFail(options);
      const graph = buildAttackGraph(register);
      try {
        emit(graphExportChunks(options.format, register, graph, { focus: options.focus, depth: options.depth }), options.output, { register });
      } catch (e) {
        if (e instanceof ExportUsageError) throw new UsageError(`--focus: ${e.message}`);
        throw e;
      }
      process.exitCode = 0;
    });
}
