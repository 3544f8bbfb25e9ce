import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { everyMinutesOnTheClock, everyMs, nextSlotAfter, slotKey, slotOf } from './schedule.js';

describe('schedules of slots', () => {
  const quarter = everyMinutesOnTheClock(15);

  it('every 15 minutes on the clock: slots start at :00, :15, :30 and :45 UTC', () => {
    expect(slotOf(quarter, new Date('2026-12-06T16:52:07.123Z')).toISOString()).toBe('2026-12-06T16:45:00.000Z');
    expect(slotOf(quarter, new Date('2026-12-06T16:45:00.000Z')).toISOString()).toBe('2026-12-06T16:45:00.000Z');
    expect(slotOf(quarter, new Date('2026-12-06T16:44:59.999Z')).toISOString()).toBe('2026-12-06T16:30:00.000Z');
    expect(nextSlotAfter(quarter, new Date('2026-12-06T23:52:00Z')).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(slotKey('escalation-sweep', slotOf(quarter, new Date('2026-12-06T16:52:07Z')))).toBe(
      'escalation-sweep:2026-12-06T16:45:00.000Z',
    );
  });

  it("every zone's local midnight and quarter hours fall on a slot, in winter and summer time", () => {
    // The reason a 15-minute sweep reaches each program at the start of its business day, wherever it is.
    const days = ['2026-01-05', '2026-07-06'].map((d) => DateTime.fromISO(d, { zone: 'utc' }));
    const off: string[] = [];
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      for (const day of days) {
        for (const time of ['00:00', '08:30']) {
          const local = DateTime.fromISO(`${day.toISODate()}T${time}`, { zone });
          if (slotOf(quarter, local.toJSDate()).getTime() !== local.toMillis()) off.push(`${zone} ${local.toISO()}`);
        }
      }
    }
    expect(off).toEqual([]);
  });

  it('every N ms: slots counted from the epoch', () => {
    const s = everyMs(600_000);
    expect(slotOf(s, new Date('2026-12-06T16:52:07Z')).toISOString()).toBe('2026-12-06T16:50:00.000Z');
    expect(nextSlotAfter(everyMs(1500), new Date(3000)).getTime()).toBe(4500);
    expect([s, everyMs(5000), everyMs(1500)].map((x) => x.text)).toEqual(['every 10 min', 'every 5 s', 'every 1500 ms']);
  });

  it('refuses periods that do not divide a day on the clock, or are not whole milliseconds', () => {
    for (const m of [0, 7, 25, 100, 1.5, 2880]) expect(() => everyMinutesOnTheClock(m), String(m)).toThrow(/divide a day/);
    for (const m of [1, 5, 15, 30, 60, 1440]) expect(everyMinutesOnTheClock(m).everyMs).toBe(m * 60_000);
    expect(() => everyMs(0)).toThrow();
    expect(() => everyMs(2.5)).toThrow();
  });
});
