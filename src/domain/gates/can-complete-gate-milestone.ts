import { ok, type Result, refuse } from '../result.js';
import type { Gate } from './gate.js';
import { isGatePassed } from './gate-status.js';

/** A gate's review milestone is completed only after the gate passed; other milestones are not held back. */
export function canCompleteGateMilestone(
  milestone: { readonly id: string; readonly key: string },
  gates: readonly Pick<Gate, 'key' | 'status' | 'reviewMilestoneId'>[],
): Result<true> {
  const gate = gates.find((g) => g.reviewMilestoneId === milestone.id);
  if (!gate || isGatePassed(gate.status)) return ok(true);
  return refuse('GATE_NOT_PASSED', `${milestone.key} is the review of ${gate.key}, which is ${gate.status}: pass the gate first.`, [
    { path: 'actualDate', message: `${gate.key} has not passed.` },
  ]);
}
