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
  if (moves.length === 0) return noSlips;
  const sorted = [...moves].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const first = sorted[0] as ForecastMove;
  const last = sorted[sorted.length - 1] as ForecastMove;
  return {
    count: sorted.length,
    netDays: businessDaysBetween(cal, first.from, last.to),
    lastMovedAt: last.at,
    moves: sorted.map((m) => ({ ...m, days: businessDaysBetween(cal, m.from, m.to) })),
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
