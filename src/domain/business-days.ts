import { addDays, isoWeekday, type PlainDate } from './plain-date.js';

/**
 * Working-day rules. Until programs carry their own calendars (holidays, shutdowns, makeup days),
 * every program works Monday to Friday; the calendar module will implement this same interface.
 */
export interface WorkingDays {
  isWorkingDay(d: PlainDate): boolean;
}

export const mondayToFriday: WorkingDays = { isWorkingDay: (d) => isoWeekday(d) <= 5 };

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function businessDaysBetween(cal: WorkingDays, from: PlainDate, to: PlainDate): number {
  if (from === to) return 0;
  const sign = to > from ? 1 : -1;
  let count = 0;
  for (let d = from; d !== to; ) {
    d = addDays(d, sign);
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
