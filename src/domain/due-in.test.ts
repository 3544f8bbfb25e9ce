import { describe, expect, it } from 'vitest';
import { mondayToFriday } from './business-days.js';
import { dueInBusinessDays } from './due-in.js';
import type { PlainDate } from './plain-date.js';

// Wednesday 11 March 2026 at the factory; Friday 13, Monday 16.
const today = '2026-03-11' as PlainDate;
const open = (forecast: string) => ({ forecastDate: forecast as PlainDate, actualDate: null });

describe('dueInBusinessDays', () => {
  it('counts business days from today to a future forecast, skipping the weekend', () => {
    expect(dueInBusinessDays(open('2026-03-13'), today, mondayToFriday)).toBe(2);
    expect(dueInBusinessDays(open('2026-03-16'), today, mondayToFriday)).toBe(3);
  });

  it('is 0 on the day itself: due today is not yet late', () => {
    expect(dueInBusinessDays(open('2026-03-11'), today, mondayToFriday)).toBe(0);
  });

  it('is 0 for a forecast on the weekend right after a Friday', () => {
    expect(dueInBusinessDays(open('2026-03-14'), '2026-03-13' as PlainDate, mondayToFriday)).toBe(0);
  });

  it('is null once the date has passed, or once the milestone is done', () => {
    expect(dueInBusinessDays(open('2026-03-10'), today, mondayToFriday)).toBeNull();
    expect(
      dueInBusinessDays({ forecastDate: '2026-03-20' as PlainDate, actualDate: '2026-03-09' as PlainDate }, today, mondayToFriday),
    ).toBeNull();
  });
});
