import { decide, type Verdict } from '../../domain/decision.js';
import type { Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import type { DecisionView } from './decision-view.js';
import { type DecisionTarget, writeDecisionEdit } from './decision-write.js';

export interface DecideDecisionInput extends DecisionTarget, Verdict {}

/** The owner decides an open decision: outcome, rationale and expected impact. From then on it never changes. */
export function decideDecision(deps: AppDeps, input: DecideDecisionInput): Promise<Result<DecisionView>> {
  return writeDecisionEdit(deps, input, 'decision.decide', null, async ({ decision, now }) =>
    decide(
      decision,
      { outcome: input.outcome, rationale: input.rationale, expectedImpact: input.expectedImpact },
      input.actor.id,
      now.toISOString(),
    ),
  );
}
