import { asMilestoneId, type UserId } from '../domain/ids.js';
import { createMilestone as create, type Phase } from '../domain/milestone.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { Result } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import { checkOwner, view } from './milestone-write.js';
import { must } from './transact.js';
import type { MilestoneView } from './views.js';
import { programWrite } from './write-sequence.js';

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
export function createMilestone(deps: AppDeps, input: CreateMilestoneInput): Promise<Result<MilestoneView>> {
  const target = { programId: input.programId, actor: input.actor, permission: 'milestone.create', reason: input.reason } as const;
  return programWrite(
    deps,
    target,
    async ({ tx, program, meta }) => {
      await checkOwner(tx, program, input.ownerId);
      const key = await tx.nextKey(program.id, 'M');
      const { next, changes } = must(
        create({
          id: asMilestoneId(deps.newId()),
          programId: program.id,
          key,
          name: input.name,
          phase: input.phase,
          // "" is no owner, which the domain refuses (OWNER_REQUIRED).
          ownerId: (input.ownerId || null) as UserId | null,
          baselineDate: input.baselineDate,
          forecastDate: input.forecastDate,
          isCritical: input.isCritical,
          toleranceDays: input.toleranceDays,
        }),
      );
      const { id, version: _v, ...values } = next;
      await tx.write({ op: 'insert', entity: 'milestone', id, programId: program.id, entityKey: key, values, changes, meta });
      return next;
    },
    ({ program, value, now }) => view(deps.store.reads, program, value, now, deps.store, deps.bareAnswers),
  );
}
