import { describe, expect, it } from 'vitest';
import type { WeeklyReportSchedule } from '../charter.js';
import type { PlainDate } from '../plain-date.js';
import { weekOfDate } from './iso-week.js';
import { dueLeadershipMail, scheduledIssueAt, weekDueForIssue } from './report-schedule.js';

const friday: WeeklyReportSchedule = { weekday: 5, time: '16:00', recipientIds: [], recipientEmails: [], autoIssue: true };
const w49 = weekOfDate('2026-11-30' as PlainDate);

describe('the weekly report on the charter’s schedule', () => {
  it('is due at the weekday and time where the program is', () => {
    expect(scheduledIssueAt(w49, friday, 'Asia/Shanghai')).toBe('2026-12-04T08:00:00.000Z');
    expect(scheduledIssueAt(w49, friday, 'America/Chicago')).toBe('2026-12-04T22:00:00.000Z');
    expect(scheduledIssueAt(w49, { weekday: 7, time: '23:59' }, 'Asia/Shanghai')).toBe('2026-12-06T15:59:00.000Z');
    expect(scheduledIssueAt(w49, { weekday: null, time: '16:00' }, 'Asia/Shanghai')).toBeNull();
  });

  it('names the week from its day and time until the week ends there, and only when asked to issue by itself', () => {
    const due = (at: string, zone = 'Asia/Shanghai', s = friday) => weekDueForIssue(s, zone, new Date(at))?.label ?? null;
    expect(due('2026-12-04T07:59:59Z')).toBeNull();
    expect(due('2026-12-04T08:00:00Z')).toBe('2026-W49');
    // Sunday 23:30 in Shenzhen: still W49 there.
    expect(due('2026-12-06T15:30:00Z')).toBe('2026-W49');
    // Monday 00:30 there: W50 has begun, its Friday not yet come; W49 is not caught up.
    expect(due('2026-12-06T16:30:00Z')).toBeNull();
    // The same instant in Chicago is Friday 10:00 there: not yet.
    expect(due('2026-12-04T16:00:00Z', 'America/Chicago')).toBeNull();
    expect(due('2026-12-04T08:00:00Z', 'Asia/Shanghai', { ...friday, autoIssue: false })).toBeNull();
  });

  it('reads a time a clock change skips as the hour after (US spring forward, 8 March 2026, 02:30)', () => {
    const w = weekOfDate('2026-03-02' as PlainDate);
    expect(scheduledIssueAt(w, { weekday: 7, time: '02:30' }, 'America/Chicago')).toBe('2026-03-08T08:30:00.000Z');
  });

  it('e-mails the leadership view of the week that ended on Monday from 08:00 to midnight in the subscriber’s zone', () => {
    const due = (at: string, zone: string) => dueLeadershipMail(new Date(at), zone);
    // Monday 7 December 2026, 07:59 in Shanghai: not yet.
    expect(due('2026-12-06T23:59:00Z', 'Asia/Shanghai')).toBeNull();
    expect(due('2026-12-07T00:00:00Z', 'Asia/Shanghai')).toEqual({
      week: expect.objectContaining({ label: '2026-W49' }),
      dueAt: '2026-12-07T00:00:00.000Z',
    });
    // The same instant is Sunday evening in Chicago; Monday 08:00 there is 14:00 UTC.
    expect(due('2026-12-07T00:00:00Z', 'America/Chicago')).toBeNull();
    expect(due('2026-12-07T14:00:00Z', 'America/Chicago')?.week.label).toBe('2026-W49');
    // Tuesday: none (a Monday missed is not sent late).
    expect(due('2026-12-08T02:00:00Z', 'Asia/Shanghai')).toBeNull();
  });
});
