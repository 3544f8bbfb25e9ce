import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { type ActionView, actionView } from './action-view.js';

/** One action by id or key, whatever its status or age: the lists page and leave old closed ones out. */
export async function getAction(deps: AppDeps, input: { programId: string; actionId: string; actor: Actor }): Promise<Result<ActionView>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const a = await r.findAction(access.programId, input.actionId);
  if (!a) return refuse('ACTION_NOT_FOUND', `No action "${input.actionId}" in ${program.code}.`);
  return ok(await actionView(r, program, access.programId, a, deps.clock.now()));
}
