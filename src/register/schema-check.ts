// A cheap yes-or-don't-know check compiled from a zod schema, for the fast read path: it validates tens of
// thousands of well-formed entities, and zod spends most of its time there building result objects and issue lists
// that are then thrown away. The check answers true only when zod would accept the value; false means "ask zod",
// which stays the only judge of a failure and the only source of its wording.
//
// It is compiled from the schema's own definition, so it cannot drift from it: each kind of schema and check it
// knows (strict and plain objects, strings, numbers, booleans, enums, literals, optionals, arrays, unions; regex,
// length, integer and range checks, custom checks run as zod runs them) is mirrored from zod's parse code, and
// anything else (a transform, a kind not listed here) is handed to zod for that part alone.

import type { z } from 'zod';

/** True only when `schema.safeParse(value)` would succeed; false when it fails or the answer needs zod. */
export type QuickCheck = (value: unknown) => boolean;

interface Def {
  type: string;
  checks?: Check[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  coerce?: boolean;
}

interface Check {
  _zod: { def: CheckDef; check?: (payload: { value: unknown; issues: unknown[] }) => unknown };
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const optinOf = (schema: z.ZodType): unknown => (schema as unknown as { _zod: { optin?: unknown } })._zod.optin;

/** Compiles `schema` (iteratively over its definition: schemas are ours, but nothing here recurses on data). */
export function compileQuickCheck(schema: z.ZodType): QuickCheck {
  const compiled = new Map<z.ZodType, QuickCheck>();
  // Post-order: a schema is compiled once all its children are (a parent's check holds its children's).
  const stack: { schema: z.ZodType; expanded: boolean }[] = [{ schema, expanded: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (compiled.has(top.schema)) {
      stack.pop();
    } else if (top.expanded) {
      stack.pop();
      compiled.set(top.schema, compileOne(top.schema, compiled));
    } else {
      top.expanded = true;
      for (const child of childrenOf(defOf(top.schema))) if (!compiled.has(child)) stack.push({ schema: child, expanded: false });
    }
  }
  return compiled.get(schema) as QuickCheck;
}

function childrenOf(def: Def): z.ZodType[] {
  if (def.type === 'object') return [...Object.values(def.shape ?? {}), ...(def.catchall ? [def.catchall] : [])];
  if (def.type === 'optional' && def.innerType) return [def.innerType];
  if (def.type === 'array' && def.element) return [def.element];
  if (def.type === 'union') return def.options ?? [];
  return [];
}

/** Asks zod itself, for the parts the check does not mirror. */
const byZod = (schema: z.ZodType): QuickCheck => (value) => schema.safeParse(value).success;

function compileOne(schema: z.ZodType, compiled: Map<z.ZodType, QuickCheck>): QuickCheck {
  const def = defOf(schema);
  if (def.coerce) return byZod(schema);
  const checks = def.checks ?? [];
  const valueChecks = checks.map(compileValueCheck);
  if (valueChecks.some((check) => check === undefined)) return byZod(schema);
  const passesChecks = (value: unknown) => {
    for (const check of valueChecks) if (!(check as QuickCheck)(value)) return false;
    return true;
  };
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string' && passesChecks(value);
    case 'number':
      // zod's number refuses NaN and the infinities.
      return (value) => typeof value === 'number' && Number.isFinite(value) && passesChecks(value);
    case 'boolean':
      return checks.length === 0 ? (value) => typeof value === 'boolean' : byZod(schema);
    case 'enum': {
      if (checks.length > 0 || def.entries === undefined) return byZod(schema);
      // String values only: zod's enum of a numeric TypeScript enum drops reverse mappings, which this does not mirror.
      const values = Object.values(def.entries);
      if (!values.every((v) => typeof v === 'string')) return byZod(schema);
      const allowed = new Set<unknown>(values);
      return (value) => allowed.has(value);
    }
    case 'literal': {
      if (checks.length > 0 || def.values === undefined) return byZod(schema);
      const allowed = new Set(def.values);
      return (value) => allowed.has(value);
    }
    case 'optional': {
      // An inner schema with a default is run on an absent value too; zod judges those.
      if (checks.length > 0 || def.innerType === undefined || optinOf(def.innerType) === 'defaulted') return byZod(schema);
      const inner = compiled.get(def.innerType) as QuickCheck;
      return (value) => value === undefined || inner(value);
    }
    case 'array': {
      if (def.element === undefined) return byZod(schema);
      const element = compiled.get(def.element) as QuickCheck;
      return (value) => {
        if (!Array.isArray(value) || !passesChecks(value)) return false;
        for (let i = 0; i < value.length; i++) if (!element(value[i])) return false;
        return true;
      };
    }
    case 'union': {
      if (checks.length > 0 || def.options === undefined) return byZod(schema);
      const options = def.options.map((option) => compiled.get(option) as QuickCheck);
      return (value) => options.some((option) => option(value));
    }
    case 'object':
      return checks.length > 0 ? byZod(schema) : compileObject(schema, def, compiled);
    default:
      return byZod(schema);
  }
}

/** An object: every field present passes, every field absent may be absent, and (for a strict object) no other key
 * is present. It walks the value's keys rather than the schema's (entities fill few of their optional fields);
 * zod lists keys the same way (`for…in`). */
function compileObject(schema: z.ZodType, def: Def, compiled: Map<z.ZodType, QuickCheck>): QuickCheck {
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  if (keys.includes('__proto__')) return byZod(schema);
  const catchall = def.catchall === undefined ? undefined : defOf(def.catchall).type;
  // No catchall strips unknown keys (accepted); `never` refuses them (strict); any other catchall is zod's to judge.
  if (catchall !== undefined && catchall !== 'never') return byZod(schema);
  const strict = catchall === 'never';
  const fields = new Map(keys.map((key) => [key, compiled.get(shape[key]) as QuickCheck]));
  // Zod checks an absent field as `undefined`: the fields that refuse it are the required ones.
  const required = new Set(keys.filter((key) => !(fields.get(key) as QuickCheck)(undefined)));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    let requiredSeen = 0;
    for (const key in record) {
      const field = fields.get(key);
      if (field === undefined) {
        if (strict) return false;
        continue;
      }
      if (!field(record[key])) return false;
      if (required.has(key)) requiredSeen++;
    }
    return requiredSeen === required.size;
  };
}

/** One of a string's, number's or array's checks, or undefined when zod must run it. */
function compileValueCheck({ _zod: { def: check, check: run } }: Check): QuickCheck | undefined {
  switch (check.check) {
    case 'custom':
      // A `.check()` or `.refine()` function (dateSchema's calendar): run as zod runs it, on a payload of its own. It
      // passes when it reports nothing, synchronously, and leaves the value alone.
      if (typeof run !== 'function') return undefined;
      return (value) => {
        const payload = { value, issues: [] as unknown[] };
        const result = run(payload);
        if (result instanceof Promise) {
          result.catch(() => undefined); // zod judges it (and refuses an asynchronous check in safeParse)
          return false;
        }
        return payload.issues.length === 0 && payload.value === value;
      };
    case 'string_format': {
      const pattern = check.pattern;
      // Only plain regex checks; flags with state (g, y) would make test() depend on the previous call.
      if (check.format !== 'regex' || !(pattern instanceof RegExp) || pattern.global || pattern.sticky) return undefined;
      return (value) => pattern.test(value as string);
    }
    case 'min_length': {
      const minimum = check.minimum as number;
      return (value) => (value as { length: number }).length >= minimum;
    }
    case 'max_length': {
      const maximum = check.maximum as number;
      return (value) => (value as { length: number }).length <= maximum;
    }
    case 'number_format':
      return check.format === 'safeint' ? (value) => Number.isSafeInteger(value) : undefined;
    case 'greater_than': {
      const bound = check.value as number;
      return check.inclusive ? (value) => (value as number) >= bound : (value) => (value as number) > bound;
    }
    case 'less_than': {
      const bound = check.value as number;
      return check.inclusive ? (value) => (value as number) <= bound : (value) => (value as number) < bound;
    }
    default:
      return undefined;
  }
}
