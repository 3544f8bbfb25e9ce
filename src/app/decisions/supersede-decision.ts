import { supersede, type Verdict } from '../../domain/decision.js';
import { permit } from '../../domain/policy.js';
import type { Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import { addLinks, linkTargetsOf, resolveLinks } from '../links.js';
import { must, transact } from '../transact.js';
import { type DecisionView, decisionContext, decisionView } from './decision-view.js';
import {
  checkVersion,
  conflictAfterSave,
  type DecisionTarget,
  insertDecision,
  loadDecision,
  updateDecision,
  writeMeta,
} from './decision-write.js';

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
  return transact(deps.store, async (tx) => {
    const now = deps.clock.now();
    const loaded = await loadDecision(tx, input.actor, input.programId, input.decisionId);
    const { program, access, decision: old } = loaded;
    must(permit(access, 'decision.decide', old, input.actor.id));
    await checkVersion(tx, loaded, input.version, now);
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
    const meta = writeMeta(deps, input.actor, now, input.reason);
    await insertDecision(tx, s.replacement, meta);
    const marked = await updateDecision(tx, old, s.replaced, { ...meta, correlationId: deps.newId() });
    if (!marked) return conflictAfterSave(tx, program, access.programId, old, now);
    const carried = await resolveLinks(tx, access.programId, program.code, await linkTargetsOf(tx, access.programId, 'decision', old.id));
    await addLinks(deps, tx, access.programId, { entity: 'decision', id: s.replacement.next.id, key }, carried, meta);
    const ctx = await decisionContext(tx, [access.programId], now);
    return { replaced: decisionView(ctx, program, s.replaced.next), replacement: decisionView(ctx, program, s.replacement.next) };
  });
}
