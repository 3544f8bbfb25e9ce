import type { WorkingDays } from '../domain/business-days.js';
import { mondayToFriday } from '../domain/business-days.js';
import { currentPhase, type Health, type HealthReason, milestoneHealth, nextMilestone, programHealth } from '../domain/health.js';
import type { Milestone, Phase } from '../domain/milestone.js';
import { dateInZone, type PlainDate } from '../domain/plain-date.js';
import { type Grant, grantFor, type ProgramAccess, type ProgramAction, programActions } from '../domain/policy.js';
import type { Program } from '../domain/program.js';
import type { Role } from '../domain/roles.js';
import type { Client, User } from './ports.js';

export interface MilestoneView {
  readonly milestone: Milestone;
  readonly owner: User | null;
  readonly health: Health;
  readonly healthReason: HealthReason;
  readonly varianceDays: number;
}

export interface ProgramView {
  readonly program: Program;
  /** What the viewer may do here, so that screens show only the controls that will work. */
  readonly can: Readonly<Record<ProgramAction, Grant>>;
  readonly roles: readonly Role[];
  readonly client: Client;
  readonly owner: User | null;
  readonly today: PlainDate;
  readonly currentPhase: Phase | null;
  readonly health: Health;
  readonly healthReason: HealthReason;
  readonly healthMilestone: Milestone | null;
  readonly nextMilestone: Milestone | null;
  readonly nextMilestoneOwner: User | null;
  readonly milestoneCount: number;
  readonly doneCount: number;
}

/** The working-day calendar of a program (weekends only until calendars land). */
export const programCalendar = (_p: Program): WorkingDays => mondayToFriday;

/** Today's date where the program's factory is. */
export const programToday = (p: Program, now: Date): PlainDate => dateInZone(now, p.timeZone);

export function milestoneView(p: Program, m: Milestone, today: PlainDate, users: ReadonlyMap<string, User>): MilestoneView {
  const h = milestoneHealth(m, today, programCalendar(p), p.toleranceDays);
  return {
    milestone: m,
    owner: m.ownerId ? (users.get(m.ownerId) ?? null) : null,
    health: h.health,
    healthReason: h.reason,
    varianceDays: h.variance,
  };
}

export function programView(
  p: Program,
  access: ProgramAccess,
  client: Client,
  milestones: readonly Milestone[],
  users: ReadonlyMap<string, User>,
  now: Date,
): ProgramView {
  const today = programToday(p, now);
  const h = programHealth(milestones, today, programCalendar(p), p.toleranceDays);
  const next = nextMilestone(milestones);
  return {
    program: p,
    can: Object.fromEntries(programActions.map((a) => [a, grantFor(access, a)])) as Record<ProgramAction, Grant>,
    roles: access.roles,
    client,
    owner: p.ownerId ? (users.get(p.ownerId) ?? null) : null,
    today,
    currentPhase: currentPhase(milestones),
    health: h.health,
    healthReason: h.reason,
    healthMilestone: h.milestoneId ? (milestones.find((m) => m.id === h.milestoneId) ?? null) : null,
    nextMilestone: next,
    nextMilestoneOwner: next?.ownerId ? (users.get(next.ownerId) ?? null) : null,
    milestoneCount: milestones.length,
    doneCount: milestones.filter((m) => m.actualDate !== null).length,
  };
}

export const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> => new Map(items.map((i) => [i.id, i]));
