import type { PlainDate } from '../plain-date.js';
import type { CalendarSpec, DayReason } from './calendar-spec.js';
import type { CountryYear } from './country-days.js';

/** A spec with its lists turned into lookups, made once per calendar. */
export interface DayRules {
  readonly weekend: readonly boolean[];
  readonly shutdowns: CalendarSpec['shutdowns'] & {};
  readonly exceptions: ReadonlyMap<PlainDate, { readonly working: boolean; readonly label: string }>;
  readonly allMustRest: boolean;
}

export function dayRules(spec: CalendarSpec): DayRules {
  const weekendDays = spec.weekendDays ?? [6, 7];
  const weekend = Array.from({ length: 8 }, (_, w) => weekendDays.includes(w));
  if (weekend.slice(1).every(Boolean)) throw new Error('a calendar needs at least one working weekday');
  return {
    weekend,
    shutdowns: spec.shutdowns ?? [],
    exceptions: new Map((spec.exceptions ?? []).map((e) => [e.date, e])),
    allMustRest: spec.countryMode === 'all_closed',
  };
}

/**
 * Whether `date` is a working day, and every reason that bears on it. Precedence, strongest first:
 *   1. exception       — a one-off decision for this program (working or not) overrides everything;
 *   2. shutdown        — the factory is closed, whatever the public calendar says;
 *   3. makeup workday  — a country's official working weekend day (China's 调休) beats its weekend;
 *   4. holiday         — a country's public holiday;
 *   5. weekend         — the spec's weekend days.
 * Makeup, holiday and weekend are decided per country first; the countries then combine by the
 * spec's mode: `any_closed` (default) rests when any country rests, `all_closed` only when all do.
 * So a CN makeup Saturday is a working day for a CN-only program but not for a CN+DE one.
 */
export function decideDay(
  rules: DayRules,
  countries: readonly CountryYear[],
  date: PlainDate,
  weekday: number,
): { working: boolean; reasons: DayReason[] } {
  const reasons: DayReason[] = [];
  const exception = rules.exceptions.get(date);
  if (exception) reasons.push({ kind: 'exception', label: exception.label });
  let shut = false;
  for (const s of rules.shutdowns) {
    if (s.from <= date && date <= s.to) {
      shut = true;
      reasons.push({ kind: 'shutdown', label: s.label });
    }
  }
  const isWeekend = rules.weekend[weekday] === true;
  let resting = 0;
  for (const c of countries) {
    const makeup = c.makeupWorkdays.get(date);
    const holiday = c.holidays.get(date);
    if (makeup !== undefined) reasons.push({ kind: 'makeup_workday', country: c.country, label: makeup });
    if (holiday !== undefined) reasons.push({ kind: 'holiday', country: c.country, label: holiday });
    if (makeup === undefined && (holiday !== undefined || isWeekend)) resting++;
  }
  if (isWeekend) reasons.push({ kind: 'weekend', label: weekday === 6 ? 'Saturday' : weekday === 7 ? 'Sunday' : 'Weekend' });
  const publicRest = countries.length === 0 ? isWeekend : rules.allMustRest ? resting === countries.length : resting > 0;
  const working = exception ? exception.working : shut ? false : !publicRest;
  return { working, reasons };
}
