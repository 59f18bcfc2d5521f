// Question shapes the entity flows share: required and optional text, optional choices with a "leave out" entry,
// lists built one entry at a time, and references picked from the register (searchable when the list is long).
// An optional answer left empty leaves the field out of the YAML, so the register's defaults apply.

import type { z } from 'zod';
import { integerCheck, numberCheck, optionalAnswer, textCheck } from './answer-checks.js';
import type { Choice, Prompter, Validator } from './prompter.js';
import { chooseOne } from './prompter.js';

/** The choice value meaning "leave the field out"; never a valid value of any field. */
export const LEAVE_OUT = '';
/** The choice value that ends a list being built; never a valid id. */
export const DONE = '(done)';

export async function askRequiredText(prompter: Prompter, name: string, message: string, extra?: Validator): Promise<string> {
  const validate: Validator = (value) => (value.trim() === '' ? 'an answer is required' : extra ? extra(value) : true);
  return (await prompter.input({ name, message, validate })).trim();
}

export async function askOptionalText(prompter: Prompter, name: string, message: string, schema?: z.ZodType): Promise<string | undefined> {
  const answer = await prompter.input({ name, message: `${message} (optional)`, validate: schema ? textCheck(schema, true) : undefined });
  return optionalAnswer(answer);
}

export async function askOptionalInteger(prompter: Prompter, name: string, message: string, schema: z.ZodType): Promise<number | undefined> {
  const answer = optionalAnswer(await prompter.input({ name, message: `${message} (optional)`, validate: integerCheck(schema, true) }));
  return answer === undefined ? undefined : Number(answer);
}

export async function askOptionalNumber(prompter: Prompter, name: string, message: string, schema: z.ZodType): Promise<number | undefined> {
  const answer = optionalAnswer(await prompter.input({ name, message: `${message} (optional)`, validate: numberCheck(schema, true) }));
  return answer === undefined ? undefined : Number(answer);
}

/** One of `values`, or left out (the first entry, and the default). `leaveOutLabel` says what leaving out means. */
export async function askOptionalChoice<T extends string>(
  prompter: Prompter, name: string, message: string, values: readonly T[], leaveOutLabel = '(leave out)',
  describe?: (value: T) => string,
): Promise<T | undefined> {
  const choices: Choice<string>[] = [
    { value: LEAVE_OUT, name: leaveOutLabel },
    ...values.map((value) => ({ value, name: describe ? `${value}  ${describe(value)}` : value })),
  ];
  const answer = await chooseOne(prompter, { name, message, choices, default: LEAVE_OUT });
  return answer === LEAVE_OUT ? undefined : (answer as T);
}

/** yes / no / left out, for booleans whose absence means something ("not recorded"). */
export async function askOptionalBoolean(prompter: Prompter, name: string, message: string, leaveOutLabel = '(leave out)'): Promise<boolean | undefined> {
  const answer = await askOptionalChoice(prompter, name, message, ['yes', 'no'] as const, leaveOutLabel);
  return answer === undefined ? undefined : answer === 'yes';
}

/**
 * Builds a list one entry at a time: before each entry, a confirmation named `<name>.<index>.add`; entry questions
 * are named `<name>.<index>.<field>` by `askOne`.
 */
export async function askList<T>(
  prompter: Prompter, name: string, what: string, askOne: (prefix: string) => Promise<T>,
): Promise<T[]> {
  const entries: T[] = [];
  for (let i = 0; ; i++) {
    const more = await prompter.confirm({ name: `${name}.${i}.add`, message: i === 0 ? `Add ${what}?` : `Add another ${what.replace(/^(a|an) /, '')}?`, default: false });
    if (!more) return entries;
    entries.push(await askOne(`${name}.${i}`));
  }
}

/** Picks ids one at a time from `choices` (each at most once), until "done". Questions are named `<name>.<index>`. */
export async function pickMany(prompter: Prompter, name: string, message: string, choices: Choice<string>[]): Promise<string[]> {
  const picked: string[] = [];
  const remaining = [...choices];
  while (remaining.length > 0) {
    const answer = await chooseOne(prompter, {
      name: `${name}.${picked.length}`,
      message: picked.length === 0 ? message : `${message} (${picked.join(', ')} so far)`,
      choices: [{ value: DONE, name: picked.length === 0 ? '(none)' : '(done)' }, ...remaining],
      default: DONE,
    });
    if (answer === DONE) break;
    picked.push(answer);
    remaining.splice(remaining.findIndex((c) => c.value === answer), 1);
  }
  return picked;
}

/** Comma-separated free text → trimmed, non-empty entries. */
export function splitList(answer: string): string[] {
  return answer.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

/** Builds an entity in field order, leaving out absent values and empty lists and mappings. */
export function entity(fields: [string, unknown][]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [field, value] of fields) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    result[field] = value;
  }
  return result;
}
