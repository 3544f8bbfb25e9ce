import { DateTime } from 'luxon';
import type { WorkingDays } from '../business-days.js';
import { addBusinessDays } from '../business-days.js';
import { type PlainDate, plainDate } from '../plain-date.js';
import type { ResponseWindow } from './triggers.js';

/**
 * The action owner's working day: which days are worked (their calendar), where (their zone), and the
 * local hours of work. People have no calendar of their own yet, so this is the program's calendar read
 * in the owner's zone (app/escalations/owner-calendar.ts).
 */
export interface OwnerWorkday {
  readonly calendar: WorkingDays;
  readonly timeZone: string;
  /** Local hour work starts (0–23). */
  readonly startHour: number;
  /** Local hour a business day ends (1–24), after startHour: the calendar's end of business day. */
  readonly endHour: number;
}

/** When a working day starts if the calendar does not say: 08:00 local. */
export const defaultStartHour = 8;

const local = (d: PlainDate, hour: number, zone: string): DateTime => DateTime.fromISO(d, { zone }).startOf('day').plus({ hours: hour });

/** The instant a business day ends for the owner (their zone; hour 24 is the next midnight). */
export function endOfWorkday(d: PlainDate, w: OwnerWorkday): Date {
  return local(d, w.endHour, w.timeZone).toJSDate();
}

/**
 * The response deadline of an escalation raised at `raisedAt`, on the owner's calendar and in their zone.
 * Business days: the end of business day N working days after the local day it was raised on (raised on
 * a Saturday, one day: Monday's end of business day, or the next working day when Monday is a holiday).
 * Business hours: counted only within working hours of working days, starting at once when raised
 * during them, else at the next working day's start.
 */
export function responseDeadline(raisedAt: Date, window: ResponseWindow, w: OwnerWorkday): Date {
  const now = DateTime.fromJSDate(raisedAt, { zone: w.timeZone });
  const today = plainDate(now.toISODate() as string);
  if (window.unit === 'business_days') return endOfWorkday(addBusinessDays(w.calendar, today, window.amount), w);
  let left = window.amount * 60;
  let day = today;
  let cursor: DateTime = now;
  // At most a year of days: a calendar with no working day at all is a bug in its data.
  for (let i = 0; i < 400; i++) {
    if (w.calendar.isWorkingDay(day)) {
      const start = local(day, w.startHour, w.timeZone);
      const end = local(day, w.endHour, w.timeZone);
      const from = cursor > start ? cursor : start;
      if (from < end) {
        const available = end.diff(from, 'minutes').minutes;
        if (available >= left) return from.plus({ minutes: left }).toJSDate();
        left -= available;
      }
    }
    day = plainDate(DateTime.fromISO(day).plus({ days: 1 }).toISODate() as string);
    cursor = local(day, 0, w.timeZone);
  }
  throw new Error('no working hours within a year of the raise');
}
