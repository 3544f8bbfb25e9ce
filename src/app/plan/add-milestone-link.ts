import type { MilestoneId } from '../../domain/ids.js';
import type { Milestone } from '../../domain/milestone.js';
import type { MilestoneLink } from '../../domain/milestone-link.js';
import type { AuthorizedProgramId } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { Result } from '../../domain/result.js';
import { checkNewLink } from '../../domain/schedule/check-new-link.js';
import { type Push, propagateChange, type ScheduleChange } from '../../domain/schedule/propagate.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import type { Reads } from '../ports.js';
import { abort, attempt, must } from '../transact.js';
import { programCalendar } from '../views.js';
import { insertRecord } from '../write-record.js';
import { programWrite } from '../write-sequence.js';
import { type MilestoneLinkView, milestoneLinkView } from './milestone-link-view.js';
import { type PushView, pushViews, scheduleOf, writePushes } from './schedule.js';

export interface AddMilestoneLinkInput {
  readonly programId: string;
  readonly actor: Actor;
  /** Milestone id or key (M-12). */
  readonly predecessor: string;
  readonly successor: string;
  /** Business days from the predecessor's finish; 0 by default. */
  readonly lagDays?: number | undefined;
  readonly reason?: string | undefined;
  /**
   * Versions of the milestones the link pushes, as the caller saw them in the preview (by id or key).
   * When given, a pushed milestone changed since refuses the link with VERSION_CONFLICT.
   */
  readonly pushedVersions?: Readonly<Record<string, number>> | undefined;
}

/** A new link and the milestones it pushed later to keep it. */
export interface AddedMilestoneLinkView extends MilestoneLinkView {
  readonly pushed: readonly PushView[];
}

/** What adding a link would do, read-only: the pushes it implies, each with the version it was worked out on. */
export interface LinkPreview {
  readonly pushes: readonly PushView[];
}

/**
 * The checks a new link passes and the pushes it implies, on the plan as read: both ends found in the
 * program (refusals name the request's field), not a link onto itself, no cycle, not already there.
 */
async function planLink(
  reads: Reads,
  program: Program & { readonly id: AuthorizedProgramId },
  input: Pick<AddMilestoneLinkInput, 'predecessor' | 'successor' | 'lagDays'>,
): Promise<{
  predecessor: Milestone;
  successor: Milestone;
  lagDays: number;
  change: ScheduleChange;
  pushes: readonly Push[];
  milestones: Map<MilestoneId, Milestone>;
}> {
  // One read of the plan: both ends are found in it, by id or key as findMilestone finds them (M-12, m-12).
  const [list, existing] = await Promise.all([reads.listMilestones(program.id), reads.listMilestoneLinks(program.id)]);
  const find = (ref: string, path: string) => {
    const r = ref.trim();
    return (
      list.find((m) => m.id === r || m.key === r.toUpperCase()) ??
      abort({
        code: 'MILESTONE_NOT_FOUND',
        message: `No milestone "${ref}" in ${program.code}.`,
        fields: [{ path, message: `No milestone "${ref}" in ${program.code}.` }],
      })
    );
  };
  const predecessor = find(input.predecessor, 'predecessor');
  const successor = find(input.successor, 'successor');
  const { graph, milestones } = must(scheduleOf(list, existing));
  const lagDays = input.lagDays ?? 0;
  must(checkNewLink(graph, { predecessorId: predecessor.id, successorId: successor.id, lagDays }));
  if (existing.some((l) => l.predecessorId === predecessor.id && l.successorId === successor.id)) {
    abort({ code: 'LINK_EXISTS', message: `${successor.key} already depends on ${predecessor.key}.` });
  }
  const change: ScheduleChange = { kind: 'link', milestoneId: predecessor.id, successorId: successor.id, lagDays };
  const pushes = must(propagateChange(programCalendar(program), graph, change));
  return { predecessor, successor, lagDays, change, pushes, milestones };
}

/**
 * What adding a link would push, without adding it: for anyone who sees the program, as the move
 * preview. Refuses what adding would refuse (a cycle, a link onto itself, a pair already linked).
 */
export async function previewMilestoneLink(
  deps: AppDeps,
  input: Pick<AddMilestoneLinkInput, 'programId' | 'actor' | 'predecessor' | 'successor' | 'lagDays'>,
): Promise<Result<LinkPreview>> {
  const found = await findAccessibleProgram(deps.store.reads, input.actor, input.programId);
  if (!found.ok) return found;
  const program = { ...found.value.program, id: found.value.access.programId };
  return attempt(async () => {
    const plan = await planLink(deps.store.reads, program, input);
    return { pushes: pushViews(plan.milestones, plan.pushes, programCalendar(program)) };
  });
}

/**
 * Makes one milestone depend on another (finish-to-start, with a lag). Refuses a milestone linked to
 * itself, a link that would close a cycle (naming it, M-3 → M-5 → M-3) and a pair already linked. A
 * successor the link's dates already violate moves to the date the link requires, and its successors
 * with it, in the same transaction, each change-logged "pushed by the new link …" (see the preview).
 */
export function addMilestoneLink(deps: AppDeps, input: AddMilestoneLinkInput): Promise<Result<AddedMilestoneLinkView>> {
  // The no-cycle rule reads every link of the program: links added at once on two instances take turns.
  const target = {
    programId: input.programId,
    actor: input.actor,
    permission: 'milestone.link',
    locksProgram: true,
    reason: input.reason,
  } as const;
  return programWrite(
    deps,
    target,
    async ({ tx, program, meta }) => {
      const plan = await planLink(tx, program, input);
      const { predecessor, successor, lagDays } = plan;
      const link: MilestoneLink = {
        id: deps.newId(),
        programId: program.id,
        predecessorId: predecessor.id,
        successorId: successor.id,
        lagDays,
        version: 1,
      };
      await insertRecord(
        deps,
        tx,
        { entity: 'milestone_link', id: link.id, programId: program.id, entityKey: `${predecessor.key}→${successor.key}`, meta },
        { programId: link.programId, predecessorId: link.predecessorId, successorId: link.successorId, lagDays },
      );
      const pushed = await writePushes(
        tx,
        plan.change,
        plan,
        meta.reason ?? undefined,
        { actorId: meta.actorId, at: meta.at, correlationId: meta.correlationId },
        input.pushedVersions,
      );
      return { link, pushed, ends: [predecessor, successor] };
    },
    // Both ends as committed, named; a bare answer (AppDeps.bareAnswers) names them as the write read them.
    async ({ program, value: { link, pushed, ends } }) => {
      const committed = deps.bareAnswers
        ? ends
        : await Promise.all([link.predecessorId, link.successorId].map((id) => deps.store.reads.findMilestone(program.id, id)));
      return { ...milestoneLinkView(link, new Map(committed.flatMap((m) => (m ? [[m.id as string, m]] : [])))), pushed };
    },
  );
}
