import { moveForecast } from '../domain/milestone.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { Result } from '../domain/result.js';
import type { AppDeps } from './deps.js';
import { type MilestoneTarget, type SavedMilestoneView, writeMilestoneEdit } from './milestone-write.js';

export interface MoveMilestoneInput extends MilestoneTarget {
  readonly forecastDate: PlainDate;
  readonly reason: string;
  /**
   * Versions of the milestones the move pushes, as the caller saw them in a preview (by id or key).
   * When given, a pushed milestone changed since refuses the whole move with VERSION_CONFLICT.
   */
  readonly pushedVersions?: Readonly<Record<string, number>> | undefined;
}

/**
 * Moves a milestone's forecast date, with the reason recorded in the change log; every successor the
 * move pushes later moves with it in the same transaction, each change-logged as "pushed by …".
 */
export function moveMilestone(deps: AppDeps, input: MoveMilestoneInput): Promise<Result<SavedMilestoneView>> {
  return writeMilestoneEdit(
    deps,
    input,
    'milestone.move',
    input.reason,
    async ({ milestone }) => moveForecast(milestone, input.forecastDate, input.reason),
    {
      change: (m) => ({ kind: 'move', milestoneId: m.id, to: input.forecastDate }),
      reason: input.reason,
      seen: input.pushedVersions,
    },
  );
}
