import { requestDecision as request } from '../../domain/decision.js';
import type { UserId } from '../../domain/ids.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { addLinks, type LinkRef, resolveLinks } from '../links.js';
import { must } from '../transact.js';
import { programWrite } from '../write-sequence.js';
import type { DecisionView } from './decision-view.js';
import { viewDecision } from './decision-view.js';
import { checkDecider, insertDecision } from './decision-write.js';

export interface RequestDecisionInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly statement: string;
  readonly context?: string | undefined;
  readonly options?: string | undefined;
  /** Who decides; none is refused with OWNER_REQUIRED. */
  readonly ownerId?: string | null | undefined;
  readonly dueDate?: PlainDate | null | undefined;
  /** Records of the same program it is about: milestones, gates, risks, escalations (by id or key). */
  readonly links?: readonly LinkRef[] | undefined;
}

/**
 * Asks for a decision under the next free key (D-n): a statement, its context and options, the owner
 * who will decide it (a person who may decide on the program) and when it is needed; linked to the
 * records it is about, in one transaction.
 */
export function requestDecision(deps: AppDeps, input: RequestDecisionInput): Promise<Result<DecisionView>> {
  return programWrite(
    deps,
    { programId: input.programId, actor: input.actor, permission: 'decision.request' },
    async (ctx) => {
      const { tx, program } = ctx;
      const ownerId = input.ownerId?.trim() || null;
      const key = await tx.nextKey(program.id, 'D');
      // The domain's refusals (no statement, OWNER_REQUIRED) come first; a refusal rolls the key back.
      const created = must(
        request({
          id: deps.newId(),
          programId: program.id,
          key,
          statement: input.statement,
          context: input.context,
          options: input.options,
          ownerId: ownerId as UserId | null,
          requestedById: input.actor.id,
          dueDate: input.dueDate ?? null,
        }),
      );
      await checkDecider(tx, program, ownerId);
      const targets = await resolveLinks(tx, program.id, program.code, input.links ?? []);
      await insertDecision(tx, created, ctx.meta);
      await addLinks(deps, ctx, program.id, { entity: 'decision', id: created.next.id, key }, targets);
      return created.next;
    },
    ({ program, value, now }) => viewDecision(deps.store.reads, program, program.id, value, now, deps.bareAnswers),
  );
}
