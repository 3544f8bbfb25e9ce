import { businessDaysBetween, type WorkingDays } from './business-days.js';
import type { Milestone } from './milestone.js';
import type { PlainDate } from './plain-date.js';
import { type RecentSlips, slippingMoves } from './slips.js';

export const healthLevels = ['on_track', 'at_risk', 'late', 'done'] as const;
export type Health = (typeof healthLevels)[number];

/** Why a milestone or program has its health, as data that the UI puts into words. */
export type HealthReason =
  | { readonly kind: 'done' }
  | { readonly kind: 'on_plan' }
  | { readonly kind: 'slipped'; readonly days: number }
  | { readonly kind: 'breach'; readonly days: number; readonly tolerance: number }
  | { readonly kind: 'overdue'; readonly days: number }
  | { readonly kind: 'no_slack'; readonly days: number }
  | { readonly kind: 'slipping'; readonly moves: number; readonly days: number }
  | { readonly kind: 'blocked'; readonly actionKey: string; readonly overdue: boolean }
  /** The milestone is the review of a gate that is at risk: `items` required checklist items are off course. */
  | { readonly kind: 'gate_at_risk'; readonly gateKey: string; readonly items: number }
  /** Escalations of the program are past their deadline, neither acknowledged nor resolved (a program's reason only). */
  | { readonly kind: 'escalations_overdue'; readonly count: number }
  /** The program's data could not be computed (an error, logged with the program's id); shown, never hidden. */
  | { readonly kind: 'unavailable' };

/** What besides its own dates bears on a milestone's health (docs/health.md). */
export interface HealthSignals {
  /** Business days to spare before the target release moves (negative: short); null or absent without a target. */
  readonly slack?: number | null | undefined;
  /** Later moves of the forecast in the last four weeks. */
  readonly recent?: RecentSlips | undefined;
  /** Open actions blocking the milestone. */
  readonly blockers?: readonly { readonly key: string; readonly dueDate: PlainDate | null }[] | undefined;
  /** The gate the milestone is the review of, when that gate is at risk (domain/gates/gate-readiness.ts). */
  readonly gateAtRisk?: { readonly gateKey: string; readonly items: number } | undefined;
}

export interface MilestoneHealth {
  readonly health: Health;
  readonly reason: HealthReason;
  /** Business days the forecast lies after the baseline (negative when ahead). */
  readonly variance: number;
}

/**
 * Milestone health rules (docs/health.md), first match wins:
 * done — an actual date is recorded;
 * late — the forecast date has passed without completion, or the forecast lies more than the
 *        tolerance (the milestone's own, else the program's) after the baseline: a breach;
 * at risk — the forecast lies after the baseline within the tolerance; or the milestone has no
 *        slack left before the target release; or an open action blocks it and is overdue or due
 *        after the forecast; or it is the review of a gate at risk (required checklist items off
 *        course inside the warning period); or the forecast moved later at least twice in the last four weeks;
 * on track — otherwise.
 */
export function milestoneHealth(
  m: Milestone,
  today: PlainDate,
  cal: WorkingDays,
  programTolerance: number,
  signals: HealthSignals = {},
): MilestoneHealth {
  const tolerance = m.toleranceDays ?? programTolerance;
  const variance = businessDaysBetween(cal, m.baselineDate, m.actualDate ?? m.forecastDate);
  if (m.actualDate !== null) return { health: 'done', reason: { kind: 'done' }, variance };
  if (m.forecastDate < today) {
    // Past due over a weekend still counts as (at least) one day overdue.
    const days = Math.max(1, businessDaysBetween(cal, m.forecastDate, today));
    return { health: 'late', reason: { kind: 'overdue', days }, variance };
  }
  if (variance > tolerance) return { health: 'late', reason: { kind: 'breach', days: variance, tolerance }, variance };
  if (variance > 0) return { health: 'at_risk', reason: { kind: 'slipped', days: variance }, variance };
  if (signals.slack != null && signals.slack < 0) {
    return { health: 'at_risk', reason: { kind: 'no_slack', days: -signals.slack }, variance };
  }
  for (const b of signals.blockers ?? []) {
    const overdue = b.dueDate !== null && b.dueDate < today;
    if (overdue || (b.dueDate !== null && b.dueDate > m.forecastDate)) {
      return { health: 'at_risk', reason: { kind: 'blocked', actionKey: b.key, overdue }, variance };
    }
  }
  if (signals.gateAtRisk) {
    return {
      health: 'at_risk',
      reason: { kind: 'gate_at_risk', gateKey: signals.gateAtRisk.gateKey, items: signals.gateAtRisk.items },
      variance,
    };
  }
  if (signals.recent && signals.recent.moves >= slippingMoves && signals.recent.days > 0) {
    return { health: 'at_risk', reason: { kind: 'slipping', moves: signals.recent.moves, days: signals.recent.days }, variance };
  }
  return { health: 'on_track', reason: { kind: 'on_plan' }, variance };
}

export interface ProgramHealth {
  readonly health: Health;
  readonly reason: HealthReason;
  /** The milestone that sets the program's health, when one does. */
  readonly milestoneId: Milestone['id'] | null;
}

const rank: Record<Health, number> = { done: 0, on_track: 1, at_risk: 2, late: 3 };
const severity = (r: HealthReason) =>
  r.kind === 'overdue' ? 1000 + r.days : 'days' in r ? r.days : r.kind === 'gate_at_risk' ? r.items : 0;

/** Each milestone's health signals, when the caller knows them. */
export type SignalsOf = (m: Milestone) => HealthSignals | undefined;

/**
 * A program is as healthy as its worst open milestone: done when every milestone is done (or it has
 * none open), otherwise the worst of its open milestones' health, the biggest slip breaking ties.
 */
export function programHealth(
  milestones: readonly Milestone[],
  today: PlainDate,
  cal: WorkingDays,
  tolerance: number,
  signalsOf: SignalsOf = () => undefined,
): ProgramHealth {
  let worst: { m: Milestone; h: MilestoneHealth } | null = null;
  for (const m of milestones) {
    if (m.actualDate !== null) continue;
    const h = milestoneHealth(m, today, cal, tolerance, signalsOf(m));
    if (
      worst === null ||
      rank[h.health] > rank[worst.h.health] ||
      (rank[h.health] === rank[worst.h.health] && severity(h.reason) > severity(worst.h.reason))
    ) {
      worst = { m, h };
    }
  }
  if (worst === null) {
    return milestones.length === 0
      ? { health: 'on_track', reason: { kind: 'on_plan' }, milestoneId: null }
      : { health: 'done', reason: { kind: 'done' }, milestoneId: null };
  }
  if (worst.h.health === 'on_track') return { health: 'on_track', reason: { kind: 'on_plan' }, milestoneId: null };
  return { health: worst.h.health, reason: worst.h.reason, milestoneId: worst.m.id };
}

/**
 * Overdue escalations count in a program's health (docs/health.md): a program otherwise on track, or done, is at risk
 * while any escalation is past its deadline unanswered; one already at risk or late keeps its milestone's reason.
 */
export function withOverdueEscalations(h: ProgramHealth, overdue: number): ProgramHealth {
  if (overdue <= 0 || h.health === 'late' || h.health === 'at_risk') return h;
  return { health: 'at_risk', reason: { kind: 'escalations_overdue', count: overdue }, milestoneId: null };
}

/** The next milestone is the open one with the earliest forecast date. */
export function nextMilestone(milestones: readonly Milestone[]): Milestone | null {
  let next: Milestone | null = null;
  for (const m of milestones) {
    if (m.actualDate !== null) continue;
    if (next === null || m.forecastDate < next.forecastDate) next = m;
  }
  return next;
}

/** The current phase is that of the next open milestone, or the last phase once all are done. */
export function currentPhase(milestones: readonly Milestone[]): Milestone['phase'] | null {
  const next = nextMilestone(milestones);
  if (next) return next.phase;
  const last = milestones.reduce<Milestone | null>((a, m) => (a === null || m.phase > a.phase ? m : a), null);
  return last?.phase ?? null;
}
