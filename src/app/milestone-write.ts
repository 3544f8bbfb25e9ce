import type { Edit } from '../domain/edit.js';
import type { Milestone } from '../domain/milestone.js';
import type { ProgramAction } from '../domain/policy.js';
import type { Program } from '../domain/program.js';
import { ok, type Result } from '../domain/result.js';
import type { ScheduleChange } from '../domain/schedule/propagate.js';
import type { Actor, AppDeps } from './deps.js';
import { editRecord, type RecordKind, viewCommitted } from './edit-record.js';
import type { AuthorizedProgram } from './get-program.js';
import { noFacts, signalsFrom } from './plan/plan-facts.js';
import { type PushView, planPushes, writePushes } from './plan/schedule.js';
import type { Reads, Store, Tx } from './ports.js';
import { programSummaries } from './program-summary.js';
import { abort } from './transact.js';
import { byId, type MilestoneView, milestoneView, programToday } from './views.js';

export interface MilestoneTarget {
  readonly programId: string;
  readonly milestoneId: string;
  readonly version: number;
  readonly actor: Actor;
}

/**
 * The milestone as it reads after the write, health signals included, so the answer matches the next
 * list. Built after commit: the program is read again for its new revision, so the figures worked
 * out here are kept for the page's next read.
 */
export async function view(
  reads: Reads,
  program: AuthorizedProgram,
  m: Milestone,
  now: Date,
  committed?: Store,
  bare?: boolean,
): Promise<MilestoneView> {
  if (bare) return milestoneView(program, m, programToday(program, now), new Map());
  // Inside a transaction the program is as read there; after commit it is read again for its new revision.
  const current = committed ? ((await reads.findProgram(program.id)) ?? program) : program;
  const [users, summaries] = await Promise.all([
    reads.findUsers(m.ownerId ? [m.ownerId] : []),
    programSummaries(committed ?? null, reads, [{ program: { ...current, id: program.id }, id: program.id }], now),
  ]);
  const s = summaries.get(program.id);
  const facts = s?.ok ? s.facts : noFacts;
  return milestoneView(program, m, programToday(program, now), byId(users), facts.blockersById, signalsFrom(facts)(m));
}

/** An owner must be a person who holds a role on the program, so nobody outside it owns its items. */
export async function checkOwner(tx: Tx, program: Program, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  // A role on the program is a membership on it or on its client (rolesOn), of a person not removed.
  if (!(await tx.listMembersOn(program)).some((m) => m.userId === ownerId)) {
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

/** Milestones in the one write sequence (app/edit-record.ts). */
export const milestoneKind: RecordKind<Milestone, MilestoneView> = {
  entity: 'milestone',
  notFound: 'MILESTONE_NOT_FOUND',
  noun: 'milestone',
  find: (reads, programId, idOrKey) => reads.findMilestone(programId, idOrKey),
  view,
};

/**
 * Applies a domain edit to a milestone the caller read at `version` through the one write sequence
 * (app/edit-record.ts): refuses a stale version with the current state, and otherwise saves it with
 * its change-log rows in one transaction. With a cascade, every successor the change pushes later is
 * saved in the same transaction, each with its own change-log entry ("pushed by M-12 moving to …:
 * reason"). The answer is read after commit.
 */
export async function writeMilestoneEdit(
  deps: AppDeps,
  t: MilestoneTarget,
  action: ProgramAction,
  reason: string | null,
  decide: (ctx: { tx: Tx; program: AuthorizedProgram; milestone: Milestone; now: Date }) => Promise<Result<Edit<Milestone>>>,
  cascade?: Cascade,
): Promise<Result<SavedMilestoneView>> {
  let planned: Awaited<ReturnType<typeof planPushes>> | null = null;
  let change: ScheduleChange | undefined;
  // With a cascade the whole plan is read anyway: the milestone is found in it, read once.
  let plan: readonly Milestone[] | undefined;
  const kind: RecordKind<Milestone, MilestoneView> = cascade
    ? {
        ...milestoneKind,
        find: async (reads, programId, idOrKey) => {
          plan = await reads.listMilestones(programId);
          return plan.find((m) => m.id === idOrKey || m.key === idOrKey.toUpperCase()) ?? null;
        },
      }
    : milestoneKind;
  const committed = await editRecord(
    deps,
    kind,
    { programId: t.programId, recordId: t.milestoneId, version: t.version, actor: t.actor },
    action,
    reason,
    async (ctx) => {
      const edit = await decide({ tx: ctx.tx, program: ctx.program, milestone: ctx.record, now: ctx.now });
      // Worked out on the plan as it stands before this edit, so the domain sees the old dates.
      change = edit.ok ? cascade?.change(ctx.record) : undefined;
      planned = change ? await planPushes(ctx.tx, ctx.program, change, plan) : null;
      return edit;
    },
    async (ctx) =>
      change && planned
        ? writePushes(
            ctx.tx,
            change,
            planned,
            cascade?.reason,
            { actorId: t.actor.id, at: ctx.meta.at, correlationId: ctx.meta.correlationId },
            cascade?.seen,
          )
        : [],
  );
  const saved = await viewCommitted(deps, milestoneKind, committed);
  return saved.ok && committed.ok ? ok({ ...saved.value, pushed: committed.value.extra }) : (saved as Result<never>);
}
