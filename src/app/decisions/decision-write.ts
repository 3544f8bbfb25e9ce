import type { Decision } from '../../domain/decision.js';
import type { Edit } from '../../domain/edit.js';
import { type AuthorizedProgramId, type ProgramAction, policy } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { Result } from '../../domain/result.js';
import { type Role, roles, rolesOn } from '../../domain/roles.js';
import type { Actor, AppDeps } from '../deps.js';
import { editRecord, type RecordKind, viewCommitted } from '../edit-record.js';
import type { Tx, WriteMeta } from '../ports.js';
import { abort } from '../transact.js';
import { type DecisionView, viewDecision } from './decision-view.js';

// What the decision use cases share: checking who may own a decision, and writing one through the one
// write path.

export interface DecisionTarget {
  readonly programId: string;
  readonly decisionId: string;
  /** The version the caller read; a write over another is refused with VERSION_CONFLICT. */
  readonly version: number;
  readonly actor: Actor;
}

const roleWord = (r: Role) => r.replace(/_/g, ' ');
const deciders = roles.filter((r) => policy['decision.decide'][r] !== 'no');

/**
 * A decision's owner must be able to decide it: a person holding a role on the program that the
 * policy lets decide (decision.decide), so a contributor or an observer never owns a decision.
 */
export async function checkDecider(tx: Tx, program: Program, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const user = await tx.findUser(ownerId);
  const memberships = user && user.status !== 'removed' ? await tx.listMemberships(user.id) : [];
  const held = user ? rolesOn({ ...user, memberships }, program) : [];
  if (!user || !held.some((r) => deciders.includes(r))) {
    abort({
      code: 'USER_NOT_FOUND',
      message: `No person with id "${ownerId}" holds a role on ${program.code} that decides (${deciders.map(roleWord).join(', ')}).`,
      fields: [{ path: 'ownerId', message: 'Not a decision owner, cadence owner or quality owner of this program.' }],
    });
  }
}

export async function insertDecision(tx: Tx, e: Edit<Decision>, meta: WriteMeta): Promise<void> {
  const { id, version: _v, ...values } = e.next;
  await tx.write({
    op: 'insert',
    entity: 'decision',
    id,
    programId: e.next.programId as Program['id'],
    entityKey: e.next.key,
    values,
    changes: e.changes,
    meta,
  });
}

/** Saves an edit of a decision read at `before.version`; false when someone else saved in between. */
export async function updateDecision(tx: Tx, before: Decision, e: Edit<Decision>, meta: WriteMeta): Promise<boolean> {
  const { id, programId, key, version: _v, requestedById: _r, ...set } = e.next;
  return tx.write({
    op: 'update',
    entity: 'decision',
    id,
    programId: programId as Program['id'],
    entityKey: key,
    expectedVersion: before.version,
    set,
    changes: e.changes,
    meta,
  });
}

/** Aborts with the state as saved by the other writer when a save found the version moved on. */
export async function conflictAfterSave(tx: Tx, program: Program, programId: AuthorizedProgramId, d: Decision, now: Date): Promise<never> {
  const current = await tx.findDecision(programId, d.id);
  return abort({
    code: 'VERSION_CONFLICT',
    message: `${d.key} was changed by someone else while you saved.`,
    current: current ? await viewDecision(tx, program, programId, current, now) : undefined,
  });
}

/** Decisions in the one write sequence (app/edit-record.ts); who requested one never changes. */
export const decisionKind: RecordKind<Decision, DecisionView> = {
  entity: 'decision',
  notFound: 'DECISION_NOT_FOUND',
  noun: 'decision',
  find: (reads, programId, idOrKey) => reads.findDecision(programId, idOrKey),
  view: (reads, program, d, now, _committed, bare) => viewDecision(reads, program, program.id, d, now, bare),
  columns: ({ id: _id, programId: _p, key: _k, version: _v, requestedById: _r, ...set }) => set,
};

/**
 * Applies a domain edit to a decision the caller read at `version` through the one write sequence
 * (app/edit-record.ts), after the policy allows `action` on it (own: the decision's owner); the answer
 * is read after commit.
 */
export async function writeDecisionEdit(
  deps: AppDeps,
  t: DecisionTarget,
  action: ProgramAction,
  reason: string | null,
  decide: (ctx: { tx: Tx; program: Program; decision: Decision; now: Date }) => Promise<Result<Edit<Decision>>>,
): Promise<Result<DecisionView>> {
  const committed = await editRecord(
    deps,
    decisionKind,
    { programId: t.programId, recordId: t.decisionId, version: t.version, actor: t.actor },
    action,
    reason,
    (ctx) => decide({ tx: ctx.tx, program: ctx.program, decision: ctx.record, now: ctx.now }),
  );
  return viewCommitted(deps, decisionKind, committed);
}
