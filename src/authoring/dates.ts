// Calendar arithmetic for the authoring questions, in UTC so that no time zone shifts a day. Pure: "today" is passed in.

import { dateParts, daysInMonth, isoDate } from '../util/calendar.js';

export { addDays } from '../util/calendar.js';

/** The same day one calendar year later; 29 February becomes 28 February. */
export function addOneYear(date: string): string {
  const [year, month, day] = dateParts(date);
  return isoDate(year + 1, month, Math.min(day, daysInMonth(year + 1, month)));
}
