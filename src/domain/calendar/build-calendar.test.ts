import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../plain-date.js';
import { buildCalendar } from './build-calendar.js';
import type { CalendarSpec } from './calendar-spec.js';
import { chineseDaysCovers } from './country-days.js';

const d = (s: string) => s as PlainDate;
const years = { from: 2025, to: 2027 };
const spec = (over: Partial<CalendarSpec>): CalendarSpec => ({ countries: [], timeZone: 'UTC', endOfDayHour: 18, ...over });
const cn = buildCalendar(spec({ countries: [{ country: 'CN' }], timeZone: 'Asia/Shanghai' }), years);
const kinds = (cal: typeof cn, x: string) => cal.dayInfo(d(x)).reasons.map((r) => `${r.kind}:${r.country ?? ''}`);

describe('China from chinese-days (official State Council schedule)', () => {
  it('ships official data for 2004–2026 in the installed version, and nothing later', () => {
    expect([2004, 2025, 2026].map(chineseDaysCovers)).toEqual([true, true, true]);
    // If this fails, chinese-days was upgraded: move the provisional-year tests below to the next uncovered year.
    expect(chineseDaysCovers(2027)).toBe(false);
  });

  it('2026 Spring Festival: 15–23 Feb off, Saturdays 14 and 28 Feb worked', () => {
    // gov.cn 2025-11 notice: 春节 2月15日（周日）至23日（周一）放假调休，共9天，2月14日（周六）、2月28日（周六）上班.
    for (const off of ['2026-02-15', '2026-02-16', '2026-02-18', '2026-02-20', '2026-02-23']) expect(cn.isWorkingDay(d(off))).toBe(false);
    expect(cn.isWorkingDay(d('2026-02-14'))).toBe(true);
    expect(cn.isWorkingDay(d('2026-02-28'))).toBe(true);
    expect(cn.isWorkingDay(d('2026-02-24'))).toBe(true);
    expect(cn.dayInfo(d('2026-02-14'))).toEqual({
      date: '2026-02-14',
      working: true,
      reasons: [
        { kind: 'makeup_workday', country: 'CN', label: 'Spring Festival' },
        { kind: 'weekend', label: 'Saturday' },
      ],
      provisional: false,
    });
    expect(cn.dayInfo(d('2026-02-19')).reasons).toEqual([{ kind: 'holiday', country: 'CN', label: 'Spring Festival' }]);
  });

  it('counts 248 working days in 2026 and steps over the whole break', () => {
    expect(cn.count(d('2025-12-31'), d('2026-12-31'))).toBe(248);
    expect(cn.nextBusinessDay(d('2026-02-13'))).toBe('2026-02-14');
    expect(cn.nextBusinessDay(d('2026-02-14'))).toBe('2026-02-24');
    expect(cn.add(d('2026-02-24'), -1)).toBe('2026-02-14');
    expect(cn.count(d('2026-02-14'), d('2026-02-24'))).toBe(1);
  });

  it('a year beyond the data falls back to date-holidays rules and is provisional', () => {
    // date-holidays' CN rules give three Spring Festival days in 2027 (5–7 Feb), not the official break.
    const feb5 = cn.dayInfo(d('2027-02-05'));
    expect(feb5).toMatchObject({ working: false, provisional: true });
    expect(feb5.reasons[0]).toMatchObject({ kind: 'holiday', country: 'CN' });
    expect(cn.isWorkingDay(d('2027-02-08'))).toBe(true);
    // Group holidays (Children's Day, Women's afternoon) are not days off for a plant.
    expect(cn.isWorkingDay(d('2027-06-01'))).toBe(true);
    expect(cn.isWorkingDay(d('2027-03-08'))).toBe(true);
    expect(cn.yearView(2027).provisionalCountries).toEqual(['CN']);
    expect(cn.yearView(2026).provisionalCountries).toEqual([]);
  });

  it('marks spans that reach a provisional year', () => {
    expect(cn.provisionalBetween(d('2026-01-05'), d('2026-12-31'))).toBe(false);
    expect(cn.provisionalBetween(d('2026-12-20'), cn.add(d('2026-12-20'), 10))).toBe(true);
    expect(cn.provisionalBetween(d('2027-01-10'), d('2026-12-20'))).toBe(true);
  });

  it('a loaded official schedule replaces the rules for its year and removes the provisional mark', () => {
    const official = buildCalendar(
      spec({
        countries: [{ country: 'CN' }],
        officialSchedules: [
          {
            country: 'CN',
            year: 2027,
            holidays: ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((x) => ({ date: d(x), label: 'Spring Festival' })),
            makeupWorkdays: [{ date: d('2027-02-20'), label: 'Spring Festival' }],
          },
          // chinese-days is authoritative for the years it ships: a loaded 2026 file does not change them.
          { country: 'CN', year: 2026, holidays: [{ date: d('2026-03-02'), label: 'Typo' }], makeupWorkdays: [] },
        ],
      }),
      years,
    );
    expect(official.dayInfo(d('2027-02-10'))).toMatchObject({ working: false, provisional: false });
    expect(official.isWorkingDay(d('2027-02-20'))).toBe(true);
    expect(official.isWorkingDay(d('2027-02-07'))).toBe(false);
    expect(official.isWorkingDay(d('2027-06-09'))).toBe(true);
    expect(official.provisionalBetween(d('2027-01-01'), d('2027-12-31'))).toBe(false);
    expect(official.isWorkingDay(d('2026-03-02'))).toBe(true);
  });
});

describe('other countries from date-holidays (public holidays only)', () => {
  const one = (country: string, region?: string) => buildCalendar(spec({ countries: [region ? { country, region } : { country }] }), years);

  it('Vietnam: Tết 2026 is five days off, 16–20 Feb', () => {
    const vn = one('VN');
    expect(['2026-02-16', '2026-02-17', '2026-02-20'].map((x) => vn.isWorkingDay(d(x)))).toEqual([false, false, false]);
    expect(vn.isWorkingDay(d('2026-02-23'))).toBe(true);
    // Observances such as the Party's founding day (3 Feb) are worked.
    expect(vn.isWorkingDay(d('2026-02-03'))).toBe(true);
  });

  it('India: Republic Day, 26 Jan 2026 (a Monday)', () => {
    expect(one('IN').isWorkingDay(d('2026-01-26'))).toBe(false);
    expect(kinds(one('IN'), '2026-01-26')).toEqual(['holiday:IN']);
  });

  it('Mexico: Benito Juárez day (third Monday of March) is off, the bank-only Day of the Dead is worked', () => {
    expect(one('MX').isWorkingDay(d('2026-03-16'))).toBe(false);
    expect(one('MX').isWorkingDay(d('2026-11-02'))).toBe(true);
  });

  it('US: Thanksgiving 2026-11-26 is off; the day after (observance) and Christmas Eve (optional) are worked', () => {
    const us = one('US');
    expect(us.isWorkingDay(d('2026-11-26'))).toBe(false);
    expect(us.isWorkingDay(d('2026-11-27'))).toBe(true);
    expect(us.isWorkingDay(d('2026-12-24'))).toBe(true);
    // Independence Day falls on a Saturday in 2026; the Friday before is observed.
    expect(us.isWorkingDay(d('2026-07-03'))).toBe(false);
  });

  it('Germany: German Unity Day everywhere; Corpus Christi only when the state (BY) is given', () => {
    expect(one('DE').isWorkingDay(d('2025-10-03'))).toBe(false);
    expect(kinds(one('DE'), '2026-10-03')).toEqual(['holiday:DE', 'weekend:']);
    expect(one('DE').isWorkingDay(d('2026-06-04'))).toBe(true);
    expect(one('DE', 'BY').isWorkingDay(d('2026-06-04'))).toBe(false);
    // Rosenmontag is an observance, worked.
    expect(one('DE').isWorkingDay(d('2026-02-16'))).toBe(true);
  });

  it('a calendar without countries rests on its weekend days only', () => {
    const friSat = buildCalendar(spec({ weekendDays: [5, 6] }), years);
    expect(['2026-03-13', '2026-03-14', '2026-03-15'].map((x) => friSat.isWorkingDay(d(x)))).toEqual([false, false, true]);
  });
});

describe('shutdowns, exceptions and precedence', () => {
  const plant = buildCalendar(
    spec({
      countries: [{ country: 'CN' }],
      shutdowns: [{ from: d('2026-02-09'), to: d('2026-02-27'), label: 'Lunar New Year closure' }],
      exceptions: [
        { date: d('2026-02-25'), working: true, label: 'Pilot run' },
        { date: d('2026-03-04'), working: false, label: 'Stocktake' },
        { date: d('2026-03-08'), working: true, label: 'Sunday audit' },
      ],
    }),
    years,
  );

  it('a shutdown closes weekdays and makeup days alike', () => {
    expect(plant.isWorkingDay(d('2026-02-10'))).toBe(false);
    expect(plant.dayInfo(d('2026-02-14'))).toMatchObject({ working: false });
    expect(kinds(plant, '2026-02-14')).toEqual(['shutdown:', 'makeup_workday:CN', 'weekend:']);
    expect(plant.nextBusinessDay(d('2026-02-06'))).toBe('2026-02-25');
  });

  it('exceptions win both ways: a working day inside the shutdown, a day off on a weekday, a worked Sunday', () => {
    expect(kinds(plant, '2026-02-25')).toEqual(['exception:', 'shutdown:']);
    expect(plant.isWorkingDay(d('2026-02-25'))).toBe(true);
    expect(plant.isWorkingDay(d('2026-02-26'))).toBe(false);
    expect(plant.isWorkingDay(d('2026-03-04'))).toBe(false);
    expect(plant.isWorkingDay(d('2026-03-08'))).toBe(true);
    // 2026-02-28 is a makeup Saturday just after the shutdown.
    expect(plant.nextBusinessDay(d('2026-02-25'))).toBe('2026-02-28');
  });

  it('a makeup day beats a holiday of the same country, and a holiday beats nothing else', () => {
    const both = buildCalendar(
      spec({
        countries: [{ country: 'CN' }],
        officialSchedules: [
          {
            country: 'CN',
            year: 2027,
            holidays: [{ date: d('2027-02-20'), label: 'H' }],
            makeupWorkdays: [{ date: d('2027-02-20'), label: 'M' }],
          },
        ],
      }),
      years,
    );
    expect(both.isWorkingDay(d('2027-02-20'))).toBe(true);
  });

  it('several countries: any site resting closes the day by default; all_closed needs every site to rest', () => {
    const countries = [{ country: 'CN' }, { country: 'DE' }];
    const any = buildCalendar(spec({ countries }), years);
    const all = buildCalendar(spec({ countries, countryMode: 'all_closed' }), years);
    // Spring Festival Monday (CN only), Ascension Day (DE only), a CN makeup Saturday, 1 May (both).
    const days = ['2026-02-16', '2026-05-14', '2026-02-14', '2026-05-01'].map(d);
    expect(days.map((x) => any.isWorkingDay(x))).toEqual([false, false, false, false]);
    expect(days.map((x) => all.isWorkingDay(x))).toEqual([true, true, true, false]);
  });
});

describe('end of business day', () => {
  const at = (timeZone: string, hour: number, x: string) =>
    buildCalendar(spec({ timeZone, endOfDayHour: hour }), years).endOfBusinessDay(d(x));

  it('is 18:00 local in UTC on both sides of the US switch (America/Chicago, 2026-03-08 and 11-01)', () => {
    expect(at('America/Chicago', 18, '2026-03-07')).toBe('2026-03-08T00:00:00.000Z');
    expect(at('America/Chicago', 18, '2026-03-08')).toBe('2026-03-08T23:00:00.000Z');
    expect(at('America/Chicago', 18, '2026-11-01')).toBe('2026-11-02T00:00:00.000Z');
  });

  it('is 18:00 local in UTC on both sides of the EU switch (Europe/Berlin, 2026-03-29 and 10-25)', () => {
    expect(at('Europe/Berlin', 18, '2026-03-28')).toBe('2026-03-28T17:00:00.000Z');
    expect(at('Europe/Berlin', 18, '2026-03-29')).toBe('2026-03-29T16:00:00.000Z');
    expect(at('Europe/Berlin', 18, '2026-10-25')).toBe('2026-10-25T17:00:00.000Z');
  });

  it('hour 24 is midnight at the end of the day, even on a 23-hour day', () => {
    expect(at('Europe/Berlin', 24, '2026-03-29')).toBe('2026-03-29T22:00:00.000Z');
    expect(at('Asia/Shanghai', 17, '2026-03-29')).toBe('2026-03-29T09:00:00.000Z');
  });
});

describe('building', () => {
  it('answers the same outside the precomputed years, and memoizes equal specs', () => {
    const s = spec({ countries: [{ country: 'DE' }] });
    const narrow = buildCalendar(s, { from: 2026, to: 2026 });
    const wide = buildCalendar(s, { from: 2024, to: 2030 });
    expect(narrow.count(d('2024-01-01'), d('2030-12-31'))).toBe(wide.count(d('2024-01-01'), d('2030-12-31')));
    expect(narrow.add(d('2026-06-01'), 1000)).toBe(wide.add(d('2026-06-01'), 1000));
    expect(buildCalendar({ ...s }, { from: 2026, to: 2026 })).toBe(narrow);
  });

  it('refuses specs no edge should have let through', () => {
    expect(() => buildCalendar(spec({ weekendDays: [1, 2, 3, 4, 5, 6, 7] }), years)).toThrow(/working weekday/);
    expect(() => buildCalendar(spec({ timeZone: 'Mars/Base' }), years)).toThrow(/time zone/);
    expect(() => buildCalendar(spec({ endOfDayHour: 25 }), years)).toThrow(/hour/);
    expect(() => buildCalendar(spec({ countries: [{ country: 'XX' }] }), years)).toThrow(/unknown country/);
  });

  it('a year view lists every day with its reasons', () => {
    const view = cn.yearView(2026);
    expect(view.days).toHaveLength(365);
    expect(view.workingDays).toBe(248);
    expect(view.days.filter((x) => x.reasons.some((r) => r.kind === 'makeup_workday')).map((x) => x.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });
});
