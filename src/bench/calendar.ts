// Dates of the synthetic register, all relative to one fixed reference day so that the output never depends on the
// clock: contracts "expiring soon" or assessments "overdue" are so on 2026-12-06, whenever the generator runs.

export const REFERENCE_DATE = '2026-12-06';

const REFERENCE_MS = Date.UTC(2026, 11, 6);
const DAY_MS = 86_400_000;

/** The `YYYY-MM-DD` date `days` after the reference day (negative: before it). */
export function dateFromReference(days: number): string {
  return new Date(REFERENCE_MS + Math.round(days) * DAY_MS).toISOString().slice(0, 10);
}
