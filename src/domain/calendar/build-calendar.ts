import { DateTime } from 'luxon';
import type { CountingWorkingDays } from '../business-days.js';
import { calendarYears } from '../date-range.js';
import { isoWeekday, isTimeZone, type PlainDate } from '../plain-date.js';
import type { CalendarSpec, DayInfo, YearView } from './calendar-spec.js';
import { dayOfYear, yearOf } from './day-index.js';
import { dayRules, decideDay } from './day-rules.js';
import { buildYearTable, type YearTable } from './year-table.js';

/** A program's business calendar: which days are worked, and business-day arithmetic over them. */
export interface BusinessCalendar extends CountingWorkingDays {
  isWorkingDay(d: PlainDate): boolean;
  dayInfo(d: PlainDate): DayInfo;
  yearView(year: number): YearView;
  /** The date n working days after d (before it when n < 0); d itself when n = 0. */
  add(d: PlainDate, n: number): PlainDate;
  /** Working days after `from` up to and including `to`; negative when `to` is earlier. */
  count(from: PlainDate, to: PlainDate): number;
  /** The first working day after d. */
  nextBusinessDay(d: PlainDate): PlainDate;
  /** The UTC instant (ISO-8601) at which business day d ends in the calendar's time zone. */
  endOfBusinessDay(d: PlainDate): string;
  /** Whether any date from `from` to `to` (inclusive, either order) is provisional. */
  provisionalBetween(from: PlainDate, to: PlainDate): boolean;
}

export interface YearRange {
  readonly from: number;
  readonly to: number;
}

export function buildCalendar(spec: CalendarSpec, years: YearRange): BusinessCalendar {
  const key = JSON.stringify([spec, years.from, years.to]);
  let cal = built.get(key);
  if (!cal) {
    cal = makeCalendar(spec, years);
    if (built.size >= MEMO_SIZE) built.delete(built.keys().next().value as string);
    built.set(key, cal);
  }
  return cal;
}
// Propagation rebuilds the same few programs' calendars over and over; specs are plain data, so equal JSON means equal calendars.
const built = new Map<string, BusinessCalendar>();
const MEMO_SIZE = 64;

function makeCalendar(spec: CalendarSpec, years: YearRange): BusinessCalendar {
  if (!isTimeZone(spec.timeZone)) throw new Error(`unknown time zone: ${spec.timeZone}`);
  if (!Number.isInteger(spec.endOfDayHour) || spec.endOfDayHour < 0 || spec.endOfDayHour > 24) {
    throw new Error(`end-of-day hour must be a whole hour 0–24: ${spec.endOfDayHour}`);
  }
  const rules = dayRules(spec);
  const span = calendarYears.to - calendarYears.from + 1;
  const tables: (YearTable | undefined)[] = new Array(span);
  const table = (y: number): YearTable => {
    const i = y - calendarYears.from;
    let t = tables[i];
    if (!t) {
      // Dates are validated to the accepted range, so a year beyond the arithmetic's room is a bug.
      if (i < 0 || i >= span) throw new Error(`year out of range: ${y}`);
      t = buildYearTable(spec, rules, y);
      tables[i] = t;
    }
    return t;
  };
  for (let y = years.from; y <= years.to; y++) table(y);

  // cum[y - from]: working days from 1 January of `anchor` to 1 January of y (negative before it),
  // known for the contiguous years lo … hi + 1 built so far; counts and offsets are then O(1) / O(log).
  const cum = new Float64Array(span + 1);
  // prov[y - from]: provisional years from `anchor` up to y (exclusive), kept alongside cum.
  const prov = new Float64Array(span + 1);
  const anchor = Math.min(Math.max(years.from, calendarYears.from), calendarYears.to);
  let [lo, hi] = [anchor, anchor - 1];
  const cover = (y: number): void => {
    while (hi < y) {
      hi++;
      const t = table(hi);
      cum[hi + 1 - calendarYears.from] = (cum[hi - calendarYears.from] as number) + t.total;
      prov[hi + 1 - calendarYears.from] = (prov[hi - calendarYears.from] as number) + (t.provisional ? 1 : 0);
    }
    while (lo > y) {
      lo--;
      const t = table(lo);
      cum[lo - calendarYears.from] = (cum[lo + 1 - calendarYears.from] as number) - t.total;
      prov[lo - calendarYears.from] = (prov[lo + 1 - calendarYears.from] as number) - (t.provisional ? 1 : 0);
    }
  };
  // Working days from 1 January of `anchor` up to and including day d.
  const rank = (d: PlainDate): number => {
    const y = yearOf(d);
    cover(y);
    return (cum[y - calendarYears.from] as number) + (table(y).before[dayOfYear(d, y) + 1] as number);
  };

  const count = (from: PlainDate, to: PlainDate): number => {
    const c = rank(to) - rank(from);
    return c === 0 ? 0 : c;
  };

  const add = (d: PlainDate, n: number): PlainDate => {
    if (n === 0) return d;
    const y0 = yearOf(d);
    cover(y0);
    const t0 = table(y0);
    const i = dayOfYear(d, y0);
    const base = cum[y0 - calendarYears.from] as number;
    // k: the target's zero-based rank among all working days counted from the anchor.
    const k = base + (n > 0 ? (t0.before[i + 1] as number) + n - 1 : (t0.before[i] as number) + n);
    // Extend the covered years until they hold rank k (each year is built once per calendar).
    while (k >= (cum[hi + 1 - calendarYears.from] as number)) cover(hi + 1);
    while (k < (cum[lo - calendarYears.from] as number)) cover(lo - 1);
    // Binary search: the last year y in lo … hi whose cumulative start is ≤ k.
    let [a, b] = [lo, hi];
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if ((cum[mid - calendarYears.from] as number) <= k) a = mid;
      else b = mid - 1;
    }
    const t = table(a);
    return t.dates[t.select[k - (cum[a - calendarYears.from] as number)] as number] as PlainDate;
  };

  const dayInfo = (d: PlainDate): DayInfo => {
    const t = table(yearOf(d));
    return { date: d, ...decideDay(rules, t.countries, d, isoWeekday(d)), provisional: t.provisional };
  };

  return {
    isWorkingDay: (d) => {
      const y = yearOf(d);
      return table(y).working[dayOfYear(d, y)] === 1;
    },
    dayInfo,
    yearView: (year) => {
      const t = table(year);
      return {
        year,
        workingDays: t.total,
        provisionalCountries: t.countries.filter((c) => c.provisional).map((c) => c.country),
        days: t.dates.map(dayInfo),
      };
    },
    add,
    count,
    nextBusinessDay: (d) => add(d, 1),
    endOfBusinessDay: (d) => {
      const day = DateTime.fromISO(d, { zone: spec.timeZone });
      const end = spec.endOfDayHour === 24 ? day.plus({ days: 1 }).startOf('day') : day.set({ hour: spec.endOfDayHour });
      return end.toUTC().toISO() as string;
    },
    provisionalBetween: (from, to) => {
      const [a, b] = from <= to ? [yearOf(from), yearOf(to)] : [yearOf(to), yearOf(from)];
      cover(a);
      cover(b);
      return (prov[b + 1 - calendarYears.from] as number) - (prov[a - calendarYears.from] as number) > 0;
    },
  };
}
