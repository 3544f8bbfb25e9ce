import { describe, expect, it } from 'vitest';
import { addDays, dateInZone, daysBetween, isoWeekday, isPlainDate } from './plain-date.js';

describe('plain dates', () => {
  it('accepts only real YYYY-MM-DD days', () => {
    expect(isPlainDate('2024-02-29')).toBe(true);
    expect(isPlainDate('2025-02-29')).toBe(false);
    expect(isPlainDate('2026-13-01')).toBe(false);
    expect(isPlainDate('2026-1-01')).toBe(false);
    expect(isPlainDate('2026-01-01T00:00')).toBe(false);
  });
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-30' as never, 3)).toBe('2027-01-02');
    expect(daysBetween('2026-03-01' as never, '2026-02-27' as never)).toBe(-2);
  });
  it('knows weekdays', () => {
    expect(isoWeekday('2026-11-26' as never)).toBe(4);
    expect(isoWeekday('2026-11-29' as never)).toBe(7);
  });
  it("gives today's date in a zone", () => {
    const t = new Date('2026-11-26T20:30:00Z');
    expect(dateInZone(t, 'Asia/Shanghai')).toBe('2026-11-27');
    expect(dateInZone(t, 'America/Chicago')).toBe('2026-11-26');
  });
  it('turns the date at the zone’s midnight to the millisecond, also right after being asked in the same minute', () => {
    // Shanghai's midnight is 16:00Z; Kathmandu's (UTC+05:45) 18:15Z; Chatham's (UTC+13:45 in summer) 10:15Z.
    for (const [zone, lastMs, before, after] of [
      ['Asia/Shanghai', '2026-11-26T15:59:59.999Z', '2026-11-26', '2026-11-27'],
      ['Asia/Kathmandu', '2026-11-26T18:14:59.999Z', '2026-11-26', '2026-11-27'],
      ['Pacific/Chatham', '2026-11-26T10:14:59.999Z', '2026-11-26', '2026-11-27'],
    ] as const) {
      const last = new Date(lastMs);
      expect(dateInZone(new Date(last.getTime() - 30_000), zone), zone).toBe(before);
      expect(dateInZone(last, zone), zone).toBe(before);
      expect(dateInZone(new Date(last.getTime() + 1), zone), zone).toBe(after);
      expect(dateInZone(last, zone), zone).toBe(before);
    }
  });
});
