import { type IsoWeek, isoWeekOf, type MyWeekItems, type ProgramWeek, selectMyWeek } from '../domain/my-week.js';
import { addDays, dateInZone, type PlainDate } from '../domain/plain-date.js';
import { accessProgram } from '../domain/policy.js';
import type { Program } from '../domain/program.js';
import type { Actor, AppDeps } from './deps.js';
import { programToday } from './views.js';

export interface MyWeekView extends MyWeekItems {
  /** The current ISO week in the person's own time zone (each program's items use the program's). */
  readonly week: IsoWeek;
  /** The programs the items belong to, by id. */
  readonly programs: ReadonlyMap<string, Program>;
  /** Programs whose week could not be worked out (the error is in `failure`, for the log); the rest is served. */
  readonly unavailable: readonly { readonly program: Program; readonly failure: unknown }[];
}

/**
 * The latest day any program's week can end on now: the end of the ISO week of the date in the zone
 * furthest ahead (UTC+14). Items due after it are due after the week in every program.
 */
export const latestWeekEnd = (now: Date): PlainDate => isoWeekOf(addDays(dateInZone(now, 'UTC'), 1)).end;

/**
 * What the signed-in person must do this week across every program they see (closed programs aside):
 * decisions to make, actions due, closures to confirm, risks to review, milestones to deliver.
 * Only open items the person owns (and done actions where they run the program) are read, filtered in
 * SQL by owner and due date, so the cost follows the person's own work, not the portfolio's size.
 */
export async function myWeek(deps: AppDeps, input: { actor: Actor }): Promise<MyWeekView> {
  const r = deps.store.reads;
  const now = deps.clock.now();
  const actor = input.actor;
  // Where the person runs the cadence, done actions wait for their confirmation.
  const runs = actor.memberships.filter((m) => m.role === 'cadence_owner');
  const confirmIn = {
    programIds: runs.flatMap((m) => (m.programId ? [m.programId] : [])),
    clientIds: runs.flatMap((m) => (m.clientId && !m.programId ? [m.clientId] : [])),
  };
  const [user, owned] = await Promise.all([r.findUser(actor.id), r.listOwnedOpenItems(actor.id, latestWeekEnd(now), confirmIn)]);
  const programIds = new Set<string>();
  for (const list of [
    owned.decisions,
    owned.actions,
    owned.risks,
    owned.milestones,
    owned.confirmations,
    owned.checklistItems,
    owned.reviews,
  ]) {
    for (const i of list) programIds.add(i.programId);
  }
  const programs = await r.findPrograms([...programIds]);
  const weeks: ProgramWeek[] = [];
  const unavailable: { program: Program; failure: unknown }[] = [];
  const visible: Program[] = [];
  const of = <T extends { readonly programId: string }>(items: readonly T[], id: string) => items.filter((i) => i.programId === id);
  for (const program of programs) {
    const access = accessProgram(actor, program);
    if (!access.ok || program.status === 'closed') continue;
    visible.push(program);
    try {
      const isCadenceOwner = access.value.roles.includes('cadence_owner');
      weeks.push({
        programId: program.id,
        programCode: program.code,
        today: programToday(program, now),
        isCadenceOwner,
        decisions: of(owned.decisions, program.id),
        actions: [...of(owned.actions, program.id), ...(isCadenceOwner ? of(owned.confirmations, program.id) : [])],
        risks: of(owned.risks, program.id),
        milestones: of(owned.milestones, program.id),
        checklistItems: of(owned.checklistItems, program.id),
        reviews: of(owned.reviews, program.id),
      });
    } catch (failure) {
      unavailable.push({ program, failure });
    }
  }
  return {
    week: isoWeekOf(dateInZone(now, user?.timeZone ?? 'UTC')),
    programs: new Map(visible.map((p) => [p.id, p])),
    unavailable,
    ...selectMyWeek(actor.id, weeks),
  };
}
