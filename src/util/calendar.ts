// Calendar dates written `YYYY-MM-DD`: arithmetic in UTC, so that no time zone shifts a day (pure: "today" is passed
// in), and what is wrong with a date written by hand, said in one sentence. The register schema (every date field) and
// the command line (`--today`) share that sentence, so that both name the real problem: `2026-02-30` has the right
// shape, but the day does not exist, and saying "must be written YYYY-MM-DD" about it sends the reader looking for the
// wrong mistake.

export function addDays(date: string, days: number): string {
  const [year, month, day] = dateParts(date);
  return isoDate(year, month, day + days);
}

/** `YYYY-MM-DD` of a UTC day, overflowing days and months carried. Not Date.UTC: it reads years 0–99 as 1900–1999. */
export function isoDate(year: number, month: number, day: number): string {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.toISOString().slice(0, 10);
}

export function dateParts(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/** Undefined for a real calendar date written `YYYY-MM-DD`; otherwise why it is not one. */
export function calendarDateProblem(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return `must be a date written YYYY-MM-DD, got '${value}'`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `${value} is not a calendar date (there is no month ${match[2]})`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `${value} is not a calendar date (${MONTHS[month - 1]} ${year} has ${days} days)`;
  return undefined;
}

export function isCalendarDate(value: string): boolean {
  return calendarDateProblem(value) === undefined;
}

/** Gregorian, proleptic: year 0 and 2000 are leap years, 1900 is not. */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}
