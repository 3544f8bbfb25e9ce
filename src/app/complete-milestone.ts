import { canCompleteGateMilestone } from '../domain/gates/can-complete-gate-milestone.js';
import { completeMilestone as complete } from '../domain/milestone.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { Result } from '../domain/result.js';
import type { AppDeps } from './deps.js';
import { type MilestoneTarget, type SavedMilestoneView, writeMilestoneEdit } from './milestone-write.js';
import { programToday } from './views.js';

export interface CompleteMilestoneInput extends MilestoneTarget {
  readonly actualDate: PlainDate;
  readonly reason?: string | undefined;
}

/**
 * Marks a milestone done on its actual date (today or earlier in the program's time zone). Done later
 * than forecast, it re-forecasts its successors in the same transaction ("pushed by M-12 done on …").
 */
export function completeMilestone(deps: AppDeps, input: CompleteMilestoneInput): Promise<Result<SavedMilestoneView>> {
  return writeMilestoneEdit(
    deps,
    input,
    'milestone.complete',
    input.reason ?? null,
    async ({ tx, program, milestone, now }) => {
      // A gate's review milestone is done only once its gate passed (a locked program keeps the two in step).
      const gate = canCompleteGateMilestone(milestone, await tx.listGates(program.id));
      return gate.ok ? complete(milestone, input.actualDate, programToday(program, now)) : gate;
    },
    { change: (m) => ({ kind: 'complete', milestoneId: m.id, actualDate: input.actualDate }), reason: input.reason },
  );
}
