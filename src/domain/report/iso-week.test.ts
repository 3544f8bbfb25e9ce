import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../plain-date.js';
import { isInSpan, nextWeek, parseReportWeek, weekOfDate, weekOfInstant, weekSpan, weeksInYear } from './iso-week.js';

const d = (s: string) => s as PlainDate;
const week = (text: string) => {
  const r = parseReportWeek(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('parseReportWeek', () => {
  it('reads a week into its Monday and Sunday', () => {
    expect(week('2026-W49')).toEqual({ weekYear: 2026, week: 49, label: '2026-W49', start: '2026-11-30', end: '2026-12-06' });
  });

  it('knows the 53rd week of 2026, which holds New Year 2027', () => {
    expect(weeksInYear(2026)).toBe(53);
    expect(week('2026-W53')).toEqual({ weekYear: 2026, week: 53, label: '2026-W53', start: '2026-12-28', end: '2027-01-03' });
    expect(weekOfDate(d('2027-01-01')).label).toBe('2026-W53');
    expect(weekOfDate(d('2027-01-04')).label).toBe('2027-W01');
    // The other way: the last days of 2024 are in 2025's first week.
    expect(weekOfDate(d('2024-12-30'))).toEqual({ weekYear: 2025, week: 1, label: '2025-W01', start: '2024-12-30', end: '2025-01-05' });
    expect(weeksInYear(2020)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
  });

  it('refuses text that is no week, naming the field', () => {
    for (const text of ['2026-49', '2026W49', '26-W49', '2026-W4', 'next week', '']) {
      expect(parseReportWeek(text, 'query.week')).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          message: `"${text}" is not an ISO week; write it like 2026-W49.`,
          fields: [{ path: 'query.week', message: 'Write YYYY-Www, e.g. 2026-W49.' }],
        },
      });
    }
  });

  it('refuses a week number the year does not have', () => {
    expect(parseReportWeek('2025-W53')).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: '2025-W53 does not exist: 2025 has ISO weeks 01 to 52.',
        fields: [{ path: 'week', message: '2025 has ISO weeks 01 to 52.' }],
      },
    });
    expect(parseReportWeek('2026-W00').ok).toBe(false);
    expect(parseReportWeek('2026-W54').ok).toBe(false);
  });

  it('accepts the weeks of the accepted years only', () => {
    expect(week('2000-W01').start).toBe('2000-01-03');
    expect(week('2099-W53')).toMatchObject({ start: '2099-12-28', end: '2100-01-03' });
    for (const text of ['1999-W52', '2100-W01']) {
      const r = parseReportWeek(text);
      expect(r.ok ? null : [r.error.code, r.error.fields]).toEqual([
        'DATE_OUT_OF_RANGE',
        [{ path: 'week', message: 'Must be a week of the years 2000 to 2099.' }],
      ]);
    }
  });
});

describe('nextWeek', () => {
  it('turns over the week-numbering year', () => {
    expect(nextWeek(week('2026-W49')).label).toBe('2026-W50');
    expect(nextWeek(week('2026-W52')).label).toBe('2026-W53');
    expect(nextWeek(week('2026-W53'))).toEqual(week('2027-W01'));
    expect(nextWeek(week('2025-W52'))).toEqual(week('2026-W01'));
  });
});

describe('weeks in a time zone', () => {
  it('puts Sunday 23:30 in Shanghai in that ISO week, and Monday 00:30 in the next, though UTC says Sunday for both', () => {
    const sunday = '2026-12-06T15:30:00.000Z'; // 23:30 Sunday in Shanghai
    const monday = '2026-12-06T16:30:00.000Z'; // 00:30 Monday in Shanghai
    expect(weekOfInstant(sunday, 'Asia/Shanghai').label).toBe('2026-W49');
    expect(weekOfInstant(monday, 'Asia/Shanghai').label).toBe('2026-W50');
    expect(weekOfInstant(monday, 'UTC').label).toBe('2026-W49');
    const span = weekSpan(week('2026-W49'), 'Asia/Shanghai');
    expect(span).toEqual({ startAt: '2026-11-29T16:00:00.000Z', endAt: '2026-12-06T16:00:00.000Z' });
    expect(isInSpan(sunday, span)).toBe(true);
    expect(isInSpan(monday, span)).toBe(false);
    expect(isInSpan('2026-11-30T00:00:00+08:00', span)).toBe(true);
    expect(isInSpan('2026-11-29T23:59:59+08:00', span)).toBe(false);
  });

  it('spans 169 hours in Chicago the week the clocks go back, and 167 the week they go forward', () => {
    const autumn = weekSpan(week('2026-W44'), 'America/Chicago');
    expect(autumn).toEqual({ startAt: '2026-10-26T05:00:00.000Z', endAt: '2026-11-02T06:00:00.000Z' });
    expect((Date.parse(autumn.endAt) - Date.parse(autumn.startAt)) / 3_600_000).toBe(169);
    const spring = weekSpan(week('2026-W10'), 'America/Chicago');
    expect(spring).toEqual({ startAt: '2026-03-02T06:00:00.000Z', endAt: '2026-03-09T05:00:00.000Z' });
    expect((Date.parse(spring.endAt) - Date.parse(spring.startAt)) / 3_600_000).toBe(167);
    // Sunday 1 November 23:30 CST is Monday 05:30 UTC: still week 44 in Chicago.
    expect(weekOfInstant('2026-11-02T05:30:00.000Z', 'America/Chicago').label).toBe('2026-W44');
    expect(isInSpan('2026-11-02T05:30:00.000Z', autumn)).toBe(true);
    expect(weekOfInstant('2026-11-02T05:30:00.000Z', 'UTC').label).toBe('2026-W45');
  });
});
