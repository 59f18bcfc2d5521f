// `sidedoor impact NODE`: what stops running if the node (a system or a vendor) is out, with the criticality of each
// system and the any_of groups that saved a service. Exit 2 for an unknown node.

import { Command, Option } from 'commander';
import { analyzeAvailability } from '../../graph/availability.js';
import { impactReport } from '../../explore/impact-report.js';
import { impactJson, impactText } from '../../explore/impact-text.js';
import { jsonText } from '../../explore/json-text.js';
import { lookupNode } from '../../explore/lookup.js';
import { paint } from '../../explore/text-style.js';
import { addRegisterOptions } from '../options.js';
import type { RegisterOptions } from '../load.js';
import { loadOrFail } from '../load.js';
import { emit } from '../output.js';
import { useColor } from '../terminal.js';

interface ImpactOptions extends RegisterOptions {
  format: 'text' | 'json';
}

export function impactCommand(): Command {
  return addRegisterOptions(new Command('impact'))
    .description('show what goes down if a node (system or vendor) is out, with each system\'s criticality and the any_of groups that saved a service')
    .argument('<node>', 'the failed node (a system or a vendor)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (id: string, options: ImpactOptions) => {
      const { register } = await loadOrFail(options);
      const model = analyzeAvailability(register);
      const node = lookupNode(register, model, id);
      const report = impactReport(register, model, node);
      emit(options.format === 'json' ? jsonText(impactJson(report)) : impactText(report, paint(useColor())));
    });
}
