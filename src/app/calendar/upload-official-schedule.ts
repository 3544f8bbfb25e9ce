import { parseOfficialSchedule } from '../../domain/calendar/parse-official-schedule.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { must } from '../transact.js';
import { programCalendarSpec } from '../views.js';
import { programWrite } from '../write-sequence.js';
import { checkCalendarSpec, saveCalendarSpec } from './program-calendar-spec.js';

/**
 * Loads a government's official schedule for one year into the program's calendar (an admin or the cadence owner):
 * it replaces one already loaded for the same country and year, and the year stops being provisional.
 */
export function uploadOfficialSchedule(
  deps: AppDeps,
  input: { programId: string; actor: Actor; text: string },
): Promise<Result<{ version: number; country: string; year: number }>> {
  // Workspace admins load published schedules for any program, as does the program's cadence owner.
  const target = { programId: input.programId, actor: input.actor, permission: 'calendar.edit', orAdmin: true } as const;
  return programWrite(deps, target, async ({ tx, program, meta }) => {
    const schedule = must(parseOfficialSchedule(input.text));
    const current = programCalendarSpec(program);
    const others = (current.officialSchedules ?? []).filter((s) => s.country !== schedule.country || s.year !== schedule.year);
    const spec = must(checkCalendarSpec({ ...current, officialSchedules: [...others, schedule] }));
    const reason = `Official ${schedule.country} holiday schedule for ${schedule.year} loaded`;
    await saveCalendarSpec(deps, tx, program, program.version, spec, { ...meta, reason });
    return { version: program.version + 1, country: schedule.country, year: schedule.year };
  });
}
