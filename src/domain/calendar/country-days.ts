import chineseDays from 'chinese-days';
import Holidays from 'date-holidays';
import { isoWeekday, type PlainDate } from '../plain-date.js';
import type { OfficialSchedule } from './calendar-spec.js';

/** One country's days off and makeup working days in one year, and whether they are only provisional. */
export interface CountryYear {
  readonly country: string;
  readonly holidays: ReadonlyMap<PlainDate, string>;
  readonly makeupWorkdays: ReadonlyMap<PlainDate, string>;
  readonly provisional: boolean;
}

// Countries whose government fixes each year's breaks and makeup days by decree (China publishes
// next year's each autumn); rules can only approximate those, so rule-based years are provisional.
const decreedYearly = new Set(['CN']);

/** The country's holidays for `year`: official data when known, else date-holidays' rules (provisional where decreed yearly). */
export function countryYear(
  country: string,
  region: string | undefined,
  year: number,
  schedules: readonly OfficialSchedule[],
): CountryYear {
  if (country === 'CN' && chineseDaysCovers(year)) return { country, ...chineseDaysYear(year), provisional: false };
  const loaded = schedules.find((s) => s.country === country && s.year === year);
  if (loaded) {
    const byDate = (xs: OfficialSchedule['holidays']) => new Map(xs.map((x) => [x.date, x.label]));
    return { country, holidays: byDate(loaded.holidays), makeupWorkdays: byDate(loaded.makeupWorkdays), provisional: false };
  }
  return { country, holidays: ruleHolidays(country, region, year), makeupWorkdays: new Map(), provisional: decreedYearly.has(country) };
}

/** True when the installed chinese-days ships the State Council's schedule for `year` (it has 2004–2026 at 1.5.7). */
export function chineseDaysCovers(year: number): boolean {
  let covered = coverage.get(year);
  if (covered === undefined) {
    // Every published schedule has New Year's Day, so an empty year means the package predates it.
    covered = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    coverage.set(year, covered);
  }
  return covered;
}
const coverage = new Map<number, boolean>();

function chineseDaysYear(year: number): Pick<CountryYear, 'holidays' | 'makeupWorkdays'> {
  const known = packagedYears.get(year);
  if (known) return known;
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const label = (d: string) => chineseDays.getDayDetail(d).name.split(',')[0] ?? 'Holiday';
  const holidays = new Map(chineseDays.getHolidaysInRange(from, to, false).map((d) => [d as PlainDate, label(d)]));
  const makeupWorkdays = new Map(
    chineseDays
      .getWorkdaysInRange(from, to, true)
      .filter((d) => isoWeekday(d as PlainDate) >= 6)
      .map((d) => [d as PlainDate, label(d)]),
  );
  packagedYears.set(year, { holidays, makeupWorkdays });
  return { holidays, makeupWorkdays };
}
const packagedYears = new Map<number, Pick<CountryYear, 'holidays' | 'makeupWorkdays'>>();

const DAY_MS = 86_400_000;

/**
 * date-holidays' public holidays. Only type `public` counts: `optional` (e.g. US Christmas Eve),
 * `observance` (Mother's Day, Rosenmontag), `bank` and `school` days are not days off for a plant.
 * Half days (starting after midnight) stay working days, and so do China's group holidays
 * (Women's Day, Youth Day, Children's Day, Army Day), which date-holidays marks with the group in `note`.
 */
function ruleHolidays(country: string, region: string | undefined, year: number): ReadonlyMap<PlainDate, string> {
  const key = `${country}/${region ?? ''}/${year}`;
  const known = ruleYears.get(key);
  if (known) return known;
  const out = toRuleHolidays(country, holidaysFor(country, region).getHolidays(year, 'en'));
  ruleYears.set(key, out);
  return out;
}

/** One holiday as date-holidays reports it (the fields the rules read; structured-clone safe). */
export interface RawHoliday {
  readonly date: string;
  readonly start: Date;
  readonly end: Date;
  readonly name: string;
  readonly type: string;
  readonly note?: string | undefined;
}

/** The days off among date-holidays' entries for one country and year, by the rules above. */
export function toRuleHolidays(country: string, raw: readonly RawHoliday[]): ReadonlyMap<PlainDate, string> {
  const out = new Map<PlainDate, string>();
  for (const h of raw) {
    if (h.type !== 'public' || !h.date.endsWith(' 00:00:00') || (country === 'CN' && h.note)) continue;
    // Some holidays span several days (Vietnam's Tết is one five-day entry).
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    const first = Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`);
    for (let i = 0; i < days; i++) {
      const d = new Date(first + i * DAY_MS).toISOString().slice(0, 10) as PlainDate;
      if (!out.has(d)) out.set(d, h.name);
    }
  }
  return out;
}

/** Whether a country's rule-based holidays for `year` are already computed (computing costs up to ~60 ms a year). */
export const hasRuleHolidays = (country: string, region: string | undefined, year: number): boolean =>
  ruleYears.has(`${country}/${region ?? ''}/${year}`);

/** Keeps a year computed elsewhere (a worker thread, off the request path) as if computed here. */
export function primeRuleHolidays(country: string, region: string | undefined, year: number, raw: readonly RawHoliday[]): void {
  const key = `${country}/${region ?? ''}/${year}`;
  if (!ruleYears.has(key)) ruleYears.set(key, toRuleHolidays(country, raw));
}

/** Whether a year of the country is decided by rules (date-holidays) rather than packaged official data. */
export const usesRuleHolidays = (country: string, year: number): boolean => !(country === 'CN' && chineseDaysCovers(year));

// date-holidays computes lunar holidays slowly (~30 ms a year for CN); rules never change at runtime.
const ruleYears = new Map<string, ReadonlyMap<PlainDate, string>>();

/** True when date-holidays knows the country (and region, when given). */
export function isKnownCountry(country: string, region?: string): boolean {
  const countries = new Holidays().getCountries();
  if (!(country in countries)) return false;
  return region === undefined || region in (new Holidays().getStates(country) ?? {});
}

// Building a date-holidays instance parses its rule set; a portfolio asks for the same few countries.
const instances = new Map<string, Holidays>();
function holidaysFor(country: string, region: string | undefined): Holidays {
  const key = `${country}/${region ?? ''}`;
  let h = instances.get(key);
  if (!h) {
    if (!isKnownCountry(country, region)) throw new Error(`unknown country or region: ${key}`);
    h = region ? new Holidays(country, region) : new Holidays(country);
    instances.set(key, h);
  }
  return h;
}
