// Cell values → register values: text, booleans, numbers, dates and enumerations, as people type them in spreadsheets
// (`Oui`, `10 000`, `31/12/2026`, an Excel date or serial number, `Élevé`). Each conversion either gives the value or
// a message that the caller locates at the cell.

import { isCalendarDate } from '../util/calendar.js';
import type { CellValue } from './table.js';
import { compactLabel } from './normalize.js';

export type Converted<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Converted<T> => ({ ok: true, value });
const fail = (message: string): Converted<never> => ({ ok: false, message });

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection); the export prefixes such a
 * value, and a value that starts with `'`, with one `'`. A line feed is guarded too: a workbook's XML turns a carriage
 * return into one, and the import must still recognise the `'` it has to take off. */
export const INJECTION_PREFIXES = ['=', '+', '-', '@', '\t', '\r', '\n'];

/** The inert form of a text for a spreadsheet cell: `'=HYPERLINK(…)`. */
export function inertText(value: string): string {
  return value.length > 0 && (INJECTION_PREFIXES.includes(value[0]) || value[0] === "'") ? `'${value}` : value;
}

/** Undoes inertText: the `'` the export added, and only that one. */
export function fromInertText(value: string): string {
  return value.length > 1 && value[0] === "'" && (INJECTION_PREFIXES.includes(value[1]) || value[1] === "'") ? value.slice(1) : value;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A cell as text: numbers without exponent noise, dates as YYYY-MM-DD, surrounding spaces dropped. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return fromInertText(value.trim());
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

const TRUE_WORDS = ['true', 'yes', 'y', 'oui', 'o', 'vrai', 'x', '1', 'ok'];
const FALSE_WORDS = ['false', 'no', 'n', 'non', 'faux', '0', 'ko'];

/** `valueMap` holds the user's own words (mapping file), already compacted. */
export function toBoolean(value: CellValue, valueMap?: ReadonlyMap<string, unknown>): Converted<boolean> {
  if (typeof value === 'boolean') return ok(value);
  const key = compactLabel(cellText(value));
  const mapped = valueMap?.get(key);
  if (typeof mapped === 'boolean') return ok(mapped);
  if (TRUE_WORDS.includes(key)) return ok(true);
  if (FALSE_WORDS.includes(key)) return ok(false);
  return fail(`'${cellText(value)}' is not yes or no (oui/non, true/false, x, 1/0 are read too; map other words in the mapping file)`);
}

export function toNumber(value: CellValue, integer: boolean, min: number, max?: number): Converted<number> {
  let n: number;
  if (typeof value === 'number') n = value;
  else {
    // `10 000`, `10,000`, `10.000` as thousands, `1,5` as a decimal comma: only the forms that cannot be misread.
    const t = cellText(value).replace(/[\s\u00a0\u202f]/g, '');
    if (/^-?\d{1,3}(,\d{3})+$/.test(t)) n = Number(t.replace(/,/g, ''));
    else if (/^-?\d+,\d+$/.test(t)) n = Number(t.replace(',', '.'));
    else if (/^-?\d+(\.\d+)?$/.test(t)) n = Number(t);
    else return fail(`'${cellText(value)}' is not a number`);
  }
  if (!Number.isFinite(n)) return fail(`'${cellText(value)}' is not a number`);
  if (integer && !Number.isInteger(n)) return fail(`${n} is not a whole number`);
  if (n < min || (max !== undefined && n > max)) return fail(`${n} is out of range (${min} to ${max ?? 'any'})`);
  return ok(n);
}

export type DateFormat = 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'YYYY-MM-DD';

const DAY_MS = 86_400_000;

/** Excel's day numbers: day 1 is 1900-01-01 (counting Excel's phantom 1900-02-29, hence the epoch on 1899-12-30),
 * or 1904-01-02 in a workbook that uses the 1904 date system. */
export function excelSerialToIso(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return isoDay(new Date(epoch + Math.floor(serial) * DAY_MS));
}

export function toDate(value: CellValue, format: DateFormat, date1904: boolean): Converted<string> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail('this date cell holds no valid date');
    return ok(isoDay(value));
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 2_958_465) return fail(`${value} is not an Excel date`);
    return ok(excelSerialToIso(value, date1904));
  }
  const t = cellText(value);
  let iso: string | undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(t);
  if (m) iso = ymd(m[1], m[2], m[3]);
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t))) {
    iso = format === 'MM/DD/YYYY' ? ymd(m[3], m[1], m[2]) : ymd(m[3], m[2], m[1]);
  } else if (/^\d+$/.test(t)) return toDate(Number(t), format, date1904);
  if (iso === undefined) return fail(`'${t}' is not a date (write YYYY-MM-DD or ${format === 'MM/DD/YYYY' ? 'MM/DD/YYYY' : 'DD/MM/YYYY'}, or use a date cell)`);
  if (!isCalendarDate(iso)) return fail(`'${t}' is not a real date`);
  return ok(iso);
}

function ymd(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Compacted spelling → value, for each enumeration (built once: an import converts hundreds of thousands of cells). */
const enumLookups = new WeakMap<readonly string[], Map<string, string>>();

function enumLookup(values: readonly string[], synonyms: Record<string, readonly string[]> | undefined): Map<string, string> {
  let lookup = enumLookups.get(values);
  if (lookup === undefined) {
    lookup = new Map();
    for (const v of values) {
      for (const s of synonyms?.[v] ?? []) lookup.set(compactLabel(s), v);
      lookup.set(compactLabel(v), v);
    }
    enumLookups.set(values, lookup);
  }
  return lookup;
}

/** An enumeration: the user's mapping first, then the canonical values and their built-in synonyms. */
export function toEnum(
  value: CellValue, field: string, values: readonly string[], synonyms: Record<string, readonly string[]> | undefined,
  valueMap?: ReadonlyMap<string, unknown>,
): Converted<string> {
  const t = cellText(value);
  if (values.includes(t)) return ok(t);
  const key = compactLabel(t);
  const mapped = valueMap?.get(key);
  if (typeof mapped === 'string' && values.includes(mapped)) return ok(mapped);
  const found = enumLookup(values, synonyms).get(key);
  if (found !== undefined) return ok(found);
  return fail(`${field} '${t}' is not one of ${values.join(', ')} (map it in the mapping file)`);
}

/** Splits a list cell on any of the separators; empty items are dropped. */
export function splitList(text: string, separators: readonly string[]): string[] {
  let parts = [text];
  for (const sep of separators) parts = parts.flatMap((p) => p.split(sep));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}
