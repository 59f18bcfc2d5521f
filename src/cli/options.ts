// Options shared by several commands, declared once.

import { Option } from 'commander';
import type { Command } from 'commander';
import { UsageError } from './errors.js';
import { calendarDateProblem } from '../util/calendar.js';

export function positiveInteger(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${name} must be a positive whole number, got '${value}'`);
    return Number(value);
  };
}

export function addRegisterOptions(command: Command): Command {
  return command
    .option('--register <dir>', 'the register root (the directory holding sidedoor.yaml); default: walk up from the current directory')
    .addOption(new Option('--max-file-size <bytes>', 'refuse register files larger than this').argParser(positiveInteger('--max-file-size')))
    .addOption(new Option('--max-files <count>', 'refuse registers with more YAML files than this').argParser(positiveInteger('--max-files')))
    .addOption(new Option('--max-diagnostics <count>', 'print at most this many diagnostics').argParser(positiveInteger('--max-diagnostics')))
    .option('--cache-dir <dir>', 'where to keep the parse cache, outside any git working tree (default: $XDG_CACHE_HOME/sidedoor, else ~/.cache/sidedoor)')
    .option('--no-cache', 'parse every file afresh and write no cache');
}

/** A `YYYY-MM-DD` option value that names a real day; the message says what is wrong with any other (SPEC §4). */
export function isoDate(value: string, option = '--today'): string {
  const problem = calendarDateProblem(value);
  if (problem === undefined) return value;
  throw new UsageError(problem.startsWith('must ') ? `${option} ${problem}` : `${option}: ${problem}`);
}
