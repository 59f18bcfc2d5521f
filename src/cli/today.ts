// The date a run judges by. The core never reads the clock; the CLI decides: --today, else SOURCE_DATE_EPOCH (for
// reproducible builds), else the current UTC date.

import { isoDate } from './options.js';
import { UsageError } from './errors.js';

export function resolveToday(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (option !== undefined) return isoDate(option);
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got '${epoch}'`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return new Date().toISOString().slice(0, 10);
}
