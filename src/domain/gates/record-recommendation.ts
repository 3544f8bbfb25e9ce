import { diffFields } from '../change.js';
import type { Edit } from '../edit.js';
import type { UserId } from '../ids.js';
import { ok, type Result, refuse } from '../result.js';
import { type Gate, type GateOutcome, gateFields, type Recommendation } from './gate.js';
import { isGateSettled } from './gate-status.js';
import { isBlank, textProblem } from './gate-text.js';

/**
 * A gatekeeper named on the gate records what they recommend for this review round (a later one
 * replaces their earlier one); anything but a go says why.
 */
export function recordRecommendation(gate: Gate, by: UserId, recommendation: GateOutcome, comment: string, at: string): Result<Edit<Gate>> {
  if (isGateSettled(gate.status)) return refuse('GATE_STATE', `${gate.key} is ${gate.status}; it takes no further recommendation.`);
  if (!gate.gatekeeperIds.includes(by))
    return refuse('GATE_ROLE_REQUIRED', `Only the gatekeepers named on ${gate.key} recommend an outcome.`);
  if (recommendation !== 'go' && isBlank(comment))
    return refuse('REASON_REQUIRED', `Say why you recommend ${recommendation.replace('_', ' ')}.`, [
      { path: 'comment', message: 'Required.' },
    ]);
  const problem = textProblem('comment', comment, 'long');
  if (problem) return refuse('VALIDATION_FAILED', problem.message, [problem]);
  const entry: Recommendation = { gatekeeperId: by, recommendation, comment: comment.trim(), at };
  const next: Gate = {
    ...gate,
    recommendations: [...gate.recommendations.filter((r) => r.gatekeeperId !== by), entry],
    version: gate.version + 1,
  };
  return ok({ next, changes: diffFields(gate, next, gateFields) });
}
