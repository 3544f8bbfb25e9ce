import type { Edit } from '../domain/edit.js';
import type { Milestone } from '../domain/milestone.js';
import { type AuthorizedProgramId, type ProgramAction, permit } from '../domain/policy.js';
import type { Program } from '../domain/program.js';
import type { Result } from '../domain/result.js';
import { rolesOn } from '../domain/roles.js';
import type { ScheduleChange } from '../domain/schedule/propagate.js';
import type { Actor, AppDeps } from './deps.js';
import { type AuthorizedProgram, findAccessibleProgram } from './get-program.js';
import { loadPlanFacts, noFacts, signalsFrom } from './plan/plan-facts.js';
import { type PushView, planPushes, writePushes } from './plan/schedule.js';
import type { Reads, Tx } from './ports.js';
import { abort, must, transact } from './transact.js';
import { byId, type MilestoneView, milestoneView, programToday } from './views.js';

export interface MilestoneTarget {
  readonly programId: string;
  readonly milestoneId: string;
  readonly version: number;
  readonly actor: Actor;
}

/** Loads program and milestone inside the transaction, refusing when either is missing. */
async function load(tx: Tx, t: MilestoneTarget, action: ProgramAction): Promise<{ program: AuthorizedProgram; milestone: Milestone }> {
  const { program, access } = must(await findAccessibleProgram(tx, t.actor, t.programId));
  const milestone = await tx.findMilestone(access.programId, t.milestoneId);
  if (!milestone) return abort({ code: 'MILESTONE_NOT_FOUND', message: `No milestone "${t.milestoneId}" in ${program.code}.` });
  must(permit(access, action, milestone, t.actor.id));
  return { program, milestone };
}

/** The milestone as it reads after the write, health signals included, so the answer matches the next list. */
export async function view(tx: Reads, program: AuthorizedProgram, m: Milestone, now: Date): Promise<MilestoneView> {
  const id = program.id;
  const [users, milestones, actions] = await Promise.all([tx.listUsers(), tx.listMilestones(id), tx.listActions([id])]);
  const facts =
    (
      await loadPlanFacts(
        tx,
        [{ program, id }],
        now,
        () => milestones,
        () => actions,
      )
    ).get(program.id) ?? noFacts;
  return milestoneView(program, m, programToday(program, now), byId(users), facts.blockersById, signalsFrom(facts)(m));
}

/** An owner must be a person who holds a role on the program, so nobody outside it owns its items. */
export async function checkOwner(tx: Tx, program: Program, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const user = await tx.findUser(ownerId);
  const memberships = user && user.status !== 'removed' ? await tx.listMemberships(user.id) : [];
  if (!user || rolesOn({ ...user, memberships }, program).length === 0) {
    abort({
      code: 'USER_NOT_FOUND',
      message: `No person with id "${ownerId}" holds a role on ${program.code}.`,
      fields: [{ path: 'ownerId', message: 'Not a member of this program.' }],
    });
  }
}

/** A saved milestone and the successors its change pushed later (none for edits that move no date). */
export interface SavedMilestoneView extends MilestoneView {
  readonly pushed: readonly PushView[];
}

/**
 * How a date change reaches the milestone's successors: the schedule change it makes, the reason the
 * pushes quote, and the versions of pushed milestones the caller saw in a preview (checked when given).
 */
export interface Cascade {
  readonly change: (m: Milestone) => ScheduleChange;
  readonly reason: string | undefined;
  readonly seen?: Readonly<Record<string, number>> | undefined;
}

/**
 * Applies a domain edit to a milestone the caller read at `version`: refuses a stale version with
 * the current state, and otherwise saves it with its change-log rows in one transaction. With a
 * cascade, every successor the change pushes later is saved in the same transaction, each with its
 * own change-log entry ("pushed by M-12 moving to …: reason").
 */
export function writeMilestoneEdit(
  deps: AppDeps,
  t: MilestoneTarget,
  action: ProgramAction,
  reason: string | null,
  decide: (ctx: { tx: Tx; program: AuthorizedProgram; milestone: Milestone; now: Date }) => Promise<Result<Edit<Milestone>>>,
  cascade?: Cascade,
): Promise<Result<SavedMilestoneView>> {
  return transact(deps.store, async (tx) => {
    const now = deps.clock.now();
    const { program, milestone } = await load(tx, t, action);
    if (milestone.version !== t.version) {
      return abort({
        code: 'VERSION_CONFLICT',
        message: `${milestone.key} was changed by someone else (you read version ${t.version}, it is now ${milestone.version}).`,
        current: await view(tx, program, milestone, now),
      });
    }
    const edit = must(await decide({ tx, program, milestone, now }));
    // Worked out on the plan as it stands before this edit, so the domain sees the old dates.
    const change = cascade?.change(milestone);
    const planned = change ? await planPushes(tx, program, change) : null;
    const correlationId = deps.newId();
    const { id, programId, key, version, ...set } = edit.next;
    const saved = await tx.write({
      op: 'update',
      entity: 'milestone',
      id,
      programId,
      entityKey: key,
      expectedVersion: version - 1,
      set,
      changes: edit.changes,
      meta: { actorId: t.actor.id, at: now.toISOString(), reason: reason?.trim() || null, correlationId },
    });
    if (!saved) {
      const current = await tx.findMilestone(program.id, milestone.id);
      return abort({
        code: 'VERSION_CONFLICT',
        message: `${milestone.key} was changed by someone else while you saved.`,
        current: current ? await view(tx, program, current, now) : undefined,
      });
    }
    const pushed =
      change && planned
        ? await writePushes(
            tx,
            change,
            planned,
            cascade?.reason,
            { actorId: t.actor.id, at: now.toISOString(), correlationId },
            cascade?.seen,
          )
        : [];
    return { ...(await view(tx, program, edit.next, now)), pushed };
  });
}
