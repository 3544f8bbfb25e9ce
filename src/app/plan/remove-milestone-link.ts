import { permit } from '../../domain/policy.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { abort, must, transact } from '../transact.js';
import { byId } from '../views.js';
import { deleteRecord } from '../write-record.js';

export interface RemoveMilestoneLinkInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly linkId: string;
  readonly reason?: string | undefined;
}

/** Removes a dependency; dates stay where they are (nothing is pulled earlier). */
export function removeMilestoneLink(deps: AppDeps, input: RemoveMilestoneLinkInput): Promise<Result<{ id: string }>> {
  return transact(deps.store, async (tx) => {
    const { program, access } = must(await findAccessibleProgram(tx, input.actor, input.programId));
    must(permit(access, 'milestone.link'));
    const link = (await tx.listMilestoneLinks(access.programId)).find((l) => l.id === input.linkId);
    if (!link) return abort({ code: 'MILESTONE_LINK_NOT_FOUND', message: `No dependency "${input.linkId}" in ${program.code}.` });
    const milestones = byId(await tx.listMilestones(access.programId));
    const keyOf = (id: string) => milestones.get(id)?.key ?? id;
    await deleteRecord(
      deps,
      tx,
      {
        entity: 'milestone_link',
        id: link.id,
        programId: program.id,
        entityKey: `${keyOf(link.predecessorId)}→${keyOf(link.successorId)}`,
        actorId: input.actor.id,
        reason: input.reason,
      },
      {
        programId: link.programId,
        predecessorId: link.predecessorId,
        successorId: link.successorId,
        lagDays: link.lagDays,
        version: link.version,
      },
    );
    return { id: link.id };
  });
}
