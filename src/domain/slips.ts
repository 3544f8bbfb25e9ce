import { businessDaysBetween, type WorkingDays } from './business-days.js';
import type { UserId } from './ids.js';
import type { PlainDate } from './plain-date.js';

/** One move of a forecast date, as the change log holds it. */
export interface ForecastMove {
  readonly at: string;
  readonly actorId: UserId | null;
  readonly from: PlainDate;
  readonly to: PlainDate;
  readonly reason: string | null;
}

export interface SlipMove extends ForecastMove {
  /** Business days later (negative: earlier). */
  readonly days: number;
}

export interface SlipHistory {
  readonly count: number;
  /** Business days from the first forecast to the latest one (positive: later). */
  readonly netDays: number;
  readonly lastMovedAt: string | null;
  readonly moves: readonly SlipMove[];
}

export const noSlips: SlipHistory = { count: 0, netDays: 0, lastMovedAt: null, moves: [] };

/** A milestone's slip history from its forecast moves, oldest first ("moved 3 times, +14 business days"). */
export function slipHistory(cal: WorkingDays, moves: readonly ForecastMove[]): SlipHistory {
  const sorted = [...moves].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return slipHistoryPage(cal, { count: sorted.length, first: sorted[0], last: sorted.at(-1) }, sorted);
}

/**
 * Some of a milestone's moves (a page, oldest first), each with its business days, beside the figures of
 * its whole history: how many moves, and the business days from its first forecast to its latest.
 */
export function slipHistoryPage(
  cal: WorkingDays,
  whole: { readonly count: number; readonly first: ForecastMove | undefined; readonly last: ForecastMove | undefined },
  page: readonly ForecastMove[],
): SlipHistory {
  const { count, first, last } = whole;
  if (count === 0 || first === undefined || last === undefined) return noSlips;
  return {
    count,
    netDays: businessDaysBetween(cal, first.from, last.to),
    lastMovedAt: last.at,
    moves: page.map((m) => ({ ...m, days: businessDaysBetween(cal, m.from, m.to) })),
  };
}

/** How many weeks back "recent" slips reach, and how many later moves in that window make a milestone "slipping". */
export const recentSlipWeeks = 4;
export const slippingMoves = 2;

export interface RecentSlips {
  /** Moves later in the window. */
  readonly moves: number;
  /** Net business days moved in the window (positive: later). */
  readonly days: number;
}

/** The later moves since `since` (an ISO instant), and the net business days moved since then. */
export function recentSlips(history: SlipHistory, since: string): RecentSlips {
  let moves = 0;
  let days = 0;
  for (const m of history.moves) {
    if (m.at < since) continue;
    if (m.days > 0) moves++;
    days += m.days;
  }
  return { moves, days };
}
