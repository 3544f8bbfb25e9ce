import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, type CountingWorkingDays, mondayToFriday, type WorkingDays } from '../business-days.js';
import { addDays, type PlainDate } from '../plain-date.js';
import { buildCalendar } from './build-calendar.js';

const d = (s: string) => s as PlainDate;
// Negation without -0, which toBe (Object.is) tells apart from 0.
const neg = (n: number) => 0 - n;

// A factory in China with a client in Germany and a Lunar New Year closure; spans official (2024–2026)
// and provisional (2027–2029) Chinese years.
const cnDe = buildCalendar(
  {
    countries: [{ country: 'CN' }, { country: 'DE', region: 'BY' }],
    shutdowns: [{ from: d('2026-02-09'), to: d('2026-02-27'), label: 'Lunar New Year closure' }],
    exceptions: [{ date: d('2026-02-25'), working: true, label: 'Pilot run' }],
    timeZone: 'Asia/Shanghai',
    endOfDayHour: 18,
  },
  { from: 2024, to: 2029 },
);
// A CN-only calendar keeps makeup weekend days, which a CN+DE one loses.
const cn = buildCalendar({ countries: [{ country: 'CN' }], timeZone: 'Asia/Shanghai', endOfDayHour: 18 }, { from: 2024, to: 2029 });

// The day-by-day definition, for comparison: same flags, no fast path.
const naive = (cal: WorkingDays): WorkingDays => ({ isWorkingDay: (x) => cal.isWorkingDay(x) });

const day = fc.integer({ min: 0, max: 6 * 365 }).map((n) => addDays(d('2024-01-01'), n));
const offset = fc.integer({ min: -500, max: 500 });

describe.each([
  ['Monday to Friday', mondayToFriday as CountingWorkingDays],
  ['CN + DE-BY with a shutdown', cnDe as CountingWorkingDays],
  ['CN with makeup days', cn as CountingWorkingDays],
])('business-day laws: %s', (_, cal) => {
  const working = day.filter((x) => cal.isWorkingDay(x));

  it('add(d, n) then add(·, -n) returns to d when d is a working day', () => {
    fc.assert(fc.property(working, offset, (from, n) => void expect(cal.add(cal.add(from, n), -n)).toBe(from)));
  });

  it('counts add up: count(a, b) + count(b, c) = count(a, c), and are antisymmetric', () => {
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        expect(cal.count(a, b) + cal.count(b, c)).toBe(cal.count(a, c));
        expect(cal.count(b, a)).toBe(neg(cal.count(a, b)));
      }),
    );
  });

  it('count(d, add(d, n)) = n from a working day, and for n ≥ 0 from any day', () => {
    fc.assert(fc.property(working, offset, (from, n) => void expect(cal.count(from, cal.add(from, n))).toBe(n)));
    fc.assert(fc.property(day, fc.nat(500), (from, n) => void expect(cal.count(from, cal.add(from, n))).toBe(n)));
  });

  it('add is strictly increasing in n and lands on working days', () => {
    fc.assert(
      fc.property(day, offset, fc.integer({ min: 1, max: 50 }), (from, n, k) => {
        const [a, b] = [cal.add(from, n), cal.add(from, n + k)];
        expect(a < b || (n === 0 && a === from && a <= b)).toBe(true);
        if (n !== 0) expect(cal.isWorkingDay(a)).toBe(true);
      }),
    );
  });

  it('equals the naive day-by-day reference', () => {
    const ref = naive(cal);
    fc.assert(
      fc.property(day, day, offset, (a, b, n) => {
        expect(cal.add(a, n)).toBe(addBusinessDays(ref, a, n));
        expect(cal.count(a, b)).toBe(businessDaysBetween(ref, a, b));
        expect(addBusinessDays(cal, a, n)).toBe(cal.add(a, n));
        expect(businessDaysBetween(cal, a, b)).toBe(cal.count(a, b));
      }),
    );
  });
});

describe('calendar flags agree with the explained day', () => {
  it('isWorkingDay(d) = dayInfo(d).working on every day', () => {
    fc.assert(fc.property(day, (x) => void expect(cnDe.isWorkingDay(x)).toBe(cnDe.dayInfo(x).working)));
  });

  it('weekdays are mondayToFriday`s closed form too', () => {
    fc.assert(
      fc.property(day, (x) => void expect(mondayToFriday.isWorkingDay(x)).toBe(cnDe.dayInfo(x).reasons.every((r) => r.kind !== 'weekend'))),
    );
  });
});
