import type { AppDeps } from '../app/deps.js';
import { programCalendar, programToday } from '../app/views.js';
import { nonWorkingDayWarnings, pastDateWarnings, type Warning } from '../domain/past-date.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { Program } from '../domain/program.js';
import type { Result } from '../domain/result.js';

type Dates = Readonly<Record<string, string | null | undefined>>;

/**
 * Maps a write's answer to JSON with a warning for each new date given that is already past (a new
 * forecast, a new due date); a refusal's current state carries none.
 */
export function warned<V, J extends object>(
  r: Result<V>,
  toJson: (v: V) => J,
  today: (v: V) => PlainDate,
  dates: Dates,
  /** Warnings worked out beside (e.g. workingDayWarnings). */
  more: readonly Warning[] = [],
): (v: V) => J {
  return (v) => {
    const warnings = r.ok ? [...pastDateWarnings(today(v), dates as Readonly<Record<string, PlainDate | null | undefined>>), ...more] : [];
    return warnings.length > 0 ? { ...toJson(v), warnings } : toJson(v);
  };
}

/** Today at the program's factory, for records whose view carries their program. */
export const todayOf = (now: Date) => (v: { readonly program: Program }) => programToday(v.program, now);

/** A warning for each new forecast on a day the program's calendar has off, with the next working day. */
export async function workingDayWarnings(
  app: AppDeps,
  r: Result<{ readonly milestone: { readonly programId: string } }>,
  dates: Dates,
): Promise<Warning[]> {
  if (!r.ok) return [];
  const program = await app.store.reads.findProgram(r.value.milestone.programId);
  return program ? nonWorkingDayWarnings(programCalendar(program), dates as Readonly<Record<string, PlainDate | null | undefined>>) : [];
}
