import type { Action } from '../domain/action.js';
import { type BusinessCalendar, buildCalendar } from '../domain/calendar/build-calendar.js';
import type { CalendarSpec } from '../domain/calendar/calendar-spec.js';
import { dueInBusinessDays } from '../domain/due-in.js';
import { type Health, type HealthReason, type HealthSignals, milestoneHealth } from '../domain/health.js';
import type { Milestone, Phase } from '../domain/milestone.js';
import { dateInZone, type PlainDate } from '../domain/plain-date.js';
import { type Grant, grantFor, type ProgramAccess, type ProgramAction, programActions } from '../domain/policy.js';
import type { Program } from '../domain/program.js';
import type { Role } from '../domain/roles.js';
import type { Client, User } from './ports.js';

export interface MilestoneView {
  readonly milestone: Milestone;
  /** Open actions that block it. */
  readonly blockedBy: readonly Action[];
  readonly owner: User | null;
  readonly health: Health;
  readonly healthReason: HealthReason;
  readonly varianceDays: number;
  /** Business days until the forecast date while it is open and not past; null once done or overdue. */
  readonly dueInBusinessDays: number | null;
  /** Today at the program's factory, which health was computed for. */
  readonly today: PlainDate;
}

export interface ProgramView {
  readonly program: Program;
  /** What the viewer may do here, so that screens show only the controls that will work. */
  readonly can: Readonly<Record<ProgramAction, Grant>>;
  readonly roles: readonly Role[];
  readonly client: Client;
  readonly owner: User | null;
  readonly today: PlainDate;
  /** Whether today at the factory is a working day on the program's calendar. */
  readonly todayIsWorkingDay: boolean;
  readonly currentPhase: Phase | null;
  readonly health: Health;
  readonly healthReason: HealthReason;
  readonly healthMilestone: Milestone | null;
  readonly nextMilestone: Milestone | null;
  readonly nextMilestoneOwner: User | null;
  readonly milestoneCount: number;
  readonly doneCount: number;
  readonly openDecisions: number;
  readonly highRisks: number;
  readonly blockers: number;
  readonly openEscalations: number;
  readonly overdueEscalations: number;
  /** Why the figures above could not be computed (health reads `unavailable`); for the log, never shown. */
  readonly failure: unknown;
}

/** Open actions that block a milestone, by milestone id. */
export function blockersByMilestone(actions: readonly Action[]): Map<string, Action[]> {
  const out = new Map<string, Action[]>();
  for (const a of actions) {
    if (a.status === 'closed' || a.blocksMilestoneId === null) continue;
    const list = out.get(a.blocksMilestoneId);
    if (list) list.push(a);
    else out.set(a.blocksMilestoneId, [a]);
  }
  return out;
}

/** The calendar a program without its own spec keeps: weekends and the factory country's public holidays, days ending 18:00. */
export const defaultCalendarSpec = (p: Program): CalendarSpec => ({
  countries: [{ country: p.factoryCountry }],
  timeZone: p.timeZone,
  endOfDayHour: 18,
});

/** The program's calendar spec: its own, or the default. */
export const programCalendarSpec = (p: Program): CalendarSpec => p.calendarSpec ?? defaultCalendarSpec(p);

// Years built up front; others are built on first use, so answers never depend on this range, only
// the first call's speed does (and use cases take time from the clock port, not from here).
const calendarYears = { from: 2025, to: 2027 } as const;

/** The business calendar of a program (buildCalendar memoizes equal specs). */
export const programCalendar = (p: Program): BusinessCalendar => buildCalendar(programCalendarSpec(p), calendarYears);

/** Today's date where the program's factory is. */
export const programToday = (p: Program, now: Date): PlainDate => dateInZone(now, p.timeZone);

export function milestoneView(
  p: Program,
  m: Milestone,
  today: PlainDate,
  users: ReadonlyMap<string, User>,
  blockers: ReadonlyMap<string, readonly Action[]> = new Map(),
  signals: HealthSignals = {},
): MilestoneView {
  const cal = programCalendar(p);
  const h = milestoneHealth(m, today, cal, p.toleranceDays, signals);
  return {
    milestone: m,
    blockedBy: blockers.get(m.id) ?? [],
    owner: m.ownerId ? (users.get(m.ownerId) ?? null) : null,
    health: h.health,
    healthReason: h.reason,
    varianceDays: h.variance,
    dueInBusinessDays: dueInBusinessDays(m, today, cal),
    today,
  };
}

/** What every program view says whatever its figures: the program, who runs it, what the viewer may do. */
function programHead(p: Program, access: ProgramAccess, client: Client, users: ReadonlyMap<string, User>) {
  return {
    program: p,
    can: Object.fromEntries(programActions.map((a) => [a, grantFor(access, a)])) as Record<ProgramAction, Grant>,
    roles: access.roles,
    client,
    owner: p.ownerId ? (users.get(p.ownerId) ?? null) : null,
  };
}

/** What the portfolio, the program header and the milestone table derive from a program's data. */
export interface ProgramFigures {
  readonly currentPhase: Phase | null;
  readonly health: Health;
  readonly healthReason: HealthReason;
  readonly healthMilestone: Milestone | null;
  readonly nextMilestone: Milestone | null;
  readonly milestoneCount: number;
  readonly doneCount: number;
  readonly openDecisions: number;
  readonly highRisks: number;
  readonly blockers: number;
  /** Escalations not resolved, and those of them overdue (past their deadline unanswered, or expired). */
  readonly openEscalations: number;
  readonly overdueEscalations: number;
}

/** A program's figures, or why they could not be worked out (with what could be counted). */
export type FiguresOrFailure =
  | { readonly ok: true; readonly figures: ProgramFigures }
  | { readonly ok: false; readonly failure: unknown; readonly milestoneCount: number; readonly doneCount: number };

/**
 * A program as the portfolio and its header show it: the program, what the viewer may do, and its
 * derived figures (kept per program revision, app/program-summary.ts). A program whose figures could
 * not be computed stays listed, saying so (health `unavailable`, the error in `failure` for the log),
 * instead of taking the portfolio down.
 */
export function programView(
  p: Program,
  access: ProgramAccess,
  client: Client,
  users: ReadonlyMap<string, User>,
  now: Date,
  summary: FiguresOrFailure,
): ProgramView {
  const today = programToday(p, now);
  const head = { ...programHead(p, access, client, users), today, todayIsWorkingDay: programCalendar(p).isWorkingDay(today) };
  if (!summary.ok) {
    return {
      ...head,
      currentPhase: null,
      health: 'at_risk',
      healthReason: { kind: 'unavailable' },
      healthMilestone: null,
      nextMilestone: null,
      nextMilestoneOwner: null,
      milestoneCount: summary.milestoneCount,
      doneCount: summary.doneCount,
      openDecisions: 0,
      highRisks: 0,
      blockers: 0,
      openEscalations: 0,
      overdueEscalations: 0,
      failure: summary.failure,
    };
  }
  const f = summary.figures;
  return {
    ...head,
    ...f,
    nextMilestoneOwner: f.nextMilestone?.ownerId ? (users.get(f.nextMilestone.ownerId) ?? null) : null,
    failure: null,
  };
}

/** The people a program view names: the program's owner and its next milestone's. */
export const programViewPeople = (p: Program, summary: FiguresOrFailure | undefined): string[] => {
  const ids: string[] = [];
  if (p.ownerId) ids.push(p.ownerId);
  const nextOwner = summary?.ok ? summary.figures.nextMilestone?.ownerId : null;
  if (nextOwner) ids.push(nextOwner);
  return ids;
};

export const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> => new Map(items.map((i) => [i.id, i]));
