import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar/build-calendar.js';
import type { CalendarSpec } from '../calendar/calendar-spec.js';
import { defaultStartHour, type OwnerWorkday, responseDeadline } from './deadline.js';

const years = { from: 2026, to: 2027 };
const workday = (spec: CalendarSpec): OwnerWorkday => ({
  calendar: buildCalendar(spec, years),
  timeZone: spec.timeZone,
  startHour: defaultStartHour,
  endHour: spec.endOfDayHour,
});
const shenzhen = workday({ countries: [{ country: 'CN' }], timeZone: 'Asia/Shanghai', endOfDayHour: 18 });
const chicago = workday({ countries: [{ country: 'US' }], timeZone: 'America/Chicago', endOfDayHour: 17 });
const days = (amount: number) => ({ unit: 'business_days', amount }) as const;
const hours = (amount: number) => ({ unit: 'business_hours', amount }) as const;
const at = (iso: string) => new Date(iso);

describe('the response deadline on the action owner’s calendar', () => {
  it('found on a Saturday in Shenzhen with one business day: Monday’s end of business day there', () => {
    // Saturday 2026-12-05 10:00 in Shanghai.
    expect(responseDeadline(at('2026-12-05T02:00:00Z'), days(1), shenzhen).toISOString()).toBe('2026-12-07T10:00:00.000Z');
  });

  it('unless Monday is a holiday: Qingming 2026 rests Saturday to Monday, so Tuesday', () => {
    expect(responseDeadline(at('2026-04-04T02:00:00Z'), days(1), shenzhen).toISOString()).toBe('2026-04-07T10:00:00.000Z');
  });

  it('counts a Chinese makeup working Saturday as a business day (2026-10-10, after National Day)', () => {
    // Friday 2026-10-09 10:00 Shanghai: the next business day is the makeup Saturday.
    expect(responseDeadline(at('2026-10-09T02:00:00Z'), days(1), shenzhen).toISOString()).toBe('2026-10-10T10:00:00.000Z');
  });

  it('skips the National Day week', () => {
    // Wednesday 2026-09-30 10:00 Shanghai, 2 days: October 1–7 rest, so Thursday 8th is day 1 and Friday 9th day 2.
    expect(responseDeadline(at('2026-09-30T02:00:00Z'), days(2), shenzhen).toISOString()).toBe('2026-10-09T10:00:00.000Z');
  });

  it('at 23:30 on a Sunday in Shanghai, business hours start Monday 08:00', () => {
    // Sunday 2026-12-06 23:30 Shanghai = 15:30Z; 4 hours: Monday 12:00 Shanghai.
    expect(responseDeadline(at('2026-12-06T15:30:00Z'), hours(4), shenzhen).toISOString()).toBe('2026-12-07T04:00:00.000Z');
    // One day from Sunday: Monday's end of day.
    expect(responseDeadline(at('2026-12-06T15:30:00Z'), days(1), shenzhen).toISOString()).toBe('2026-12-07T10:00:00.000Z');
  });

  it('counts business hours within working hours, carrying over to the next working day', () => {
    // Friday 2026-12-04 16:00 Shanghai, 4 hours: 2 on Friday (to 18:00), 2 on Monday from 08:00.
    expect(responseDeadline(at('2026-12-04T08:00:00Z'), hours(4), shenzhen).toISOString()).toBe('2026-12-07T02:00:00.000Z');
    // Within the day.
    expect(responseDeadline(at('2026-12-07T01:00:00Z'), hours(2), shenzhen).toISOString()).toBe('2026-12-07T03:00:00.000Z');
  });

  it('across the DST change in Chicago (2027-03-14): the end of business day is 17:00 CDT, not CST', () => {
    // Saturday 2027-03-13 12:00 CST = 18:00Z; one day: Monday 2027-03-15 17:00 CDT = 22:00Z.
    expect(responseDeadline(at('2027-03-13T18:00:00Z'), days(1), chicago).toISOString()).toBe('2027-03-15T22:00:00.000Z');
    // Friday 2027-03-12 15:00 CST (21:00Z), 4 hours: 2 on Friday, 2 from Monday 08:00 CDT (13:00Z).
    expect(responseDeadline(at('2027-03-12T21:00:00Z'), hours(4), chicago).toISOString()).toBe('2027-03-15T15:00:00.000Z');
  });

  it('in the owner’s zone, not the factory’s: a Chicago owner of a Shenzhen program works Chicago’s day on the program’s calendar', () => {
    const owner: OwnerWorkday = { ...shenzhen, timeZone: 'America/Chicago' };
    // Friday 2026-12-04 20:00 Shanghai is Friday 06:00 in Chicago: one day → Monday 18:00 Chicago (CST) = Tuesday 00:00Z.
    expect(responseDeadline(at('2026-12-04T12:00:00Z'), days(1), owner).toISOString()).toBe('2026-12-08T00:00:00.000Z');
  });
});
