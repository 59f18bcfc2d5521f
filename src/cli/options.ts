// Options shared by several commands, declared once.

import { Option } from 'commander';
import type { Command } from 'commander';
import { UsageError } from './errors.js';

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

export function isoDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--today must be a date written YYYY-MM-DD, got '${value}'`);
  }
  return value;
}
