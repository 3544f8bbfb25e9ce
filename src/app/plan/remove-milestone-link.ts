import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { abort } from '../transact.js';
import { byId } from '../views.js';
import { deleteRecord } from '../write-record.js';
import { programWrite } from '../write-sequence.js';

export interface RemoveMilestoneLinkInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly linkId: string;
  readonly reason?: string | undefined;
}

/** Removes a dependency; dates stay where they are (nothing is pulled earlier). */
export function removeMilestoneLink(deps: AppDeps, input: RemoveMilestoneLinkInput): Promise<Result<{ id: string }>> {
  const target = { programId: input.programId, actor: input.actor, permission: 'milestone.link', reason: input.reason } as const;
  return programWrite(deps, target, async ({ tx, program, meta }) => {
    const link = (await tx.listMilestoneLinks(program.id)).find((l) => l.id === input.linkId);
    if (!link) return abort({ code: 'MILESTONE_LINK_NOT_FOUND', message: `No dependency "${input.linkId}" in ${program.code}.` });
    const milestones = byId(await tx.listMilestones(program.id));
    const keyOf = (id: string) => milestones.get(id)?.key ?? id;
    await deleteRecord(
      deps,
      tx,
      {
        entity: 'milestone_link',
        id: link.id,
        programId: program.id,
        entityKey: `${keyOf(link.predecessorId)}→${keyOf(link.successorId)}`,
        meta,
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
