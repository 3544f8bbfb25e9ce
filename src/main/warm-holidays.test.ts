import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../domain/calendar/build-calendar.js';
import { hasRuleHolidays, toRuleHolidays } from '../domain/calendar/country-days.js';
import { dateRange } from '../domain/date-range.js';
import { startHolidayWarmer, warmHolidays } from './warm-holidays.js';

const allYears = () => Array.from({ length: dateRange.maxYear - dateRange.minYear + 1 }, (_, i) => dateRange.minYear + i);

describe('warmHolidays', () => {
  it('computes every year of the accepted range on a worker, with the same days off as computing them in place', async () => {
    // Other tests in this worker may have computed a few years of MX already: those are not done again.
    const missing = allYears().filter((y) => !hasRuleHolidays('MX', undefined, y)).length;
    expect(missing).toBeGreaterThan(90);
    const r = await warmHolidays([{ country: 'MX' }, { country: 'MX' }]);
    expect(r.years).toBe(missing);
    for (const y of [dateRange.minYear, 2071, dateRange.maxYear]) expect(hasRuleHolidays('MX', undefined, y)).toBe(true);
    // A second call finds nothing left to do.
    expect((await warmHolidays([{ country: 'MX' }])).years).toBe(0);

    const direct = toRuleHolidays('MX', new Holidays('MX').getHolidays(2071, 'en'));
    const cal = buildCalendar(
      { countries: [{ country: 'MX' }], timeZone: 'America/Mexico_City', endOfDayHour: 18 },
      { from: 2071, to: 2071 },
    );
    expect(direct.size).toBeGreaterThan(3);
    for (const [date, name] of direct) {
      expect(cal.isWorkingDay(date)).toBe(false);
      expect(cal.dayInfo(date).reasons).toContainEqual({ kind: 'holiday', country: 'MX', label: name });
    }
  });

  it('stops early when aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    expect((await warmHolidays([{ country: 'PL' }], ac.signal)).years).toBe(0);
    expect(hasRuleHolidays('PL', undefined, 2090 as number)).toBe(false);
  });

  it('keeps warming: a country that comes into use later is computed on a later pass, and stop() ends it', async () => {
    let inUse: { country: string }[] = [];
    const warmed: number[] = [];
    const warmer = startHolidayWarmer(
      async () => inUse,
      20,
      (r) => warmed.push(r.years),
      (err) => {
        throw err;
      },
    );
    expect(hasRuleHolidays('AT', undefined, 2090)).toBe(false);
    const missing = allYears().filter((y) => !hasRuleHolidays('AT', undefined, y)).length;
    inUse = [{ country: 'AT' }];
    // Wait for the pass to finish (not just reach one year): stop() aborts a pass under way.
    await expect.poll(() => warmed.length).toBe(1);
    expect(hasRuleHolidays('AT', undefined, dateRange.maxYear)).toBe(true);
    await warmer.stop();
    expect(warmed).toEqual([missing]);
  });

  it('reports its first pass even when there is nothing to compute (the warm-up is over), and later passes only when they computed something', async () => {
    const warmed: number[] = [];
    const warmer = startHolidayWarmer(
      async () => [],
      20,
      (r) => warmed.push(r.years),
      (err) => {
        throw err;
      },
    );
    await expect.poll(() => warmed.length).toBe(1);
    // Several passes later, still only the first one reported.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await warmer.stop();
    expect(warmed).toEqual([0]);
  });
});
