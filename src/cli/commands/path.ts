// `sidedoor path FROM TO`: the shortest path from a node to a node or to a zone (`zone:ID`), with each hop's zone and
// trust, the gateways on it, the crossings into higher-trust zones, and the policy rules it breaks. Exit 0 whether
// or not a path exists ("no path" is an answer, not a failure); exit 2 for an unknown node or zone.

import { Command, Option } from 'commander';
import { buildAttackGraph } from '../../graph/attack-graph.js';
import { explainPath } from '../../explore/path-explanation.js';
import { pathJson, pathText } from '../../explore/path-text.js';
import { jsonText } from '../../explore/json-text.js';
import { paint } from '../../explore/text-style.js';
import { addRegisterOptions } from '../options.js';
import type { RegisterOptions } from '../load.js';
import { loadOrFail } from '../load.js';
import { emit } from '../output.js';
import { useColor } from '../terminal.js';
import { lookupNode, parseTarget } from '../../explore/lookup.js';

interface PathOptions extends RegisterOptions {
  format: 'text' | 'json';
}

export function pathCommand(): Command {
  return addRegisterOptions(new Command('path'))
    .description('show the shortest path from a node to a node or a zone (zone:ID), its gateways and crossings, and which policy rules forbid it')
    .argument('<from>', 'the start node (a system, a vendor, or internet)')
    .argument('<to>', 'the end node, or zone:ID for any node of that zone')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (from: string, to: string, options: PathOptions) => {
      const { register } = await loadOrFail(options);
      const graph = buildAttackGraph(register);
      const start = lookupNode(register, graph, from);
      const target = parseTarget(register, graph, to);
      const explanation = explainPath(register, graph, start, target);
      emit(options.format === 'json' ? jsonText(pathJson(explanation)) : pathText(explanation, paint(useColor())));
    });
}
