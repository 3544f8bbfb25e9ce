import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, type PlainDate } from '../plain-date.js';
import { dayOfYear, epochDay, fromEpochDay, yearOf } from './day-index.js';

const day = fc.integer({ min: -40_000, max: 200_000 }).map((n) => addDays('1970-01-01' as PlainDate, n));

describe('day index', () => {
  it('epochDay and fromEpochDay agree with Date on 1860–2517', () => {
    fc.assert(
      fc.property(day, (x) => {
        const n = Math.round(Date.parse(`${x}T00:00:00Z`) / 86_400_000);
        expect(epochDay(x)).toBe(n);
        expect(fromEpochDay(n)).toBe(x);
      }),
    );
  });

  it('dayOfYear counts from 1 January, leap days included', () => {
    fc.assert(fc.property(day, (x) => void expect(addDays(`${yearOf(x)}-01-01` as PlainDate, dayOfYear(x, yearOf(x)))).toBe(x)));
    expect(dayOfYear('2024-12-31' as PlainDate, 2024)).toBe(365);
    expect(isoWeekday(fromEpochDay(0))).toBe(4);
  });
});
