import { type ActionSeverity, openAction as open } from '../../domain/action.js';
import type { UserId } from '../../domain/ids.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { checkOwner } from '../milestone-write.js';
import { noticeActionAssigned } from '../notifications/notify.js';
import { must } from '../transact.js';
import { programWrite } from '../write-sequence.js';
import { type ActionView, actionView } from './action-view.js';
import { resolveMilestoneRef, resolveRiskRef } from './action-write.js';

export interface OpenActionInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly title: string;
  readonly description?: string | undefined;
  /** Must hold a role on the program; none is refused with OWNER_REQUIRED. */
  readonly ownerId?: string | null | undefined;
  readonly dueDate?: PlainDate | null | undefined;
  readonly severity?: ActionSeverity | undefined;
  /** Id or key (M-12) of a milestone of the same program that the action blocks. */
  readonly blocksMilestoneId?: string | null | undefined;
  /** Id or key of a risk of the same program that the action addresses. */
  readonly riskId?: string | null | undefined;
  /** The effectiveness check of a corrective action: when to verify that the fix held. */
  readonly checkDate?: PlainDate | null | undefined;
}

/** Opens an action under the next free key (A-n), owned by a person on the program. */
export function openAction(deps: AppDeps, input: OpenActionInput): Promise<Result<ActionView>> {
  return programWrite(
    deps,
    { programId: input.programId, actor: input.actor, permission: 'action.open' },
    async ({ tx, program, meta }) => {
      await checkOwner(tx, program, input.ownerId);
      const blocksMilestoneId = await resolveMilestoneRef(tx, program, program.id, input.blocksMilestoneId);
      const riskId = await resolveRiskRef(tx, program, program.id, input.riskId);
      const draft = {
        id: deps.newId(),
        programId: program.id,
        title: input.title,
        description: input.description,
        ownerId: (input.ownerId ?? null) as UserId | null,
        dueDate: input.dueDate ?? null,
        severity: input.severity ?? 'medium',
        blocksMilestoneId,
        riskId,
        checkDate: input.checkDate ?? null,
      };
      const { next, changes } = must(open({ ...draft, key: await tx.nextKey(program.id, 'A') }));
      const { id, version: _v, ...values } = next;
      await tx.write({ op: 'insert', entity: 'action', id, programId: program.id, entityKey: next.key, values, changes, meta });
      await noticeActionAssigned(deps, tx, { actorId: meta.actorId, at: meta.at }, program, next);
      return next;
    },
    ({ program, value, now }) => actionView(deps.store.reads, program, program.id, value, now, deps.bareAnswers),
  );
}
