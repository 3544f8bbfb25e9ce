import { ok, type Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { type DecisionView, decisionContext, decisionView, logOrder } from './decision-view.js';

/** A program's decision log: every decision, open, decided or superseded, in the order they were asked for. */
export async function listDecisions(deps: AppDeps, input: { programId: string; actor: Actor }): Promise<Result<DecisionView[]>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const ctx = await decisionContext(r, [access.programId], deps.clock.now());
  return ok([...ctx.decisions.values()].map((d) => decisionView(ctx, program, d)).sort(logOrder));
}
