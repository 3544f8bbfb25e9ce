import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, mondayToFriday, type WorkingDays } from './business-days.js';
import { addDays, isoWeekday, type PlainDate } from './plain-date.js';

const cal = mondayToFriday;
const d = (s: string) => s as PlainDate;
// Negation without -0, which toBe (Object.is) tells apart from 0.
const neg = (n: number) => 0 - n;

// 2026-03-09 is a Monday; 03-13 Friday, 03-14 Saturday, 03-15 Sunday, 03-16 Monday.
const mon = d('2026-03-09');
const fri = d('2026-03-13');
const sat = d('2026-03-14');
const sun = d('2026-03-15');
const nextMon = d('2026-03-16');

describe('mondayToFriday', () => {
  it('works Monday to Friday and rests at the weekend', () => {
    expect([mon, fri, sat, sun, nextMon].map((x) => cal.isWorkingDay(x))).toEqual([true, true, false, false, true]);
  });
});

describe('businessDaysBetween', () => {
  it('is zero from a day to itself, weekday or weekend', () => {
    expect(businessDaysBetween(cal, mon, mon)).toBe(0);
    expect(businessDaysBetween(cal, sat, sat)).toBe(0);
  });

  it('counts the working days after `from` up to and including `to`', () => {
    expect(businessDaysBetween(cal, mon, fri)).toBe(4);
    expect(businessDaysBetween(cal, mon, nextMon)).toBe(5);
    expect(businessDaysBetween(cal, fri, nextMon)).toBe(1);
  });

  it('skips weekends: Friday to Saturday or Sunday is no working day', () => {
    expect(businessDaysBetween(cal, fri, sat)).toBe(0);
    expect(businessDaysBetween(cal, fri, sun)).toBe(0);
    expect(businessDaysBetween(cal, sat, sun)).toBe(0);
    expect(businessDaysBetween(cal, sat, nextMon)).toBe(1);
  });

  it('counts over several weekends and a year end', () => {
    expect(businessDaysBetween(cal, mon, d('2026-03-30'))).toBe(15);
    // 2026-12-31 is a Thursday; 2027-01-04 a Monday.
    expect(businessDaysBetween(cal, d('2026-12-31'), d('2027-01-04'))).toBe(2);
  });

  it('is negative, and the mirror image, when `to` is earlier', () => {
    expect(businessDaysBetween(cal, fri, mon)).toBe(-4);
    expect(businessDaysBetween(cal, nextMon, fri)).toBe(-1);
    // Weekend end points: the mirror of Sat→Mon (1) and Fri→Sat (0).
    expect(businessDaysBetween(cal, nextMon, sat)).toBe(-1);
    expect(businessDaysBetween(cal, sat, fri)).toBe(0);
  });

  it('uses the calendar it is given', () => {
    const everyDay: WorkingDays = { isWorkingDay: () => true };
    expect(businessDaysBetween(everyDay, mon, nextMon)).toBe(7);
  });
});

describe('addBusinessDays', () => {
  it('returns the same day for n = 0, even at the weekend', () => {
    expect(addBusinessDays(cal, mon, 0)).toBe(mon);
    expect(addBusinessDays(cal, sat, 0)).toBe(sat);
  });

  it('steps over weekends forwards and backwards', () => {
    expect(addBusinessDays(cal, fri, 1)).toBe(nextMon);
    expect(addBusinessDays(cal, sat, 1)).toBe(nextMon);
    expect(addBusinessDays(cal, mon, 5)).toBe(nextMon);
    expect(addBusinessDays(cal, mon, 10)).toBe(d('2026-03-23'));
    expect(addBusinessDays(cal, nextMon, -1)).toBe(fri);
    expect(addBusinessDays(cal, sun, -1)).toBe(fri);
    expect(addBusinessDays(cal, nextMon, -5)).toBe(mon);
  });
});

describe('business-day properties', () => {
  // Any day over about four years, leap day included; wider ranges only slow the day-by-day count.
  const day = fc.integer({ min: 0, max: 1500 }).map((n) => addDays(d('2020-01-01'), n));

  it('addBusinessDays(d, n) is n working days after d, for n ≥ 0', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, n) => {
        expect(businessDaysBetween(cal, from, addBusinessDays(cal, from, n))).toBe(n);
      }),
    );
  });

  it('addBusinessDays(d, -n) comes back n working days from a working day', () => {
    fc.assert(
      fc.property(
        day.filter((x) => cal.isWorkingDay(x)),
        fc.integer({ min: 0, max: 400 }),
        (from, n) => {
          expect(businessDaysBetween(cal, from, addBusinessDays(cal, from, -n))).toBe(neg(n));
        },
      ),
    );
  });

  it('lands on a working day whenever n ≠ 0', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: -400, max: 400 }).filter((n) => n !== 0),
        (from, n) => {
          expect(isoWeekday(addBusinessDays(cal, from, n))).toBeLessThanOrEqual(5);
        },
      ),
    );
  });

  it('counts add up along any path: a→b + b→c = a→c', () => {
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        expect(businessDaysBetween(cal, a, b) + businessDaysBetween(cal, b, c)).toBe(businessDaysBetween(cal, a, c));
      }),
    );
  });

  it('is antisymmetric and never more than the calendar days between', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const n = businessDaysBetween(cal, a, b);
        expect(businessDaysBetween(cal, b, a)).toBe(neg(n));
        const calendarDays = Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
        expect(Math.abs(n)).toBeLessThanOrEqual(Math.abs(calendarDays));
      }),
    );
  });
});

describe('fast paths', () => {
  it('delegates to a calendar that counts and offsets by itself', () => {
    const counting = { isWorkingDay: () => true, add: () => d('2000-01-01'), count: () => 42 };
    expect(addBusinessDays(counting, mon, 3)).toBe('2000-01-01');
    expect(businessDaysBetween(counting, mon, fri)).toBe(42);
  });

  it("mondayToFriday's closed form equals stepping day by day", () => {
    const stepping: WorkingDays = { isWorkingDay: (x) => cal.isWorkingDay(x) };
    const day = fc.integer({ min: -20_000, max: 40_000 }).map((n) => addDays(d('2000-01-01'), n));
    fc.assert(
      fc.property(day, fc.integer({ min: -300, max: 300 }), fc.integer({ min: -400, max: 400 }), (from, n, span) => {
        expect(addBusinessDays(cal, from, n)).toBe(addBusinessDays(stepping, from, n));
        const to = addDays(from, span);
        expect(businessDaysBetween(cal, from, to)).toBe(businessDaysBetween(stepping, from, to));
      }),
    );
  });
});
