import { describe, expect, it } from 'vitest';
import { mondayToFriday } from './business-days.js';
import { buildCalendar } from './calendar/build-calendar.js';
import { asUserId } from './ids.js';
import type { PlainDate } from './plain-date.js';
import { type ForecastMove, noSlips, recentSlips, slipHistory, slipHistoryPage } from './slips.js';

const d = (s: string) => s as PlainDate;
// China 2026: National Day 1–7 October off (Thu–Wed), Saturday 10 October worked; Tue 29 and Wed 30 September worked.
const cn = buildCalendar({ countries: [{ country: 'CN' }], timeZone: 'Asia/Shanghai', endOfDayHour: 18 }, { from: 2025, to: 2027 });
const dana = asUserId('u-dana');
const chen = asUserId('u-chen');

const move = (at: string, from: string, to: string, reason: string | null = 'Tooling', actorId = dana): ForecastMove => ({
  at,
  actorId,
  from: d(from),
  to: d(to),
  reason,
});

// Three moves across National Day 2026, given out of order.
const first = move('2026-09-21T02:00:00.000Z', '2026-09-29', '2026-10-09', 'Resin late');
const second = move('2026-09-24T09:30:00.000Z', '2026-10-09', '2026-10-12', 'Tool repair', chen);
const third = move('2026-09-28T01:00:00.000Z', '2026-10-12', '2026-09-30', null);

describe('slipHistory', () => {
  it('is empty without moves', () => {
    expect(slipHistory(cn, [])).toEqual(noSlips);
    expect(noSlips).toEqual({ count: 0, netDays: 0, lastMovedAt: null, moves: [] });
  });

  it('counts each move in business days of the program calendar, across a holiday and its makeup Saturday', () => {
    const h = slipHistory(cn, [third, first, second]);
    // Oldest first, whatever order the change log gave.
    expect(h.moves.map((m) => m.at)).toEqual([first.at, second.at, third.at]);
    expect(h.moves).toEqual([
      // 29 Sep → 9 Oct: Wed 30 Sep, Thu 8, Fri 9 Oct (1–7 Oct off).
      { ...first, days: 3 },
      // 9 Oct → 12 Oct: Saturday 10 Oct is a makeup working day, then Mon 12.
      { ...second, days: 2 },
      // 12 Oct → 30 Sep, earlier: 8, 9, 10 and 12 Oct back.
      { ...third, days: -4 },
    ]);
    expect(h.count).toBe(3);
    expect(h.lastMovedAt).toBe(third.at);
    // From the first forecast (29 Sep) to the last (30 Sep): one business day later.
    expect(h.netDays).toBe(1);
  });

  it('differs from a plain Monday-to-Friday count across the same dates', () => {
    const h = slipHistory(mondayToFriday, [first, second, third]);
    expect(h.moves.map((m) => m.days)).toEqual([8, 1, -8]);
    expect(h.netDays).toBe(1);
  });

  it('nets to zero when a forecast comes back where it started', () => {
    const h = slipHistory(cn, [
      move('2026-03-02T00:00:00.000Z', '2026-03-20', '2026-03-27'),
      move('2026-03-03T00:00:00.000Z', '2026-03-27', '2026-03-20'),
    ]);
    expect(h).toMatchObject({ count: 2, netDays: 0 });
    expect(h.moves.map((m) => m.days)).toEqual([5, -5]);
  });
});

describe('slipHistoryPage', () => {
  const whole = { count: 3, first, last: third };

  it("keeps the whole history's figures on every page, and counts each move of the page", () => {
    const all = slipHistory(cn, [first, second, third]);
    const one = slipHistoryPage(cn, whole, [first]);
    const rest = slipHistoryPage(cn, whole, [second, third]);
    for (const page of [one, rest]) expect(page).toMatchObject({ count: 3, netDays: 1, lastMovedAt: third.at });
    expect([...one.moves, ...rest.moves]).toEqual(all.moves);
  });

  it('is empty for a milestone that never moved, and an empty page past the last move keeps the figures', () => {
    expect(slipHistoryPage(cn, { count: 0, first: undefined, last: undefined }, [])).toEqual(noSlips);
    expect(slipHistoryPage(cn, whole, [])).toEqual({ count: 3, netDays: 1, lastMovedAt: third.at, moves: [] });
  });
});

describe('recentSlips', () => {
  const h = slipHistory(cn, [first, second, third]);

  it('counts the later moves at or after the instant, and nets every move in the window', () => {
    expect(recentSlips(h, '2026-09-01T00:00:00.000Z')).toEqual({ moves: 2, days: 1 });
    // The window opening exactly at a move includes it.
    expect(recentSlips(h, second.at)).toEqual({ moves: 1, days: -2 });
    expect(recentSlips(h, '2026-09-24T09:30:00.001Z')).toEqual({ moves: 0, days: -4 });
    expect(recentSlips(h, '2026-10-01T00:00:00.000Z')).toEqual({ moves: 0, days: 0 });
  });

  it('finds nothing in an empty history', () => {
    expect(recentSlips(noSlips, '2000-01-01T00:00:00.000Z')).toEqual({ moves: 0, days: 0 });
  });
});
