import type { PlainDate } from '../plain-date.js';

// Days before each month in a common year; reading digits by char code keeps a lookup allocation-free.
const monthStart = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export const daysInYear = (y: number): number => (isLeapYear(y) ? 366 : 365);

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** The year of a `YYYY-MM-DD` date. */
export const yearOf = (d: PlainDate): number => digit(d, 0) * 1000 + digit(d, 1) * 100 + digit(d, 2) * 10 + digit(d, 3);

/** Zero-based day of the year of a `YYYY-MM-DD` date in year `y`. */
export function dayOfYear(d: PlainDate, y: number): number {
  const m = digit(d, 5) * 10 + digit(d, 6);
  const day = digit(d, 8) * 10 + digit(d, 9);
  return (monthStart[m - 1] ?? 0) + (m > 2 && isLeapYear(y) ? 1 : 0) + day - 1;
}

/** Every date of year `y`, in order. */
export function datesOfYear(y: number): PlainDate[] {
  const first = Date.UTC(y, 0, 1);
  return Array.from({ length: daysInYear(y) }, (_, i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10) as PlainDate);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (Hinnant's days-from-civil, no Date allocation). */
export function epochDay(d: PlainDate): number {
  const m = digit(d, 5) * 10 + digit(d, 6);
  const y = yearOf(d) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + digit(d, 8) * 10 + digit(d, 9) - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The `YYYY-MM-DD` date `n` days after 1970-01-01 (inverse of epochDay, for four-digit years). */
export function fromEpochDay(n: number): PlainDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}` as PlainDate;
}
