import { completeMilestone as complete } from '../domain/milestone.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { Result } from '../domain/result.js';
import type { AppDeps } from './deps.js';
import { type MilestoneTarget, writeMilestoneEdit } from './milestone-write.js';
import { type MilestoneView, programToday } from './views.js';

export interface CompleteMilestoneInput extends MilestoneTarget {
  readonly actualDate: PlainDate;
  readonly reason?: string | undefined;
}

/** Marks a milestone done on its actual date (today or earlier in the program's time zone). */
export function completeMilestone(deps: AppDeps, input: CompleteMilestoneInput): Promise<Result<MilestoneView>> {
  return writeMilestoneEdit(deps, input, 'milestone.complete', input.reason ?? null, async ({ program, milestone, now }) =>
    complete(milestone, input.actualDate, programToday(program, now)),
  );
}
