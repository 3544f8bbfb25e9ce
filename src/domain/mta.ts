import { DateTime } from 'luxon';
import { addDays, isoWeekday, type PlainDate } from './plain-date.js';

/** A reporting week: ISO week label, its Monday, and the instant it is read at. */
export interface ReportingWeek {
  readonly week: string;
  readonly start: PlainDate;
  /** The end of the week (Monday after, 00:00 in the program's zone), or `now` for the week still running. */
  readonly asOf: string;
}

/** The Monday of the ISO week holding `d`. */
export const mondayOf = (d: PlainDate): PlainDate => addDays(d, 1 - isoWeekday(d));

/** The ISO week label of a Monday, e.g. "2026-W48". */
export function isoWeekLabel(monday: PlainDate): string {
  const t = DateTime.fromISO(monday, { zone: 'UTC' });
  return `${t.weekYear}-W${String(t.weekNumber).padStart(2, '0')}`;
}

/**
 * The reporting weeks from the week of `from` to the week of `to`, each read at its end in the
 * program's zone; a week whose end is after `now` is read at `now`. Past weeks therefore read the
 * same change log rows whenever they are drawn.
 */
export function reportingWeeks(from: PlainDate, to: PlainDate, timeZone: string, now: string, maxWeeks = 156): ReportingWeek[] {
  const out: ReportingWeek[] = [];
  for (let monday = mondayOf(from); monday <= to && out.length < maxWeeks; monday = addDays(monday, 7)) {
    const end = DateTime.fromISO(addDays(monday, 7), { zone: timeZone }).startOf('day').toUTC().toISO() as string;
    out.push({ week: isoWeekLabel(monday), start: monday, asOf: end < now ? end : now });
  }
  return out;
}

/** A value of one field over time: every change with the instant it took effect, oldest first. */
export interface FieldHistory {
  readonly at: string;
  readonly value: string | null;
}

/** The value a field held at `asOf` (the last change at or before it), or undefined before the first. */
export function valueAt(history: readonly FieldHistory[], asOf: string): string | null | undefined {
  let v: string | null | undefined;
  for (const h of history) {
    if (h.at > asOf) break;
    v = h.value;
  }
  return v;
}

export interface MtaMilestone {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly baselineDate: PlainDate;
  /** Forecast date changes from the change log (creation included), oldest first. */
  readonly forecast: readonly FieldHistory[];
  /** Actual date changes, oldest first. */
  readonly actual: readonly FieldHistory[];
}

export interface MtaPoint {
  readonly week: string;
  /** The forecast as the week ended (the actual date once done); null before the milestone existed. */
  readonly forecastDate: PlainDate | null;
  readonly done: boolean;
}

export interface MtaSeries {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly baselineDate: PlainDate;
  readonly points: readonly MtaPoint[];
}

/** Milestone trend analysis: for each reporting week, each milestone's forecast as the change log held it then. */
export function mtaSeries(milestones: readonly MtaMilestone[], weeks: readonly ReportingWeek[]): MtaSeries[] {
  return milestones.map((m) => ({
    id: m.id,
    key: m.key,
    name: m.name,
    baselineDate: m.baselineDate,
    points: weeks.map((w) => {
      const actual = valueAt(m.actual, w.asOf);
      if (actual) return { week: w.week, forecastDate: actual as PlainDate, done: true };
      const forecast = valueAt(m.forecast, w.asOf);
      return { week: w.week, forecastDate: (forecast ?? null) as PlainDate | null, done: false };
    }),
  }));
}
