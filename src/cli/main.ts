// The full CLI program: every command, for `sidedoor --help`, unknown commands (with suggestions) and the docs
// tests. Running one known command goes through entry.ts instead, which loads only that command's modules.

import { Command } from 'commander';
import { TOOL_VERSION } from '../version.js';
import { validateCommand } from './commands/validate.js';
import { reportCommand } from './commands/report.js';
import { graphCommand } from './commands/graph.js';
import { scanCommand } from './commands/scan.js';
import { pathCommand } from './commands/path.js';
import { blastRadiusCommand } from './commands/blast-radius.js';
import { impactCommand } from './commands/impact.js';
import { rulesCommand } from './commands/rules.js';
import { baselineCommand } from './commands/baseline.js';
import { initCommand } from './commands/init.js';
import { addCommand } from './commands/add.js';
import { acceptCommand } from './commands/accept.js';
import { importCommand } from './commands/import.js';
import { exportCommand } from './commands/export.js';
import { PROGRAM_DESCRIPTION, runProgram } from './run-program.js';

export function buildProgram(): Command {
  const program = new Command('sidedoor')
    .description(PROGRAM_DESCRIPTION)
    .version(TOOL_VERSION)
    .showSuggestionAfterError(true);
  for (const command of commands()) program.addCommand(command);
  return program;
}

/** In the order of SPEC §4, which is also the order `sidedoor --help` lists them in. */
function commands(): Command[] {
  return [
    validateCommand(), scanCommand(), baselineCommand(), reportCommand(), pathCommand(), blastRadiusCommand(),
    impactCommand(), graphCommand(), rulesCommand(), initCommand(), addCommand(), acceptCommand(), importCommand(),
    exportCommand(),
  ];
}

export async function main(argv: string[]): Promise<number> {
  return runProgram(buildProgram(), argv);
}
