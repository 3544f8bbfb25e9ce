import type { Edit } from '../../domain/edit.js';
import type { MilestoneId } from '../../domain/ids.js';
import type { Milestone } from '../../domain/milestone.js';
import type { MilestoneLink } from '../../domain/milestone-link.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { AuthorizedProgramId } from '../../domain/policy.js';
import type { Result } from '../../domain/result.js';
import { applyPushes, type PushedEdit } from '../../domain/schedule/apply-pushes.js';
import { buildDependencyGraph, type DependencyGraph } from '../../domain/schedule/dependency-graph.js';
import { type Push, propagateChange, type ScheduleChange } from '../../domain/schedule/propagate.js';
import type { AuthorizedProgram } from '../get-program.js';
import type { Reads, Tx, WriteMeta } from '../ports.js';
import { abort, must } from '../transact.js';
import { programCalendar } from '../views.js';

/** A push as people see it: which milestone moves, from → to, and which predecessor pushed it. */
export interface PushView {
  readonly id: MilestoneId;
  readonly key: string;
  readonly name: string;
  readonly from: PlainDate;
  readonly to: PlainDate;
  /** The milestone's version when the pushes were worked out; a confirmed move may insist on it. */
  readonly version: number;
  readonly cause: { readonly id: MilestoneId; readonly key: string };
  /** The new date is counted across days whose official calendar is not yet published. */
  readonly provisional: boolean;
}

/** The program's milestones (by id) and its dependency graph, read in one go. */
export async function loadSchedule(
  reads: Reads,
  programId: AuthorizedProgramId,
): Promise<Result<{ milestones: Map<MilestoneId, Milestone>; graph: DependencyGraph }>> {
  const [list, links] = await Promise.all([reads.listMilestones(programId), reads.listMilestoneLinks(programId)]);
  return scheduleOf(list, links);
}

/** The milestones (by id) and dependency graph of a plan already read. */
export function scheduleOf(
  list: readonly Milestone[],
  links: readonly MilestoneLink[],
): Result<{ milestones: Map<MilestoneId, Milestone>; graph: DependencyGraph }> {
  const graph = buildDependencyGraph(list, links);
  if (!graph.ok) return graph;
  return { ok: true, value: { milestones: new Map(list.map((m) => [m.id, m])), graph: graph.value } };
}

/** The pushes a change would cause, named for people. */
export function pushViews(
  milestones: ReadonlyMap<MilestoneId, Milestone>,
  pushes: readonly Push[],
  cal?: { provisionalBetween(from: PlainDate, to: PlainDate): boolean },
): PushView[] {
  return pushes.map((p) => {
    const m = milestones.get(p.id) as Milestone;
    const cause = milestones.get(p.cause) as Milestone;
    return {
      id: p.id,
      key: m.key,
      name: m.name,
      from: p.from,
      to: p.to,
      version: m.version,
      cause: { id: cause.id, key: cause.key },
      provisional: cal ? cal.provisionalBetween(p.from, p.to) : false,
    };
  });
}

/** Works out the pushes of a change to a milestone of the program, before anything is written. */
export async function planPushes(
  reads: Reads,
  program: AuthorizedProgram,
  change: ScheduleChange,
  /** The program's milestones when the caller read them already in the same transaction. */
  read?: readonly Milestone[],
): Promise<{ pushes: readonly Push[]; milestones: Map<MilestoneId, Milestone> }> {
  const { milestones, graph } = must(
    read ? scheduleOf(read, await reads.listMilestoneLinks(program.id)) : await loadSchedule(reads, program.id),
  );
  const pushes = must(propagateChange(programCalendar(program), graph, change));
  return { pushes, milestones };
}

/**
 * Writes every push of a change, each as its own change-log entry with the "pushed by …" reason, in
 * the caller's transaction. A pushed milestone that changed since it was read (or since the version
 * the caller saw in a preview, `seen`) aborts the whole transaction with VERSION_CONFLICT.
 */
export async function writePushes(
  tx: Tx,
  change: ScheduleChange,
  planned: { pushes: readonly Push[]; milestones: Map<MilestoneId, Milestone> },
  originalReason: string | undefined,
  meta: Omit<WriteMeta, 'reason'>,
  seen: Readonly<Record<string, number>> = {},
): Promise<PushView[]> {
  const views = pushViews(planned.milestones, planned.pushes);
  for (const v of views) {
    const expected = seen[v.id] ?? seen[v.key];
    if (expected !== undefined && expected !== v.version) {
      abort({
        code: 'VERSION_CONFLICT',
        message: `${v.key}, which this ${change.kind === 'link' ? 'link' : 'move'} pushes, was changed by someone else (you saw version ${expected}, it is now ${v.version}); preview the ${change.kind === 'link' ? 'link' : 'move'} again.`,
      });
    }
  }
  const edits: readonly PushedEdit[] = must(applyPushes(planned.milestones, change, planned.pushes, originalReason));
  await writeMilestoneEdits(
    tx,
    edits,
    meta,
    (key) => `${key}, which this change pushes, was changed by someone else while saving; try again.`,
  );
  return views;
}

/**
 * Writes milestones edited in the domain (each `next` one version on from the row it was read as), each
 * with its own reason under one correlation id; a row changed since it was read aborts the whole
 * transaction with VERSION_CONFLICT in `conflict`'s words.
 */
export async function writeMilestoneEdits(
  tx: Tx,
  edits: readonly (Edit<Milestone> & { readonly reason: string })[],
  meta: Omit<WriteMeta, 'reason'>,
  conflict: (key: string) => string,
): Promise<void> {
  for (const edit of edits) {
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
      meta: { ...meta, reason: edit.reason },
    });
    if (!saved) abort({ code: 'VERSION_CONFLICT', message: conflict(key) });
  }
}
