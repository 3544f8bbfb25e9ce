import { epochDay, fromEpochDay } from './calendar/day-index.js';
import { addDays, isoWeekday, type PlainDate } from './plain-date.js';

/** Working-day rules: a program's business calendar (calendar/build-calendar.ts) or plain Monday to Friday. */
export interface WorkingDays {
  isWorkingDay(d: PlainDate): boolean;
}

/** A calendar that counts and offsets by itself, faster than stepping day by day. */
export interface CountingWorkingDays extends WorkingDays {
  /** Same rule as `addBusinessDays`. */
  add(d: PlainDate, n: number): PlainDate;
  /** Same rule as `businessDaysBetween`. */
  count(from: PlainDate, to: PlainDate): number;
}

const isCounting = (cal: WorkingDays): cal is CountingWorkingDays =>
  typeof (cal as Partial<CountingWorkingDays>).add === 'function' && typeof (cal as Partial<CountingWorkingDays>).count === 'function';

// Day number counted from Monday 1970-01-05, so weekday = mod(day, 7) with 0 = Monday.
const dayNumber = (d: PlainDate) => epochDay(d) - 4;
const fromDayNumber = (n: number) => fromEpochDay(n + 4);
// Weekdays from an arbitrary origin up to and including day t; counts are differences of it.
const weekdaysThrough = (t: number) => 5 * Math.floor(t / 7) + Math.min(t - 7 * Math.floor(t / 7) + 1, 5);
// The weekday whose running count is `rank` (the inverse of weekdaysThrough on weekdays).
const weekdayOfRank = (rank: number) => 7 * Math.floor((rank - 1) / 5) + (rank - 1 - 5 * Math.floor((rank - 1) / 5));

/** Every program works Monday to Friday unless it has its own calendar; counts and offsets in closed form. */
export const mondayToFriday: CountingWorkingDays = {
  isWorkingDay: (d) => isoWeekday(d) <= 5,

  count: (from, to) => {
    const c = weekdaysThrough(dayNumber(to)) - weekdaysThrough(dayNumber(from));
    return c === 0 ? 0 : c;
  },
  add: (d, n) => {
    if (n === 0) return d;
    const t = dayNumber(d);
    // n > 0: the n-th weekday after d; n < 0: the weekday with |n| weekdays from it up to d (exclusive).
    return fromDayNumber(weekdayOfRank(n > 0 ? weekdaysThrough(t) + n : weekdaysThrough(t - 1) + n + 1));
  },
};

/**
 * Working days after `from` up to and including `to`; when `to` is earlier, the negative of the
 * count from `to` to `from`, so counts add up along any path (a→b + b→c = a→c).
 */
export function businessDaysBetween(cal: WorkingDays, from: PlainDate, to: PlainDate): number {
  if (isCounting(cal)) return cal.count(from, to);
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
  if (isCounting(cal)) return cal.add(d, n);
  const step = n >= 0 ? 1 : -1;
  let left = Math.abs(n);
  let cur = d;
  while (left > 0) {
    cur = addDays(cur, step);
    if (cal.isWorkingDay(cur)) left--;
  }
  return cur;
}
