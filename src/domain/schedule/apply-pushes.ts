import type { Edit } from '../edit.js';
import type { MilestoneId } from '../ids.js';
import { type Milestone, moveForecast } from '../milestone.js';
import type { PlainDate } from '../plain-date.js';
import { ok, type Result, refuse } from '../result.js';
import type { Push, ScheduleChange } from './propagate.js';

/** The change-log reason of a pushed milestone: which predecessor pushed it, to when, and why it all started. */
export function pushReason(causeKey: string, causeDate: PlainDate, isCompletion: boolean, originalReason: string | undefined): string {
  const what = isCompletion ? `done on ${causeDate}` : `moving to ${causeDate}`;
  const why = originalReason?.trim();
  return why ? `pushed by ${causeKey} ${what}: ${why}` : `pushed by ${causeKey} ${what}`;
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
  const newDate = new Map<MilestoneId, PlainDate>([[change.milestoneId, change.kind === 'move' ? change.to : change.actualDate]]);
  const edits: PushedEdit[] = [];
  for (const p of pushes) {
    const m = milestones.get(p.id);
    const cause = milestones.get(p.cause);
    const causeDate = newDate.get(p.cause);
    if (!m || !cause || causeDate === undefined) return refuse('MILESTONE_NOT_FOUND', `Milestone ${m ? p.cause : p.id} is not loaded.`);
    const isCompletion = change.kind === 'complete' && p.cause === change.milestoneId;
    const reason = pushReason(cause.key, causeDate, isCompletion, originalReason);
    const edit = moveForecast(m, p.to, reason);
    if (!edit.ok) return edit;
    newDate.set(p.id, p.to);
    edits.push({ ...edit.value, reason });
  }
  return ok(edits);
}
