import type { Edit } from '../edit.js';
import type { MilestoneId } from '../ids.js';
import { type Milestone, moveForecast } from '../milestone.js';
import type { PlainDate } from '../plain-date.js';
import { ok, type Result, refuse } from '../result.js';
import { finishOf } from './dependency.js';
import type { Push, ScheduleChange } from './propagate.js';

/** How the milestone that pushed another came to push it: moving, done, or a new link from it. */
export type PushCause = 'move' | 'complete' | { readonly link: string; readonly lagDays: number };

/** The change-log reason of a pushed milestone: which predecessor pushed it, to when, and why it all started. */
export function pushReason(causeKey: string, causeDate: PlainDate, how: PushCause, originalReason: string | undefined): string {
  const what =
    how === 'complete'
      ? `${causeKey} done on ${causeDate}`
      : how === 'move'
        ? `${causeKey} moving to ${causeDate}`
        : `the new link ${causeKey} → ${how.link}${how.lagDays === 0 ? '' : ` (lag ${how.lagDays} business day${Math.abs(how.lagDays) === 1 ? '' : 's'})`}`;
  const why = originalReason?.trim();
  return why ? `pushed by ${what}: ${why}` : `pushed by ${what}`;
}

/** One pushed milestone's edit and the reason its change-log entry records. */
export interface PushedEdit extends Edit<Milestone> {
  readonly reason: string;
}

/**
 * Confirms a previewed propagation: every pushed milestone moves its forecast, each with a reason
 * naming the predecessor that pushed it. `milestones` must hold the changed and every pushed one.
 */
export function applyPushes(
  milestones: ReadonlyMap<MilestoneId, Milestone>,
  change: ScheduleChange,
  pushes: readonly Push[],
  originalReason: string | undefined,
): Result<readonly PushedEdit[]> {
  const source = milestones.get(change.milestoneId);
  if (!source) return refuse('MILESTONE_NOT_FOUND', `No milestone ${change.milestoneId} in this program.`);
  const sourceDate = change.kind === 'move' ? change.to : change.kind === 'complete' ? change.actualDate : finishOf(source);
  const newDate = new Map<MilestoneId, PlainDate>([[change.milestoneId, sourceDate]]);
  const successorKey = change.kind === 'link' ? milestones.get(change.successorId)?.key : undefined;
  const edits: PushedEdit[] = [];
  for (const p of pushes) {
    const m = milestones.get(p.id);
    const cause = milestones.get(p.cause);
    const causeDate = newDate.get(p.cause);
    if (!m || !cause || causeDate === undefined) return refuse('MILESTONE_NOT_FOUND', `Milestone ${m ? p.cause : p.id} is not loaded.`);
    const how: PushCause =
      p.cause !== change.milestoneId || change.kind === 'move'
        ? 'move'
        : change.kind === 'complete'
          ? 'complete'
          : { link: successorKey ?? p.id, lagDays: change.lagDays };
    const reason = pushReason(cause.key, causeDate, how, originalReason);
    const edit = moveForecast(m, p.to, reason);
    if (!edit.ok) return edit;
    newDate.set(p.id, p.to);
    edits.push({ ...edit.value, reason });
  }
  return ok(edits);
}
