import { addBusinessDays, type WorkingDays } from '../business-days.js';
import type { MilestoneId } from '../ids.js';
import type { PlainDate } from '../plain-date.js';

/**
 * Finish-to-start dependencies between milestones — the rules every file in schedule/ keeps.
 *
 * - A link P → S with lag L (whole business days, may be 0 or negative) requires
 *   S ≥ addBusinessDays(cal, finish(P), L). L = 0 lets S finish the same day as P; L = 1 means the
 *   next business day after P; L = -2 lets S finish up to two business days before P.
 * - finish(P) is P's actual date when P is done, else its forecast.
 * - Propagation only pushes later: a milestone pushes its successors only when its finish moves
 *   later, and a successor moves only when a moving predecessor's requirement is later than its
 *   forecast. Moving a date earlier (or completing early) never drags successors earlier.
 * - Only the requirements of milestones that move in the change are evaluated; with several moving
 *   predecessors the latest requirement wins and names the cause. A link already violated by a
 *   predecessor that does not move is left as it is (the change did not cause it; slack shows it).
 * - A new link P → S whose requirement is later than S's forecast moves S to it (unless S is done),
 *   and S's move pushes its successors as any move does: a plan never holds a link it was just told
 *   about and already breaks.
 * - Done milestones (actual date set) never move, so a push stops at them.
 * - Slack: latest(v) = the earlier of the target release and, over successors S,
 *   addBusinessDays(cal, latest(S), -L): every milestone is due by the release, so a negative lag never
 *   lets one finish after it; slack(v) = businessDaysBetween(finish(v), latest(v)).
 *   Dates are taken as working days; on a non-working day the backward step is conservative.
 * - The critical path is the open milestones with the minimum slack, joined by driving links
 *   (links whose successor's latest date sets the predecessor's latest date).
 */
export interface DependencyLink {
  readonly predecessorId: MilestoneId;
  readonly successorId: MilestoneId;
  /** Business days from the predecessor's finish; negative means overlap. */
  readonly lagDays: number;
}

/** The part of a milestone the schedule reads. */
export interface ScheduledMilestone {
  readonly id: MilestoneId;
  /** Human key (M-12), used to name milestones in refusals. */
  readonly key: string;
  readonly forecastDate: PlainDate;
  readonly actualDate: PlainDate | null;
}

/** A milestone is finished on its actual date when done, else on its forecast. */
export const finishOf = (m: ScheduledMilestone): PlainDate => m.actualDate ?? m.forecastDate;

/** The earliest date a successor may finish, given its predecessor's finish and the link's lag. */
export const earliestAfter = (cal: WorkingDays, predecessorFinish: PlainDate, lagDays: number): PlainDate =>
  addBusinessDays(cal, predecessorFinish, lagDays);
