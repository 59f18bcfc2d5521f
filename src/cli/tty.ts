// Interactive commands need a terminal (SPEC §4): without one they exit 2, say so, name the alternative, and touch
// no file. Ctrl-C during a prompt (inquirer's ExitPromptError, also raised when the input closes) writes nothing and
// exits 130, the shell's convention for "interrupted by SIGINT".

import { fileURLToPath } from 'node:url';
import { terminalBlock } from '../report/terminal-text.js';

export const INTERRUPTED_EXIT_CODE = 130;
const USAGE_EXIT_CODE = 2;

/** Where the editor schema sits in this installation (dist/cli/ → ../../schemas/). */
export const REGISTER_FILE_SCHEMA = fileURLToPath(new URL('../../schemas/register-file.schema.json', import.meta.url));

export function hasTerminal(stdin: { isTTY?: boolean } = process.stdin, stdout: { isTTY?: boolean } = process.stdout): boolean {
  return stdin.isTTY === true && stdout.isTTY === true;
}

export function noTerminalMessage(command: string, alternative?: string): string {
  return [
    `\`sidedoor ${command}\` is interactive and needs a terminal (stdin and stdout must be a TTY); nothing was changed.`,
    ...(alternative ? [alternative] : []),
    'Otherwise, write the register\'s YAML by hand: docs/register-format.md describes every field, and the JSON Schema',
    `${REGISTER_FILE_SCHEMA} gives completion and checks in editors`,
    '(first line of a file: `# yaml-language-server: $schema=<that path>`). Then run `sidedoor validate`.',
  ].join('\n');
}

/**
 * Without a terminal: prints why and what to do instead, sets exit code 2, and returns true (the command stops).
 * Not a UsageError, whose message is one line: this one spans several.
 */
export function refuseWithoutTerminal(command: string, alternative?: string): boolean {
  if (hasTerminal()) return false;
  process.stderr.write(`sidedoor: ${terminalBlock(noTerminalMessage(command, alternative))}\n`);
  process.exitCode = USAGE_EXIT_CODE;
  return true;
}

export function isPromptInterrupted(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** Runs the questions; on Ctrl-C reports it, sets exit code 130, and returns undefined so nothing gets written. */
export async function askOrInterrupt<T>(questions: () => Promise<T>): Promise<{ answered: true; value: T } | { answered: false }> {
  try {
    return { answered: true, value: await questions() };
  } catch (e) {
    if (!isPromptInterrupted(e)) throw e;
    process.stderr.write('sidedoor: interrupted; nothing was written\n');
    process.exitCode = INTERRUPTED_EXIT_CODE;
    return { answered: false };
  }
}
