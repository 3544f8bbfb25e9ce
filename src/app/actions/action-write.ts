import type { Action } from '../../domain/action.js';
import type { Edit } from '../../domain/edit.js';
import type { AuthorizedProgramId, ProgramAction } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { type EditContext, editRecord, type RecordKind, viewCommitted } from '../edit-record.js';
import type { Tx } from '../ports.js';
import { abort } from '../transact.js';
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

/** Actions in the one write sequence (app/edit-record.ts). */
export const actionKind: RecordKind<Action, ActionView> = {
  entity: 'action',
  notFound: 'ACTION_NOT_FOUND',
  noun: 'action',
  find: (reads, programId, idOrKey) => reads.findAction(programId, idOrKey),
  view: (reads, program, action, now, _committed, bare) => actionView(reads, program, program.id, action, now, bare),
};

/**
 * Applies a domain edit to an action the caller read at `version` through the one write sequence
 * (app/edit-record.ts): the policy's permission on it (owned items count for "own" grants), the
 * version, the save with its change-log rows; the answer is read after commit.
 */
export async function writeActionEdit(
  deps: AppDeps,
  t: ActionTarget,
  permission: ProgramAction,
  reason: string | null | undefined,
  decide: (ctx: Loaded) => Promise<Result<Edit<Action>>>,
  after?: (ctx: EditContext<Action>, next: Action) => Promise<void>,
): Promise<Result<ActionView>> {
  const committed = await editRecord(
    deps,
    actionKind,
    { programId: t.programId, recordId: t.actionId, version: t.version, actor: t.actor },
    permission,
    reason,
    (ctx) => decide({ tx: ctx.tx, program: ctx.program, programId: ctx.access.programId, action: ctx.record, now: ctx.now }),
    after,
  );
  return viewCommitted(deps, actionKind, committed);
}
