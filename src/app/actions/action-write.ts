import type { Action } from '../../domain/action.js';
import type { Edit } from '../../domain/edit.js';
import { type AuthorizedProgramId, type ProgramAction, permit } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import type { Tx } from '../ports.js';
import { abort, must, transact } from '../transact.js';
import { type ActionView, actionView } from './action-view.js';

export interface ActionTarget {
  readonly programId: string;
  /** Id or key. */
  readonly actionId: string;
  /** The version the caller read; a stale one is refused with the current state. */
  readonly version: number;
  readonly actor: Actor;
}

/** A milestone named by id or key, in the same program, as its id; undefined and null pass through. */
export async function resolveMilestoneRef(
  tx: Tx,
  program: Program,
  programId: AuthorizedProgramId,
  ref: string | null | undefined,
): Promise<string | null | undefined> {
  if (ref === undefined || ref === null) return ref;
  const m = await tx.findMilestone(programId, ref.trim());
  return (
    m?.id ??
    abort({
      code: 'LINK_TARGET_NOT_FOUND',
      message: `No milestone "${ref}" in ${program.code} for the action to block.`,
      fields: [{ path: 'blocksMilestoneId', message: 'Not a milestone of this program.' }],
    })
  );
}

/** A risk named by id or key, in the same program, as its id; undefined and null pass through. */
export async function resolveRiskRef(
  tx: Tx,
  program: Program,
  programId: AuthorizedProgramId,
  ref: string | null | undefined,
): Promise<string | null | undefined> {
  if (ref === undefined || ref === null) return ref;
  const r = await tx.findRisk(programId, ref.trim());
  return (
    r?.id ??
    abort({
      code: 'LINK_TARGET_NOT_FOUND',
      message: `No risk "${ref}" in ${program.code} for the action to address.`,
      fields: [{ path: 'riskId', message: 'Not a risk of this program.' }],
    })
  );
}

interface Loaded {
  readonly tx: Tx;
  readonly program: Program;
  readonly programId: AuthorizedProgramId;
  readonly action: Action;
  readonly now: Date;
}

/**
 * Applies a domain edit to an action the caller read at `version`, after the policy allowed the
 * permission on it (owned items count for "own" grants): saves it with its change-log rows in one
 * transaction, or refuses a stale version with the current state.
 */
export function writeActionEdit(
  deps: AppDeps,
  t: ActionTarget,
  permission: ProgramAction,
  reason: string | null | undefined,
  decide: (ctx: Loaded) => Promise<Result<Edit<Action>>>,
): Promise<Result<ActionView>> {
  return transact(deps.store, async (tx) => {
    const now = deps.clock.now();
    const { program, access } = must(await findAccessibleProgram(tx, t.actor, t.programId));
    const action = await tx.findAction(access.programId, t.actionId.trim());
    if (!action) return abort({ code: 'ACTION_NOT_FOUND', message: `No action "${t.actionId}" in ${program.code}.` });
    must(permit(access, permission, action, t.actor.id));
    if (action.version !== t.version) {
      return abort({
        code: 'VERSION_CONFLICT',
        message: `${action.key} was changed by someone else (you read version ${t.version}, it is now ${action.version}).`,
        current: await actionView(tx, program, access.programId, action, now),
      });
    }
    const edit = must(await decide({ tx, program, programId: access.programId, action, now }));
    const { id, programId: _programId, key, version, ...set } = edit.next;
    const saved = await tx.write({
      op: 'update',
      entity: 'action',
      id,
      programId: program.id,
      entityKey: key,
      expectedVersion: version - 1,
      set,
      changes: edit.changes,
      meta: { actorId: t.actor.id, at: now.toISOString(), reason: reason?.trim() || null, correlationId: deps.newId() },
    });
    if (!saved) {
      const current = await tx.findAction(access.programId, action.id);
      return abort({
        code: 'VERSION_CONFLICT',
        message: `${action.key} was changed by someone else while you saved.`,
        current: current ? await actionView(tx, program, access.programId, current, now) : undefined,
      });
    }
    return actionView(tx, program, access.programId, edit.next, now);
  });
}
