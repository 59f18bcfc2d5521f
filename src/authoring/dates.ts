// Calendar arithmetic for the authoring questions, in UTC so that no time zone shifts a day. Pure: "today" is passed in.

import { dateParts } from '../util/calendar.js';

export { addDays } from '../util/calendar.js';

/** The same day one calendar year later; 29 February becomes 28 February. */
export function addOneYear(date: string): string {
  const [year, month, day] = dateParts(date);
  const lastDay = new Date(Date.UTC(year + 1, month, 0)).getUTCDate();
  return new Date(Date.UTC(year + 1, month - 1, Math.min(day, lastDay))).toISOString().slice(0, 10);
}
