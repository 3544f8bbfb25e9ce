import type { ActionStatus } from '../../domain/action.js';
import { ok, type Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { type ActionView, actionOrder, actionViews } from './action-view.js';

export interface ListActionsInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly status?: ActionStatus | 'all' | undefined;
  /** A person's id, or "me". */
  readonly ownerId?: string | undefined;
}

/** A program's actions in work order, each saying whether it is overdue in the program's zone. */
export async function listActions(deps: AppDeps, input: ListActionsInput): Promise<Result<ActionView[]>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const status = input.status ?? 'all';
  const ownerId = input.ownerId === 'me' ? input.actor.id : input.ownerId;
  const actions = (await r.listActions([access.programId]))
    .filter((a) => (status === 'all' || a.status === status) && (ownerId === undefined || a.ownerId === ownerId))
    .sort(actionOrder);
  return ok(await actionViews(r, program, access.programId, actions, deps.clock.now()));
}
