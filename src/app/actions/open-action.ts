import { type ActionSeverity, openAction as open } from '../../domain/action.js';
import type { UserId } from '../../domain/ids.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { permit } from '../../domain/policy.js';
import { ok, type Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { checkOwner } from '../milestone-write.js';
import { must, transact } from '../transact.js';
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
export async function openAction(deps: AppDeps, input: OpenActionInput): Promise<Result<ActionView>> {
  const committed = await transact(deps.store, async (tx) => {
    const now = deps.clock.now();
    const { program, access } = must(await findAccessibleProgram(tx, input.actor, input.programId));
    must(permit(access, 'action.open'));
    await checkOwner(tx, program, input.ownerId);
    const blocksMilestoneId = await resolveMilestoneRef(tx, program, access.programId, input.blocksMilestoneId);
    const riskId = await resolveRiskRef(tx, program, access.programId, input.riskId);
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
    await tx.write({
      op: 'insert',
      entity: 'action',
      id,
      programId: program.id,
      entityKey: next.key,
      values,
      changes,
      meta: { actorId: input.actor.id, at: now.toISOString(), reason: null, correlationId: deps.newId() },
    });
    return { program, programId: access.programId, record: next, now };
  });
  // The answer is read after commit, from committed data: the transaction held only the write.
  if (!committed.ok) return committed;
  const { program, programId, record, now } = committed.value;
  return ok(await actionView(deps.store.reads, program, programId, record, now));
}
