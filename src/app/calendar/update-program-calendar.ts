import type { CalendarSpec } from '../../domain/calendar/calendar-spec.js';
import { permit } from '../../domain/policy.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { must, transact } from '../transact.js';
import { checkCalendarSpec, saveCalendarSpec } from './program-calendar-spec.js';

export interface UpdateProgramCalendarInput {
  readonly programId: string;
  readonly actor: Actor;
  /** The program's version the spec was edited on. */
  readonly version: number;
  readonly spec: CalendarSpec;
  readonly reason: string;
}

/** Replaces a program's calendar (cadence owner); health, variance and pushes follow it from then on. */
export function updateProgramCalendar(deps: AppDeps, input: UpdateProgramCalendarInput): Promise<Result<{ version: number }>> {
  return transact(deps.store, async (tx) => {
    const { program, access } = must(await findAccessibleProgram(tx, input.actor, input.programId));
    must(permit(access, 'calendar.edit'));
    const spec = must(checkCalendarSpec(input.spec));
    await saveCalendarSpec(deps, tx, program, input.version, spec, input.actor, input.reason);
    return { version: program.version + 1 };
  });
}
