// Running a commander program and mapping every failure to an exit code, shared by the full program (main.ts) and
// the lazy entry (entry.ts), which loads only the command being run.
// 0 nothing failed · 1 an open finding at or above --fail-on · 2 usage error, invalid register or unreadable git ref.
// No stack trace reaches the user unless SIDEDOOR_DEBUG=1.

import { CommanderError } from 'commander';
import type { Command } from 'commander';
import { InvalidRegisterError, UsageError } from './errors.js';
import { terminalBlock, terminalText } from '../report/terminal-text.js';
import { clearProgressLine } from './progress.js';
import { UnknownNameError } from '../explore/lookup.js';

export const PROGRAM_DESCRIPTION = 'Third-party vendor risk register as YAML in git: unsegmented paths, single points of failure, risky links, register hygiene.';

/** Commander reports its own usage errors through exitOverride; ours are exceptions. Its messages quote the
 * arguments as typed (which a script may have taken from a register), so they go through the sanitiser too. */
function configureExits(command: Command): void {
  command.exitOverride();
  command.configureOutput({ outputError: (text, write) => write(terminalBlock(text)) });
  for (const sub of command.commands) configureExits(sub);
}

export async function runProgram(program: Command, argv: string[]): Promise<number> {
  // A reader that goes away early (`sidedoor scan | head`) is not an error: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw e;
  });
  configureExits(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    return exitCodeFor(e);
  }
}

function exitCodeFor(e: unknown): number {
  clearProgressLine();
  if (e instanceof CommanderError) {
    // An explicit --help or --version succeeds; help shown because no command was given is a usage error.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
    return 2;
  }
  // For developers, every failure shows where it came from; the message may quote register text, hence terminalBlock.
  if (process.env.SIDEDOOR_DEBUG === '1' && e instanceof Error) process.stderr.write(`${terminalBlock(e.stack ?? e.message)}\n`);
  if (e instanceof InvalidRegisterError) return 2;
  // An unknown node or zone named on the command line (path, blast-radius, impact) is the user's typo.
  if (e instanceof UsageError || e instanceof UnknownNameError) {
    process.stderr.write(`sidedoor: ${terminalText(e.message)}\n`);
    return 2;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`sidedoor: internal error: ${terminalText(message)}${process.env.SIDEDOOR_DEBUG === '1' ? '' : ' (set SIDEDOOR_DEBUG=1 for details)'}\n`);
  return 2;
}
