import { nonWorkingDayWarnings, pastDateWarnings, type Warning } from '../../domain/past-date.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import { propagateChange } from '../../domain/schedule/propagate.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { programCalendar, programToday } from '../views.js';
import { loadSchedule, type PushView, pushViews } from './schedule.js';

export interface PreviewMoveInput {
  readonly programId: string;
  readonly milestoneId: string;
  readonly actor: Actor;
  readonly forecastDate: PlainDate;
}

/**
 * What moving a milestone's forecast would push, read-only: for anyone who sees the program. Each push
 * carries the version it was worked out on, which the move may send back to insist nothing changed since.
 */
export async function previewMove(deps: AppDeps, input: PreviewMoveInput): Promise<Result<{ pushes: PushView[]; warnings: Warning[] }>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const m = await r.findMilestone(access.programId, input.milestoneId);
  if (!m) return refuse('MILESTONE_NOT_FOUND', `No milestone "${input.milestoneId}" in ${program.code}.`);
  const schedule = await loadSchedule(r, access.programId);
  if (!schedule.ok) return schedule;
  const pushes = propagateChange(programCalendar(program), schedule.value.graph, {
    kind: 'move',
    milestoneId: m.id,
    to: input.forecastDate,
  });
  if (!pushes.ok) return pushes;
  return ok({
    pushes: pushViews(schedule.value.milestones, pushes.value, programCalendar(program)),
    warnings: [
      ...pastDateWarnings(programToday(program, deps.clock.now()), { forecastDate: input.forecastDate }),
      ...nonWorkingDayWarnings(programCalendar(program), { forecastDate: input.forecastDate }),
    ],
  });
}
