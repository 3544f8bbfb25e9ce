import { DateTime } from 'luxon';
import { dateRange } from '../date-range.js';
import { isoWeekLabel, mondayOf } from '../mta.js';
import { addDays, type PlainDate } from '../plain-date.js';
import { ok, type Result, refuse } from '../result.js';
import { startOfDayUtc } from '../zoned.js';

/** An ISO week (Monday to Sunday) as a report names it: `2026-W49`. */
export interface ReportWeek {
  /** The ISO week-numbering year, which differs from the calendar year around New Year (2027-01-01 is in 2026-W53). */
  readonly weekYear: number;
  readonly week: number;
  readonly label: string;
  /** Its Monday. */
  readonly start: PlainDate;
  /** Its Sunday. */
  readonly end: PlainDate;
}

/** The instants a week spans in one time zone: from Monday 00:00 there (inclusive) to the next Monday 00:00 (exclusive). */
export interface WeekSpan {
  readonly startAt: string;
  readonly endAt: string;
}

const pattern = /^(\d{4})-W(\d{2})$/;

/** How many ISO weeks a week-numbering year has: 53 when it begins or (in a leap year) ends on a Thursday, else 52. */
export const weeksInYear = (weekYear: number): number =>
  DateTime.fromObject({ year: weekYear, month: 12, day: 28 }, { zone: 'UTC' }).weekNumber;

/** The ISO week holding a plain date. */
export function weekOfDate(d: PlainDate): ReportWeek {
  const start = mondayOf(d);
  const t = DateTime.fromISO(start, { zone: 'UTC' });
  return { weekYear: t.weekYear, week: t.weekNumber, label: isoWeekLabel(start), start, end: addDays(start, 6) };
}

/** The ISO week an instant falls in where the program is: Sunday 23:30 in Shanghai is that week there, though UTC says Sunday 15:30. */
export function weekOfInstant(at: string, timeZone: string): ReportWeek {
  const t = DateTime.fromISO(at, { zone: timeZone });
  if (!t.isValid) throw new Error(`invalid instant or zone: ${at} ${timeZone}`);
  return weekOfDate(t.toISODate() as PlainDate);
}

/** The week after (pure arithmetic: the year turns over by itself, 2026-W53 → 2027-W01). */
export const nextWeek = (w: ReportWeek): ReportWeek => weekOfDate(addDays(w.start, 7));

// Spans asked for again and again (a portfolio's programs share a few zones), kept by week and zone.
const spans = new Map<string, WeekSpan>();
const spansKept = 1024;

/** The week's span in a zone, DST-correct: a week with a clock change is 167 or 169 hours long. */
export function weekSpan(w: ReportWeek, timeZone: string): WeekSpan {
  const key = `${w.start}|${timeZone}`;
  const kept = spans.get(key);
  if (kept) return kept;
  const span = { startAt: startOfDayUtc(w.start, timeZone), endAt: startOfDayUtc(addDays(w.start, 7), timeZone) };
  if (spans.size >= spansKept) spans.clear();
  spans.set(key, span);
  return span;
}

/** Whether an instant lies in the span (compared as instants, whatever offset the text carries). */
export function isInSpan(at: string, span: WeekSpan): boolean {
  const t = Date.parse(at);
  return t >= Date.parse(span.startAt) && t < Date.parse(span.endAt);
}

/**
 * A week is written `YYYY-Www` (ISO 8601 week date), its week-numbering year within the accepted date
 * range's years (so its Monday is in range) and its number one of that year's 52 or 53 weeks.
 */
export function parseReportWeek(text: string, path = 'week'): Result<ReportWeek> {
  const m = pattern.exec(text.trim());
  if (!m)
    return refuse('VALIDATION_FAILED', `"${text}" is not an ISO week; write it like 2026-W49.`, [
      { path, message: 'Write YYYY-Www, e.g. 2026-W49.' },
    ]);
  const [weekYear, week] = [Number(m[1]), Number(m[2])];
  if (weekYear < dateRange.minYear || weekYear > dateRange.maxYear) {
    const message = `Must be a week of the years ${dateRange.minYear} to ${dateRange.maxYear}.`;
    return refuse('DATE_OUT_OF_RANGE', `${text} lies outside the dates Tollgate accepts. ${message}`, [{ path, message }]);
  }
  const weeks = weeksInYear(weekYear);
  if (week < 1 || week > weeks) {
    const message = `${weekYear} has ISO weeks 01 to ${weeks}.`;
    return refuse('VALIDATION_FAILED', `${text} does not exist: ${message}`, [{ path, message }]);
  }
  const monday = DateTime.fromObject({ weekYear, weekNumber: week, weekday: 1 }, { zone: 'UTC' }).toISODate() as PlainDate;
  return ok(weekOfDate(monday));
}
