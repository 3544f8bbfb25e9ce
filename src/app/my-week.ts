import type { Gate } from '../domain/gates/gate.js';
import type { OffCourseItem } from '../domain/gates/gate-readiness.js';
import { gatesAtRiskOf } from '../domain/gates/gates-at-risk.js';
import { type IsoWeek, isoWeekOf, type MyWeekItems, type ProgramWeek, selectMyWeek } from '../domain/my-week.js';
import { addDays, dateInZone, type PlainDate } from '../domain/plain-date.js';
import { accessProgram } from '../domain/policy.js';
import type { Program } from '../domain/program.js';
import type { RequestItem } from '../domain/update-requests/update-request.js';
import type { Actor, AppDeps } from './deps.js';
import { type EscalationView, escalationViews } from './escalations/escalation-view.js';
import type { User } from './ports.js';
import { programCalendar, programToday } from './views.js';

/** A gate the person owns that is at risk now, on its program's calendar, with the required items not on course. */
export interface WeekGateAtRisk {
  readonly programId: string;
  readonly programCode: string;
  readonly gate: Gate;
  /** The review milestone's actual date, else its forecast. */
  readonly plannedReviewDate: PlainDate;
  /** Business days from the program's today up to the review (negative once it is past). */
  readonly businessDaysLeft: number;
  readonly items: readonly OffCourseItem[];
}

export interface MyWeekView extends MyWeekItems {
  /** The current ISO week in the person's own time zone (each program's items use the program's). */
  readonly week: IsoWeek;
  /** The programs the items belong to, by id. */
  readonly programs: ReadonlyMap<string, Program>;
  /** Programs whose week could not be worked out (the error is in `failure`, for the log); the rest is served. */
  readonly unavailable: readonly { readonly program: Program; readonly failure: unknown }[];
  /** Gates the person owns that are at risk, by planned review (soonest first). */
  readonly gatesAtRisk: readonly WeekGateAtRisk[];
  /** Escalations the person is the action owner of, not resolved, soonest deadline first (at most 500). */
  readonly escalations: readonly EscalationView[];
  /** The owners of the items those gates name, by id. */
  readonly people: ReadonlyMap<string, User>;
  /** Tollgate asked the person to update these items before a weekly report (asked in the last 8 days), newest first. */
  readonly updateRequests: readonly MyUpdateRequest[];
}

/** A request to update one's items before a program's weekly report. */
export interface MyUpdateRequest {
  readonly id: string;
  readonly programId: string;
  readonly programCode: string;
  readonly week: string;
  readonly askedAt: string;
  readonly items: readonly RequestItem[];
}

/** Requests asked within this many days show in "my week" (a week's request, until its report is out). */
const requestDays = 8;

/**
 * The latest day any program's week can end on now: the end of the ISO week of the date in the zone
 * furthest ahead (UTC+14). Items due after it are due after the week in every program.
 */
export const latestWeekEnd = (now: Date): PlainDate => isoWeekOf(addDays(dateInZone(now, 'UTC'), 1)).end;

/**
 * What the signed-in person must do this week across every program they see (closed programs aside):
 * decisions to make, actions due, closures to confirm, risks to review, milestones to deliver, and the
 * gates they own that are at risk. Only open items the person owns (and done actions where they run the
 * program) and the person's own unsettled gates are read, filtered in SQL by owner and due date, in a
 * fixed number of reads, so the cost follows the person's own work, not the portfolio's size.
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
  const [user, owned, gates, escalations, requests] = await Promise.all([
    r.findUser(actor.id),
    r.listOwnedOpenItems(actor.id, latestWeekEnd(now), confirmIn),
    r.listOwnedGatesForReadiness(actor.id),
    r.listOwnedOpenEscalations(actor.id),
    r.listOwnUpdateRequests(actor.id, new Date(now.getTime() - requestDays * 86_400_000).toISOString()),
  ]);
  const programIds = new Set<string>();
  for (const list of [
    owned.decisions,
    owned.actions,
    owned.risks,
    owned.milestones,
    owned.confirmations,
    owned.checklistItems,
    owned.reviews,
    gates.gates,
    escalations,
    requests,
  ]) {
    for (const i of list) programIds.add(i.programId);
  }
  const programs = await r.findPrograms([...programIds]);
  const weeks: ProgramWeek[] = [];
  const unavailable: { program: Program; failure: unknown }[] = [];
  const visible: Program[] = [];
  const atRisk: WeekGateAtRisk[] = [];
  const of = <T extends { readonly programId: string }>(items: readonly T[], id: string) => items.filter((i) => i.programId === id);
  for (const program of programs) {
    const access = accessProgram(actor, program);
    if (!access.ok || program.status === 'closed') continue;
    visible.push(program);
    try {
      const isCadenceOwner = access.value.roles.includes('cadence_owner');
      const today = programToday(program, now);
      weeks.push({
        programId: program.id,
        programCode: program.code,
        today,
        isCadenceOwner,
        decisions: of(owned.decisions, program.id),
        actions: [...of(owned.actions, program.id), ...(isCadenceOwner ? of(owned.confirmations, program.id) : [])],
        risks: of(owned.risks, program.id),
        milestones: of(owned.milestones, program.id),
        checklistItems: of(owned.checklistItems, program.id),
        reviews: of(owned.reviews, program.id),
      });
      const gatesOf = of(gates.gates, program.id);
      for (const g of gatesOf.length === 0
        ? []
        : gatesAtRiskOf(gatesOf, gates.reviewMilestones, gates.openRequiredItems, today, programCalendar(program))) {
        atRisk.push({
          programId: program.id,
          programCode: program.code,
          gate: g.gate,
          plannedReviewDate: g.plannedReviewDate,
          businessDaysLeft: g.readiness.businessDaysLeft,
          items: g.readiness.items,
        });
      }
    } catch (failure) {
      unavailable.push({ program, failure });
    }
  }
  atRisk.sort((a, b) =>
    a.plannedReviewDate !== b.plannedReviewDate
      ? a.plannedReviewDate < b.plannedReviewDate
        ? -1
        : 1
      : a.programCode !== b.programCode
        ? a.programCode < b.programCode
          ? -1
          : 1
        : a.gate.key.localeCompare(b.gate.key, 'en', { numeric: true }),
  );
  const seen = new Map(visible.map((p) => [p.id as string, p.code]));
  const myEscalations = await escalationViews(
    r,
    escalations.filter((e) => seen.has(e.programId)),
    seen,
    now,
  );
  const ownerIds = [...new Set(atRisk.flatMap((g) => g.items.flatMap((i) => (i.ownerId ? [i.ownerId] : []))))];
  const people = ownerIds.length === 0 ? [] : await r.findUsers(ownerIds);
  return {
    week: isoWeekOf(dateInZone(now, user?.timeZone ?? 'UTC')),
    programs: new Map(visible.map((p) => [p.id, p])),
    unavailable,
    gatesAtRisk: atRisk,
    escalations: myEscalations,
    people: new Map(people.map((u) => [u.id as string, u])),
    updateRequests: requests.flatMap((q) => {
      const code = seen.get(q.programId);
      return code === undefined
        ? []
        : [{ id: q.id, programId: q.programId, programCode: code, week: q.week, askedAt: q.askedAt, items: q.items }];
    }),
    ...selectMyWeek(actor.id, weeks),
  };
}
