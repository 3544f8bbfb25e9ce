import type { PlainDate } from './plain-date.js';
import { ok, type Result, refuse } from './result.js';

/**
 * The dates Tollgate accepts anywhere (API, CLI, imports, web forms): a window that holds every real
 * plan with decades to spare, and keeps business-day arithmetic over calendars bounded.
 */
export const dateRange = { min: '2000-01-01' as PlainDate, max: '2099-12-31' as PlainDate, minYear: 2000, maxYear: 2099 } as const;

/** Years whose calendars the arithmetic may touch: the range plus room for the longest lag (±365 business days). */
export const calendarYears = { from: 1998, to: 2102 } as const;

export const dateRangeMessage = `Must lie between ${dateRange.min} and ${dateRange.max}.`;

/** A date is accepted when it lies within the documented range. */
export const isInDateRange = (d: string): boolean => d >= dateRange.min && d <= dateRange.max;

/** Refuses a computed date (a push, a shifted copy) that would leave the range, naming the field. */
export function checkInDateRange(d: PlainDate, path: string, what: string): Result<PlainDate> {
  return isInDateRange(d)
    ? ok(d)
    : refuse('DATE_OUT_OF_RANGE', `${what} would fall on ${d}. ${dateRangeMessage}`, [{ path, message: dateRangeMessage }]);
}

export const yearRangeMessage = `Must be a year from ${dateRange.minYear} to ${dateRange.maxYear}.`;

/** A whole year is accepted when it lies within the range. */
export const isYearInRange = (y: number): boolean => Number.isInteger(y) && y >= dateRange.minYear && y <= dateRange.maxYear;
