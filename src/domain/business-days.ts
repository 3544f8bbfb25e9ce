import { addDays, isoWeekday, type PlainDate } from './plain-date.js';

/**
 * Working-day rules. Until programs carry their own calendars (holidays, shutdowns, makeup days),
 * every program works Monday to Friday; the calendar module will implement this same interface.
 */
export interface WorkingDays {
  isWorkingDay(d: PlainDate): boolean;
}

export const mondayToFriday: WorkingDays = { isWorkingDay: (d) => isoWeekday(d) <= 5 };

/**
 * Working days after `from` up to and including `to`; when `to` is earlier, the negative of the
 * count from `to` to `from`, so counts add up along any path (a→b + b→c = a→c).
 */
export function businessDaysBetween(cal: WorkingDays, from: PlainDate, to: PlainDate): number {
  const [lo, hi, sign] = to < from ? [to, from, -1] : [from, to, 1];
  let count = 0;
  for (let d = lo; d !== hi; ) {
    d = addDays(d, 1);
    if (cal.isWorkingDay(d)) count += sign;
  }
  return count;
}

/** The date `n` working days after `d` (before it when n is negative). */
export function addBusinessDays(cal: WorkingDays, d: PlainDate, n: number): PlainDate {
  const step = n >= 0 ? 1 : -1;
  let left = Math.abs(n);
  let cur = d;
  while (left > 0) {
    cur = addDays(cur, step);
    if (cal.isWorkingDay(cur)) left--;
  }
  return cur;
}
