import type { CalendarSpec, YearView } from '../../domain/calendar/calendar-spec.js';
import { isYearInRange, yearRangeMessage } from '../../domain/date-range.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { programCalendar, programCalendarSpec, programToday } from '../views.js';

export interface ProgramCalendarView {
  readonly programId: string;
  readonly version: number;
  readonly isDefault: boolean;
  readonly spec: CalendarSpec;
  readonly year: YearView;
}

/** A program's calendar spec and one year of it, day by day, with provisional days marked. */
export async function getProgramCalendar(
  deps: AppDeps,
  input: { programId: string; actor: Actor; year?: number | undefined },
): Promise<Result<ProgramCalendarView>> {
  const found = await findAccessibleProgram(deps.store.reads, input.actor, input.programId);
  if (!found.ok) return found;
  const p = found.value.program;
  const year = input.year ?? Number(programToday(p, deps.clock.now()).slice(0, 4));
  if (!isYearInRange(year)) return refuse('VALIDATION_FAILED', yearRangeMessage, [{ path: 'year', message: yearRangeMessage }]);
  return ok({
    programId: p.id,
    version: p.version,
    isDefault: p.calendarSpec === null,
    spec: programCalendarSpec(p),
    year: programCalendar(p).yearView(year),
  });
}
