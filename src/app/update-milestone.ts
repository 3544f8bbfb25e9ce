import { editMilestone, type MilestonePatch } from '../domain/milestone.js';
import type { Result } from '../domain/result.js';
import type { AppDeps } from './deps.js';
import { checkOwner, type MilestoneTarget, writeMilestoneEdit } from './milestone-write.js';
import type { MilestoneView } from './views.js';

export interface UpdateMilestoneInput extends MilestoneTarget {
  readonly patch: MilestonePatch;
  readonly reason?: string | undefined;
}

/**
 * Edits a milestone's name, phase, owner, critical flag, tolerance, or (before baseline 0) its
 * planned date.
 */
export function updateMilestone(deps: AppDeps, input: UpdateMilestoneInput): Promise<Result<MilestoneView>> {
  return writeMilestoneEdit(deps, input, 'milestone.edit', input.reason ?? null, async ({ tx, program, milestone }) => {
    await checkOwner(tx, program, input.patch.ownerId);
    // "" passes checkOwner as "no owner" (the contract allows it): it clears the owner like null.
    const patch = input.patch.ownerId === '' ? { ...input.patch, ownerId: null } : input.patch;
    const baselined = (await tx.listBaselines(program.id)).length > 0;
    return editMilestone(milestone, patch, input.reason, baselined);
  });
}
