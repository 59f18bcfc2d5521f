// The CLI's entry (bin/sidedoor.js): loads only what the command being run needs. Module loading was a third of a
// warm scan (every command, the interactive prompts and the analysis, even for `--version`), so a known command
// name loads that command's module alone, `--version` loads no command, and anything else (help, a typo that
// deserves a suggestion) loads the full program of main.ts.

import type { Command } from 'commander';
import { TOOL_VERSION } from '../version.js';

const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./commands/validate.js')).validateCommand(),
  scan: async () => (await import('./commands/scan.js')).scanCommand(),
  baseline: async () => (await import('./commands/baseline.js')).baselineCommand(),
  report: async () => (await import('./commands/report.js')).reportCommand(),
  path: async () => (await import('./commands/path.js')).pathCommand(),
  'blast-radius': async () => (await import('./commands/blast-radius.js')).blastRadiusCommand(),
  impact: async () => (await import('./commands/impact.js')).impactCommand(),
  graph: async () => (await import('./commands/graph.js')).graphCommand(),
  rules: async () => (await import('./commands/rules.js')).rulesCommand(),
  init: async () => (await import('./commands/init.js')).initCommand(),
  add: async () => (await import('./commands/add.js')).addCommand(),
  accept: async () => (await import('./commands/accept.js')).acceptCommand(),
  import: async () => (await import('./commands/import.js')).importCommand(),
  export: async () => (await import('./commands/export.js')).exportCommand(),
};

export async function run(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  const name = args[0];
  if (args.length === 1 && (name === '--version' || name === '-V')) {
    // What commander prints for it, without loading commander.
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  const load = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load === undefined) return (await import('./main.js')).main(argv);
  const [{ Command: Program }, { PROGRAM_DESCRIPTION, runProgram }, command] = await Promise.all([
    import('commander'), import('./run-program.js'), load(),
  ]);
  const program = new Program('sidedoor').description(PROGRAM_DESCRIPTION).version(TOOL_VERSION);
  program.addCommand(command);
  return runProgram(program, argv);
}
