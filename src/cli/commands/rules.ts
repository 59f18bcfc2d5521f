// `sidedoor rules`: the rule catalogue, generated from the rules' metadata. Inside a register (found by walking up,
// or named with --register) it also shows the register's `rules:` overrides and its segmentation policy. Outside
// one it still works: the catalogue needs no register. A register found by walking up that does not validate is
// skipped with a note on stderr; one named with --register must validate (exit 2 otherwise, as everywhere).

import { Command, Option } from 'commander';
import { RULES } from '../../rules/index.js';
import { ruleCatalogue } from '../../explore/rule-catalogue.js';
import { rulesJson, rulesMarkdown, rulesTable } from '../../explore/rules-text.js';
import { jsonText } from '../../explore/json-text.js';
import { paint } from '../../explore/text-style.js';
import { findRegisterRoot, RegisterNotFoundError } from '../../register/discover.js';
import type { Register } from '../../register/types.js';
import { terminalText } from '../../report/terminal-text.js';
import { addRegisterOptions } from '../options.js';
import type { RegisterOptions } from '../load.js';
import { loadFromDisk, loadOrFail } from '../load.js';
import { emit } from '../output.js';
import { terminalWidth, useColor } from '../terminal.js';

interface RulesOptions extends RegisterOptions {
  format: 'table' | 'json' | 'markdown';
}

export function rulesCommand(): Command {
  return addRegisterOptions(new Command('rules'))
    .description('list every rule: id, default severity, what it checks, the ISO 27001:2022 / NIS2 controls it supports, and this register\'s overrides')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .action(async (options: RulesOptions) => {
      const register = options.register !== undefined ? (await loadOrFail(options)).register : await registerAround(options);
      const catalogue = ruleCatalogue(RULES.map((rule) => rule.meta), register);
      if (options.format === 'json') emit(jsonText(rulesJson(catalogue)));
      else if (options.format === 'markdown') emit(rulesMarkdown(catalogue));
      else emit(rulesTable(catalogue, paint(useColor()), terminalWidth()));
    });
}

/** The register the working directory sits in, if any, loaded quietly. */
async function registerAround(options: RegisterOptions): Promise<Register | undefined> {
  let root: string;
  try {
    root = findRegisterRoot(process.cwd());
  } catch (e) {
    if (e instanceof RegisterNotFoundError) return undefined;
    throw e;
  }
  try {
    const loaded = await loadFromDisk(root, options);
    if (loaded.register !== undefined) return loaded.register;
  } catch {
    // Unreadable or too large: the catalogue does not need it.
  }
  process.stderr.write(`sidedoor: note: the register at ${terminalText(root)} does not load, so its overrides are not shown (run \`sidedoor validate\`)\n`);
  return undefined;
}
