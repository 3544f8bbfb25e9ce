import { editMilestone, type MilestonePatch } from '../domain/milestone.js';
import type { Result } from '../domain/result.js';
import type { AppDeps } from './deps.js';
import { checkOwner, type MilestoneTarget, writeMilestoneEdit } from './milestone-write.js';
import type { MilestoneView } from './views.js';

export interface UpdateMilestoneInput extends MilestoneTarget {
  readonly patch: MilestonePatch;
  readonly reason?: string | undefined;
}

/** Edits a milestone's name, phase, owner, critical flag or baseline date. */
export function updateMilestone(deps: AppDeps, input: UpdateMilestoneInput): Promise<Result<MilestoneView>> {
  return writeMilestoneEdit(deps, input, 'milestone.edit', input.reason ?? null, async ({ tx, program, milestone }) => {
    await checkOwner(tx, program, input.patch.ownerId);
    return editMilestone(milestone, input.patch, input.reason);
  });
}
