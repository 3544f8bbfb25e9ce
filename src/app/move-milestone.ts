import { moveForecast } from '../domain/milestone.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { Result } from '../domain/result.js';
import type { AppDeps } from './deps.js';
import { type MilestoneTarget, writeMilestoneEdit } from './milestone-write.js';
import type { MilestoneView } from './views.js';

export interface MoveMilestoneInput extends MilestoneTarget {
  readonly forecastDate: PlainDate;
  readonly reason: string;
}

/** Moves a milestone's forecast date, with the reason recorded in the change log. */
export function moveMilestone(deps: AppDeps, input: MoveMilestoneInput): Promise<Result<MilestoneView>> {
  return writeMilestoneEdit(deps, input, 'milestone.move', input.reason, async ({ milestone }) =>
    moveForecast(milestone, input.forecastDate, input.reason),
  );
}
