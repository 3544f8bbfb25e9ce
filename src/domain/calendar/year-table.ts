import type { PlainDate } from '../plain-date.js';
import type { CalendarSpec } from './calendar-spec.js';
import { type CountryYear, countryYear } from './country-days.js';
import { datesOfYear } from './day-index.js';
import { type DayRules, decideDay } from './day-rules.js';

/** One year precomputed so that lookups, counts and offsets are array reads. */
export interface YearTable {
  readonly year: number;
  readonly dates: readonly PlainDate[];
  /** ISO weekday of 1 January. */
  readonly firstWeekday: number;
  /** 1 for a working day, by zero-based day of the year. */
  readonly working: Uint8Array;
  /** before[i]: working days among days 0 … i-1 (so before[n] is the year's total). */
  readonly before: Uint16Array;
  /** select[k]: day of the year of the year's k-th (zero-based) working day. */
  readonly select: Uint16Array;
  readonly total: number;
  readonly countries: readonly CountryYear[];
  readonly provisional: boolean;
}

/** Decides every day of `year` under the spec's rules and indexes the working days. */
export function buildYearTable(spec: CalendarSpec, rules: DayRules, year: number): YearTable {
  const schedules = spec.officialSchedules ?? [];
  const countries = spec.countries.map((c) => countryYear(c.country, c.region, year, schedules));
  const dates = datesOfYear(year);
  const firstWeekday = ((new Date(Date.UTC(year, 0, 1)).getUTCDay() + 6) % 7) + 1;
  const working = new Uint8Array(dates.length);
  const before = new Uint16Array(dates.length + 1);
  const select: number[] = [];
  dates.forEach((date, i) => {
    const isWorking = decideDay(rules, countries, date, ((firstWeekday - 1 + i) % 7) + 1).working;
    working[i] = isWorking ? 1 : 0;
    before[i + 1] = (before[i] as number) + (isWorking ? 1 : 0);
    if (isWorking) select.push(i);
  });
  return {
    year,
    dates,
    firstWeekday,
    working,
    before,
    select: Uint16Array.from(select),
    total: select.length,
    countries,
    provisional: countries.some((c) => c.provisional),
  };
}
