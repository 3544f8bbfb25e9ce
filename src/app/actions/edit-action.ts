import { type ActionPatch, editAction as edit } from '../../domain/action.js';
import type { UserId } from '../../domain/ids.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import { checkOwner } from '../milestone-write.js';
import { noticeActionAssigned } from '../notifications/notify.js';
import type { ActionView } from './action-view.js';
import { type ActionTarget, resolveMilestoneRef, writeActionEdit } from './action-write.js';

export interface EditActionInput extends ActionTarget {
  readonly patch: {
    readonly title?: string | undefined;
    readonly description?: string | undefined;
    readonly ownerId?: string | null | undefined;
    readonly dueDate?: PlainDate | null | undefined;
    readonly severity?: ActionPatch['severity'];
    /** Id or key of a milestone of the same program; null: blocks nothing. */
    readonly blocksMilestoneId?: string | null | undefined;
    readonly checkDate?: PlainDate | null | undefined;
  };
  /** Required when the due date moves. */
  readonly reason?: string | undefined;
}

/** Edits an action that is not closed; a due-date move needs a reason and keeps the first promise. */
export function editAction(deps: AppDeps, input: EditActionInput): Promise<Result<ActionView>> {
  return writeActionEdit(
    deps,
    input,
    'action.edit',
    input.reason,
    async ({ tx, program, programId, action }) => {
      const { patch } = input;
      await checkOwner(tx, program, patch.ownerId);
      const blocksMilestoneId = await resolveMilestoneRef(tx, program, programId, patch.blocksMilestoneId);
      return edit(action, { ...patch, ownerId: patch.ownerId as UserId | null | undefined, blocksMilestoneId }, input.reason);
    },
    async ({ tx, program, record, meta }, next) => {
      // A new owner is told the action is theirs, in the edit's transaction.
      if (next.ownerId !== record.ownerId) await noticeActionAssigned(deps, tx, { actorId: meta.actorId, at: meta.at }, program, next);
    },
  );
}
