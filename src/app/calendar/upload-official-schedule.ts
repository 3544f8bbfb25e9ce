import { parseOfficialSchedule } from '../../domain/calendar/parse-official-schedule.js';
import { permit } from '../../domain/policy.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { must, transact } from '../transact.js';
import { programCalendarSpec } from '../views.js';
import { checkCalendarSpec, saveCalendarSpec } from './program-calendar-spec.js';

/**
 * Loads a government's official schedule for one year into the program's calendar (an admin or the cadence owner):
 * it replaces one already loaded for the same country and year, and the year stops being provisional.
 */
export function uploadOfficialSchedule(
  deps: AppDeps,
  input: { programId: string; actor: Actor; text: string },
): Promise<Result<{ version: number; country: string; year: number }>> {
  return transact(deps.store, async (tx) => {
    const { program, access } = must(await findAccessibleProgram(tx, input.actor, input.programId));
    // Workspace admins load published schedules for any program, as does the program's cadence owner.
    if (!input.actor.isAdmin) must(permit(access, 'calendar.edit'));
    const schedule = must(parseOfficialSchedule(input.text));
    const current = programCalendarSpec(program);
    const others = (current.officialSchedules ?? []).filter((s) => s.country !== schedule.country || s.year !== schedule.year);
    const spec = must(checkCalendarSpec({ ...current, officialSchedules: [...others, schedule] }));
    const reason = `Official ${schedule.country} holiday schedule for ${schedule.year} loaded`;
    await saveCalendarSpec(deps, tx, program, program.version, spec, input.actor, reason);
    return { version: program.version + 1, country: schedule.country, year: schedule.year };
  });
}
