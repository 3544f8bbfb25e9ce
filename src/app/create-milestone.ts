import { asMilestoneId, type UserId } from '../domain/ids.js';
import { createMilestone as create, type Phase } from '../domain/milestone.js';
import type { PlainDate } from '../domain/plain-date.js';
import { permit } from '../domain/policy.js';
import { ok, type Result } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import { findAccessibleProgram } from './get-program.js';
import { checkOwner, view } from './milestone-write.js';
import { must, transact } from './transact.js';
import type { MilestoneView } from './views.js';

export interface CreateMilestoneInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly name: string;
  readonly phase: Phase;
  readonly ownerId?: string | null | undefined;
  readonly baselineDate: PlainDate;
  readonly forecastDate?: PlainDate | undefined;
  readonly isCritical?: boolean | undefined;
  readonly toleranceDays?: number | null | undefined;
  readonly reason?: string | undefined;
}

/** Adds a milestone to a program under the next free key (M-n). */
export async function createMilestone(deps: AppDeps, input: CreateMilestoneInput): Promise<Result<MilestoneView>> {
  const committed = await transact(deps.store, async (tx) => {
    const now = deps.clock.now();
    const { program, access } = must(await findAccessibleProgram(tx, input.actor, input.programId));
    must(permit(access, 'milestone.create'));
    await checkOwner(tx, program, input.ownerId);
    const key = await tx.nextKey(program.id, 'M');
    const { next, changes } = create({
      id: asMilestoneId(deps.newId()),
      programId: program.id,
      key,
      name: input.name,
      phase: input.phase,
      // "" passes checkOwner as "no owner" (the contract allows it), so it is stored as no owner too.
      ownerId: (input.ownerId || null) as UserId | null,
      baselineDate: input.baselineDate,
      forecastDate: input.forecastDate,
      isCritical: input.isCritical,
      toleranceDays: input.toleranceDays,
    });
    const { id, version: _v, ...values } = next;
    await tx.write({
      op: 'insert',
      entity: 'milestone',
      id,
      programId: program.id,
      entityKey: key,
      values,
      changes,
      meta: { actorId: input.actor.id, at: now.toISOString(), reason: input.reason?.trim() || null, correlationId: deps.newId() },
    });
    return { program, milestone: next, now };
  });
  // The answer is read after commit, from committed data: the transaction held only the write.
  if (!committed.ok) return committed;
  const { program, milestone, now } = committed.value;
  return ok(await view(deps.store.reads, program, milestone, now, deps.store, deps.bareAnswers));
}
