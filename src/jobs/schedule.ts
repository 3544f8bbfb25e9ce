/**
 * When a job runs: once per slot, slots being consecutive periods of `everyMs` counted from the Unix
 * epoch (00:00 UTC), so every instance agrees on the slot an instant falls in without talking to
 * the others.
 */
export interface Schedule {
  readonly everyMs: number;
  /** How the schedule reads in logs and `tollgate sweep --list`. */
  readonly text: string;
}

const minuteMs = 60_000;

/**
 * Every `minutes` minutes on the UTC wall clock (:00, :15, :30, :45 for 15). `minutes` divides a
 * day, so slots start at midnight UTC and at every multiple after it. Every time zone's offset from
 * UTC is a whole multiple of 15 minutes (+05:45 Nepal, +08:45 Eucla, −09:30 Marquesas included), so
 * with 15 (or 5, 3, 1) each program's local midnight and start of business day (on the hour or
 * quarter hour) is the start of a slot in every zone, DST or not.
 */
export function everyMinutesOnTheClock(minutes: number): Schedule {
  if (!Number.isInteger(minutes) || minutes < 1 || 1440 % minutes !== 0) {
    throw new Error(`A wall-clock schedule's minutes must divide a day (1440); got ${minutes}`);
  }
  return { everyMs: minutes * minuteMs, text: `every ${minutes} min on the clock (UTC)` };
}

/** Every `ms` milliseconds, slots counted from the epoch (readiness sweeps: only the frequency matters). */
export function everyMs(ms: number): Schedule {
  if (!Number.isInteger(ms) || ms < 1) throw new Error(`A schedule's period must be a whole number of ms ≥ 1; got ${ms}`);
  const text = ms % minuteMs === 0 ? `${ms / minuteMs} min` : ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
  return { everyMs: ms, text: `every ${text}` };
}

/** The start of the slot `now` falls in. */
export function slotOf(schedule: Schedule, now: Date): Date {
  return new Date(Math.floor(now.getTime() / schedule.everyMs) * schedule.everyMs);
}

/** The start of the slot after the one `now` falls in. */
export function nextSlotAfter(schedule: Schedule, now: Date): Date {
  return new Date(slotOf(schedule, now).getTime() + schedule.everyMs);
}

/** The name of one job's one slot, e.g. `escalation-sweep:2026-12-06T16:45:00.000Z`: the key that makes it once. */
export const slotKey = (job: string, slot: Date): string => `${job}:${slot.toISOString()}`;
