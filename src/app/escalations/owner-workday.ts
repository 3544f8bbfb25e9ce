import type { WorkingDays } from '../../domain/business-days.js';
import { buildCalendar } from '../../domain/calendar/build-calendar.js';
import { defaultStartHour, type OwnerWorkday, responseDeadline } from '../../domain/escalations/deadline.js';
import type { ResponseWindow } from '../../domain/escalations/triggers.js';
import { isTimeZone } from '../../domain/plain-date.js';
import type { Program } from '../../domain/program.js';
import { programCalendarSpec } from '../views.js';

const years = { from: 2025, to: 2027 } as const;

/**
 * The action owner's working day. People have a time zone but no calendar of their own yet, so an owner
 * works the program's calendar (its countries, holidays, makeup days, shutdowns and end of business day)
 * in their own zone, from 08:00; an owner without a valid zone works the program's.
 */
export function ownerWorkday(program: Program, owner: { readonly timeZone: string } | undefined): OwnerWorkday {
  const spec = programCalendarSpec(program);
  const timeZone = owner && isTimeZone(owner.timeZone) ? owner.timeZone : spec.timeZone;
  const endHour = spec.endOfDayHour > defaultStartHour ? spec.endOfDayHour : 18;
  return { calendar: buildCalendar({ ...spec, timeZone }, years), timeZone, startHour: defaultStartHour, endHour };
}

/**
 * The response deadlines of escalations raised or climbing at one instant, each worked out once per working day and
 * window: programs of one calendar whose owners share a zone share their deadlines (equal calendar specs build one
 * calendar, build-calendar.ts), so a sweep raising a thousand works out a few dozen.
 */
export function deadlinesAt(
  now: Date,
): (program: Program, owner: { readonly timeZone: string } | undefined, window: ResponseWindow) => Date {
  const workdays = new Map<string, OwnerWorkday>();
  const byCalendar = new Map<WorkingDays, Map<string, Date>>();
  return (program, owner, window) => {
    const wk = `${program.id} ${owner?.timeZone ?? ''}`;
    let w = workdays.get(wk);
    if (!w) {
      w = ownerWorkday(program, owner);
      workdays.set(wk, w);
    }
    let of = byCalendar.get(w.calendar);
    if (!of) {
      of = new Map();
      byCalendar.set(w.calendar, of);
    }
    const key = `${w.timeZone} ${w.startHour} ${w.endHour} ${window.unit} ${window.amount}`;
    let d = of.get(key);
    if (!d) {
      d = responseDeadline(now, window, w);
      of.set(key, d);
    }
    return d;
  };
}
