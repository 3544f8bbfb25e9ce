import { DateTime } from 'luxon';
import type { WeeklyReportSchedule } from '../charter.js';
import { digestHour } from '../notification-settings.js';
import { addDays, type PlainDate } from '../plain-date.js';
import { type ReportWeek, weekOfDate, weekOfInstant } from './iso-week.js';

/**
 * The instant a week's report is due by the charter: its weekday (1 Monday … 7 Sunday) at its time, local
 * where the program is (a time a clock change skips is read as the hour after); null while either is unset.
 */
export function scheduledIssueAt(
  week: ReportWeek,
  schedule: Pick<WeeklyReportSchedule, 'weekday' | 'time'>,
  timeZone: string,
): string | null {
  if (schedule.weekday === null || schedule.time === null) return null;
  const day = addDays(week.start, schedule.weekday - 1);
  const t = DateTime.fromISO(`${day}T${schedule.time}`, { zone: timeZone });
  if (!t.isValid) throw new Error(`invalid schedule or zone: ${day} ${schedule.time} ${timeZone}`);
  return t.toUTC().toISO() as string;
}

/**
 * The week whose report Tollgate issues by itself at `now`: the ISO week `now` falls in where the program
 * is, once its day and time have come (a Friday 16:00 schedule issues W49 from Friday of W49 16:00 until
 * that week ends there); null before, or when the charter does not ask for it. A week that ended unissued
 * is not caught up later: its report would be late news, and the cadence owner issues it by hand.
 */
export function weekDueForIssue(schedule: WeeklyReportSchedule, timeZone: string, now: Date): ReportWeek | null {
  if (!schedule.autoIssue) return null;
  const week = weekOfInstant(now.toISOString(), timeZone);
  const at = scheduledIssueAt(week, schedule, timeZone);
  return at !== null && Date.parse(at) <= now.getTime() ? week : null;
}

/**
 * The leadership view a subscriber is e-mailed at `now`: on Monday from 08:00 (the digest's hour) to midnight
 * in their zone, the week that just ended; null at any other time. `dueAt`: when that Monday's e-mail became due.
 */
export function dueLeadershipMail(now: Date, timeZone: string): { readonly week: ReportWeek; readonly dueAt: string } | null {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid || local.weekday !== 1 || local.hour < digestHour) return null;
  const due = local.set({ hour: digestHour, minute: 0, second: 0, millisecond: 0 });
  return { week: weekOfDate(addDays(local.toISODate() as PlainDate, -7)), dueAt: due.toUTC().toISO() as string };
}
