import { supersede, type Verdict } from '../../domain/decision.js';
import type { Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import { recordWrite } from '../edit-record.js';
import { addLinks, linkTargetsOf, resolveLinks } from '../links.js';
import { must } from '../transact.js';
import { type DecisionView, decisionContext, decisionView } from './decision-view.js';
import { conflictAfterSave, type DecisionTarget, decisionKind, insertDecision, updateDecision } from './decision-write.js';

export interface SupersedeDecisionInput extends DecisionTarget, Verdict {
  /** Why the earlier decision no longer holds; kept on both decisions' change-log rows. */
  readonly reason: string;
  /** What is decided now; defaults to the earlier statement. */
  readonly statement?: string | undefined;
}

export interface SupersessionView {
  readonly replaced: DecisionView;
  readonly replacement: DecisionView;
}

/**
 * Changing course: the owner of a decided decision takes a new one (D-n, decided at once) that
 * supersedes it, with a reason. In one transaction the replacement is written decided, the old one is
 * marked superseded (nothing else about it changes), and the replacement takes over the old one's links;
 * every row carries the reason.
 */
export function supersedeDecision(deps: AppDeps, input: SupersedeDecisionInput): Promise<Result<SupersessionView>> {
  const target = { programId: input.programId, recordId: input.decisionId, version: input.version, actor: input.actor };
  return recordWrite(
    deps,
    decisionKind,
    target,
    'decision.decide',
    input.reason,
    async (ctx) => {
      const { tx, program, record: old, now } = ctx;
      const key = await tx.nextKey(program.id, 'D');
      const s = must(
        supersede(
          old,
          {
            id: deps.newId(),
            programId: program.id,
            key,
            statement: input.statement?.trim() || old.statement,
            context: old.context,
            options: old.options,
            ownerId: old.ownerId,
            requestedById: input.actor.id,
            dueDate: old.dueDate,
          },
          { outcome: input.outcome, rationale: input.rationale, expectedImpact: input.expectedImpact },
          input.reason,
          input.actor.id,
          now.toISOString(),
        ),
      );
      // The same instant and reason on both records; each record's write has its own correlation id.
      await insertDecision(tx, s.replacement, ctx.meta);
      const marked = await updateDecision(tx, old, s.replaced, ctx.metaForAnother());
      if (!marked) return conflictAfterSave(tx, program, program.id, old, now);
      const carried = await resolveLinks(tx, program.id, program.code, await linkTargetsOf(tx, program.id, 'decision', old.id));
      await addLinks(deps, ctx, program.id, { entity: 'decision', id: s.replacement.next.id, key }, carried);
      return { replaced: s.replaced.next, replacement: s.replacement.next };
    },
    async ({ program, now, value }) => {
      const ctx = await decisionContext(deps.store.reads, [program.id], now);
      return { replaced: decisionView(ctx, program, value.replaced), replacement: decisionView(ctx, program, value.replacement) };
    },
  );
}
