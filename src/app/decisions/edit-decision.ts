import { editDecision as edit } from '../../domain/decision.js';
import type { UserId } from '../../domain/ids.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import type { DecisionView } from './decision-view.js';
import { checkDecider, type DecisionTarget, writeDecisionEdit } from './decision-write.js';

export interface EditDecisionInput extends DecisionTarget {
  readonly patch: {
    readonly statement?: string | undefined;
    readonly context?: string | undefined;
    readonly options?: string | undefined;
    readonly ownerId?: string | undefined;
    readonly dueDate?: PlainDate | null | undefined;
  };
}

/** Rewords, re-assigns or re-dates an open decision (the cadence owner, or its owner); a decided one never changes. */
export function editDecision(deps: AppDeps, input: EditDecisionInput): Promise<Result<DecisionView>> {
  return writeDecisionEdit(deps, input, 'decision.edit', null, async ({ tx, program, decision }) => {
    const result = edit(decision, { ...input.patch, ownerId: input.patch.ownerId as UserId | undefined });
    // A closed decision is refused as closed before its new owner is looked at.
    if (result.ok && input.patch.ownerId !== undefined) await checkDecider(tx, program, input.patch.ownerId);
    return result;
  });
}
