import { buildCalendar } from '../../domain/calendar/build-calendar.js';
import type { CalendarSpec } from '../../domain/calendar/calendar-spec.js';
import type { Program } from '../../domain/program.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { Tx } from '../ports.js';
import { abort } from '../transact.js';
import { updateRecord } from '../write-record.js';

/** Whether the spec builds into a calendar; the refusal names the field at fault. */
export function checkCalendarSpec(spec: CalendarSpec): Result<CalendarSpec> {
  try {
    // Building one year is enough to validate countries, zone and hours.
    buildCalendar(spec, { from: 2026, to: 2026 });
    return ok(spec);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const path = /time zone/.test(message) ? 'spec.timeZone' : /end-of-day/.test(message) ? 'spec.endOfDayHour' : 'spec.countries';
    return refuse('VALIDATION_FAILED', `The calendar is not valid: ${message}`, [{ path, message }]);
  }
}

/** Saves a program's calendar spec through the one write path, change-logged with the reason. */
export async function saveCalendarSpec(
  deps: AppDeps,
  tx: Tx,
  program: Program,
  version: number,
  spec: CalendarSpec,
  actor: Actor,
  reason: string,
): Promise<void> {
  if (version !== program.version)
    abort({ code: 'VERSION_CONFLICT', message: 'The program was changed by someone else; reload and retry.' });
  await updateRecord(
    deps,
    tx,
    { entity: 'program', id: program.id, programId: program.id, entityKey: program.code, actorId: actor.id, reason },
    { calendarSpec: program.calendarSpec ? JSON.stringify(program.calendarSpec) : null, version: program.version },
    { calendarSpec: JSON.stringify(spec) },
  );
}
