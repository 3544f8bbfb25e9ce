import { buildCalendar } from '../../domain/calendar/build-calendar.js';
import { defaultStartHour, type OwnerWorkday } from '../../domain/escalations/deadline.js';
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
