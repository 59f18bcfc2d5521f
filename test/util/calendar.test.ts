// Calendar arithmetic on YYYY-MM-DD strings across the whole range a register can write (years 0000–9999). A random
// run of the calendar-date property found 0000-02-29 refused: Date.UTC reads years 0–99 as 1900–1999.

import { describe, expect, it } from 'vitest';
import { addDays, calendarDateProblem, daysInMonth, isoDate } from '../../src/util/calendar.js';
import { addOneYear } from '../../src/authoring/dates.js';

describe('calendar', () => {
  it('knows the leap years of the proleptic Gregorian calendar, years 0–99 included', () => {
    expect([0, 4, 96, 400, 2000, 2024].map((y) => daysInMonth(y, 2))).toEqual([29, 29, 29, 29, 29, 29]);
    expect([1, 99, 100, 1900, 2026].map((y) => daysInMonth(y, 2))).toEqual([28, 28, 28, 28, 28]);
    expect(calendarDateProblem('0000-02-29')).toBeUndefined();
    expect(calendarDateProblem('0099-02-29')).toBe('0099-02-29 is not a calendar date (February 99 has 28 days)');
  });

  it('adds days and years without moving early years into the 1900s', () => {
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
    expect(addDays('0004-02-28', 1)).toBe('0004-02-29');
    expect(isoDate(12, 13, 1)).toBe('0013-01-01');
    expect(addOneYear('0096-02-29')).toBe('0097-02-28');
    expect(addOneYear('2026-12-06')).toBe('2027-12-06');
  });
});
