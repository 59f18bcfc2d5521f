// Answer validators built from the register's own zod schemas, so a prompt accepts exactly what `validate` accepts
// (id pattern, real calendar dates, integer ranges), plus the checks only the whole register can make: uniqueness.

import type { z } from 'zod';
import { dateSchema, idSchema } from '../register/schema.js';
import type { Validator } from './prompter.js';

/** The first issue of a failed parse, as the one line a prompt shows. */
export function issueMessage(result: { success: boolean; error?: z.ZodError }): string {
  const issue = result.error?.issues[0];
  return issue?.message ?? 'is not valid';
}

/** A text answer checked by a string schema. `optional` accepts an empty answer. */
export function textCheck(schema: z.ZodType, optional: boolean): Validator {
  return (raw) => {
    const value = raw.trim();
    if (value === '') return optional ? true : 'an answer is required';
    const checked = schema.safeParse(value);
    return checked.success ? true : issueMessage(checked);
  };
}

/** A whole number checked by a number schema (ranges come from the schema). */
export function integerCheck(schema: z.ZodType, optional: boolean): Validator {
  return (raw) => {
    const value = raw.trim();
    if (value === '') return optional ? true : 'an answer is required';
    if (!/^-?\d+$/.test(value)) return 'must be a whole number';
    const checked = schema.safeParse(Number(value));
    return checked.success ? true : issueMessage(checked);
  };
}

/** A number (fractions allowed) checked by a number schema. */
export function numberCheck(schema: z.ZodType, optional: boolean): Validator {
  return (raw) => {
    const value = raw.trim();
    if (value === '') return optional ? true : 'an answer is required';
    if (!/^-?\d+(?:\.\d+)?$/.test(value)) return 'must be a number';
    const checked = schema.safeParse(Number(value));
    return checked.success ? true : issueMessage(checked);
  };
}

export function dateCheck(optional: boolean): Validator {
  return textCheck(dateSchema, optional);
}

/** A new id: the id pattern, then not already taken in its namespace. `takenBy` says where an id is defined. */
export function newIdCheck(takenBy: (id: string) => string | undefined, what: string): Validator {
  return (raw) => {
    const value = raw.trim();
    if (value === '') return 'an id is required';
    const checked = idSchema.safeParse(value);
    if (!checked.success) return issueMessage(checked);
    const where = takenBy(value);
    return where === undefined ? true : `${what} '${value}' already exists (${where}); choose another id`;
  };
}

/** An empty answer means "leave the field out". */
export function optionalAnswer(raw: string): string | undefined {
  const value = raw.trim();
  return value === '' ? undefined : value;
}
