import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { type DecisionView, viewDecision } from './decision-view.js';

/** One decision by id or key (D-7), with its chain and links. */
export async function getDecision(
  deps: AppDeps,
  input: { programId: string; decisionId: string; actor: Actor },
): Promise<Result<DecisionView>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const d = await r.findDecision(access.programId, input.decisionId);
  if (!d) return refuse('DECISION_NOT_FOUND', `No decision "${input.decisionId}" in ${program.code}.`);
  return ok(await viewDecision(r, program, access.programId, d, deps.clock.now()));
}
