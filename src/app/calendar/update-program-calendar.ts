import type { CalendarSpec } from '../../domain/calendar/calendar-spec.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { must } from '../transact.js';
import { programWrite } from '../write-sequence.js';
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
  // The version is checked on saving, after the spec: a wrong spec is refused by field whatever was read.
  const target = { programId: input.programId, actor: input.actor, permission: 'calendar.edit', reason: input.reason } as const;
  return programWrite(deps, target, async ({ tx, program, meta }) => {
    const spec = must(checkCalendarSpec(input.spec));
    await saveCalendarSpec(deps, tx, program, input.version, spec, meta);
    return { version: program.version + 1 };
  });
}
