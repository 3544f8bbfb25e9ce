import { DateTime } from 'luxon';
import type { CountingWorkingDays } from '../business-days.js';
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

// Years the four-digit date arithmetic supports; far beyond any plan, so hitting it is a bug.
const [MIN_YEAR, MAX_YEAR] = [1900, 2999];

/**
 * The calendar a spec describes. Years in `years` are precomputed; others are computed on first
 * use and kept, so answers never depend on the range, only speed does.
 */
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
  const tables = new Map<number, YearTable>();
  const table = (y: number): YearTable => {
    let t = tables.get(y);
    if (!t) {
      if (y < MIN_YEAR || y > MAX_YEAR) throw new Error(`year out of range: ${y}`);
      t = buildYearTable(spec, rules, y);
      tables.set(y, t);
    }
    return t;
  };
  for (let y = years.from; y <= years.to; y++) table(y);

  const count = (from: PlainDate, to: PlainDate): number => {
    if (to < from) {
      const c = count(to, from);
      return c === 0 ? 0 : -c;
    }
    const [yf, yt] = [yearOf(from), yearOf(to)];
    const [tf, tt] = [table(yf), table(yt)];
    const throughFrom = tf.before[dayOfYear(from, yf) + 1] as number;
    const throughTo = tt.before[dayOfYear(to, yt) + 1] as number;
    if (yf === yt) return throughTo - throughFrom;
    let c = tf.total - throughFrom + throughTo;
    for (let y = yf + 1; y < yt; y++) c += table(y).total;
    return c;
  };

  const add = (d: PlainDate, n: number): PlainDate => {
    if (n === 0) return d;
    let y = yearOf(d);
    let t = table(y);
    const i = dayOfYear(d, y);
    // k: the target's zero-based rank among its year's working days.
    let k = n > 0 ? (t.before[i + 1] as number) + n - 1 : (t.before[i] as number) + n;
    while (k >= t.total) {
      k -= t.total;
      t = table(++y);
    }
    while (k < 0) {
      t = table(--y);
      k += t.total;
    }
    return t.dates[t.select[k] as number] as PlainDate;
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
      const [lo, hi] = from <= to ? [yearOf(from), yearOf(to)] : [yearOf(to), yearOf(from)];
      for (let y = lo; y <= hi; y++) if (table(y).provisional) return true;
      return false;
    },
  };
}
