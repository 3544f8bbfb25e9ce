import { buildCalendar } from '../../domain/calendar/build-calendar.js';
import type { CalendarCountry, CalendarSpec } from '../../domain/calendar/calendar-spec.js';
import { isKnownCountry } from '../../domain/calendar/country-days.js';
import type { Program } from '../../domain/program.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import type { Tx, WriteMeta } from '../ports.js';
import { abort } from '../transact.js';
import { updateRecord } from '../write-record.js';

/** Whether the spec builds into a calendar; the refusal names the field at fault. */
export function checkCalendarSpec(spec: CalendarSpec): Result<CalendarSpec> {
  // Countries and regions by name first: building 2026 alone does not ask date-holidays about a
  // country whose 2026 comes from official data (CN, an uploaded schedule), and a stored unknown
  // country or region would make every later year of the program's calendar throw.
  const unknown = spec.countries.findIndex((c) => !isKnownCountry(c.country, c.region));
  if (unknown >= 0) {
    const c = spec.countries[unknown] as CalendarCountry;
    const message = c.region ? `unknown region "${c.region}" of ${c.country}` : `unknown country "${c.country}"`;
    return refuse('VALIDATION_FAILED', `The calendar is not valid: ${message}`, [{ path: `spec.countries.${unknown}`, message }]);
  }
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

/**
 * Saves a program's calendar spec through the one write path, change-logged under the write's stamp;
 * a program no longer at `version` is refused (VERSION_CONFLICT).
 */
export async function saveCalendarSpec(
  deps: AppDeps,
  tx: Tx,
  program: Program,
  version: number,
  spec: CalendarSpec,
  meta: WriteMeta,
): Promise<void> {
  if (version !== program.version)
    abort({ code: 'VERSION_CONFLICT', message: 'The program was changed by someone else; reload and retry.' });
  await updateRecord(
    deps,
    tx,
    { entity: 'program', id: program.id, programId: program.id, entityKey: program.code, meta },
    { calendarSpec: program.calendarSpec, version: program.version },
    { calendarSpec: spec },
  );
}
