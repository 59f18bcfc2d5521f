// `sidedoor blast-radius NODE`: everything a compromise of the node reaches, by zone, with the sensitive data and the
// records exposed, and the gateways that stop it. Exit 2 for an unknown node.

import { Command, Option } from 'commander';
import { buildAttackGraph } from '../../graph/attack-graph.js';
import { blastRadius } from '../../explore/blast-radius.js';
import { blastRadiusJson, blastRadiusText } from '../../explore/blast-radius-text.js';
import { jsonText } from '../../explore/json-text.js';
import { lookupNode } from '../../explore/lookup.js';
import { paint } from '../../explore/text-style.js';
import { addRegisterOptions } from '../options.js';
import type { RegisterOptions } from '../load.js';
import { loadOrFail } from '../load.js';
import { emit } from '../output.js';
import { useColor } from '../terminal.js';

interface BlastRadiusOptions extends RegisterOptions {
  format: 'text' | 'json';
}

export function blastRadiusCommand(): Command {
  return addRegisterOptions(new Command('blast-radius'))
    .description('show what a compromised node reaches: nodes by zone, sensitive data, records exposed, and the gateways that stop it')
    .argument('<node>', 'the compromised node (a system, a vendor, or internet)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (id: string, options: BlastRadiusOptions) => {
      const { register } = await loadOrFail(options);
      const graph = buildAttackGraph(register);
      const node = lookupNode(register, graph, id);
      const radius = blastRadius(register, graph, node);
      emit(options.format === 'json' ? jsonText(blastRadiusJson(radius)) : blastRadiusText(radius, paint(useColor())));
    });
}
