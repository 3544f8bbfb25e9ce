import type { Action } from '../../domain/action.js';
import { chooseBaseline } from '../../domain/baseline.js';
import { businessDaysBetween } from '../../domain/business-days.js';
import { dueInBusinessDays } from '../../domain/due-in.js';
import { type Health, type HealthReason, milestoneHealth } from '../../domain/health.js';
import type { Milestone } from '../../domain/milestone.js';
import type { MilestoneLink } from '../../domain/milestone-link.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { Program } from '../../domain/program.js';
import { ok, type Result } from '../../domain/result.js';
import { type ForecastMove, type SlipHistory, slipHistory } from '../../domain/slips.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import type { ChangeRecord, Reads, User } from '../ports.js';
import { byId, programCalendar, programToday } from '../views.js';
import { type BaselineView, baselineViews } from './baselines.js';
import { planFacts, recentSince, signalsFrom } from './plan-facts.js';

export interface PlanRowView {
  readonly milestone: Milestone;
  readonly owner: User | null;
  /** Planned date in the chosen baseline (null: the milestone came after it); the current baseline without one. */
  readonly baselineDate: PlainDate | null;
  readonly varianceDays: number | null;
  readonly toleranceDays: number;
  readonly toleranceIsDefault: boolean;
  readonly breach: boolean;
  readonly slackDays: number | null;
  readonly onCriticalPath: boolean;
  readonly provisional: boolean;
  readonly health: Health;
  readonly healthReason: HealthReason;
  /** Business days until the forecast date while it is open and not past; null once done or overdue. */
  readonly dueInBusinessDays: number | null;
  readonly slips: SlipHistory;
  readonly predecessors: readonly { readonly link: MilestoneLink; readonly key: string }[];
  readonly blockedBy: readonly Action[];
}

export interface PlanView {
  readonly program: Program;
  readonly today: PlainDate;
  readonly baseline: BaselineView | null;
  readonly baselines: readonly BaselineView[];
  readonly rows: readonly PlanRowView[];
  readonly criticalPath: readonly string[];
  readonly minSlackDays: number | null;
  readonly provisionalYears: readonly { readonly year: number; readonly countries: readonly string[] }[];
}

/** Forecast moves per milestone from its forecast change rows (creation rows are not moves). */
export function forecastMoves(changes: readonly ChangeRecord[]): Map<string, ForecastMove[]> {
  const out = new Map<string, ForecastMove[]>();
  for (const c of changes) {
    if (c.field !== 'forecastDate' || c.oldValue === null || c.newValue === null) continue;
    const move: ForecastMove = {
      at: c.at,
      actorId: c.actorId,
      from: c.oldValue as PlainDate,
      to: c.newValue as PlainDate,
      reason: c.reason,
    };
    const list = out.get(c.entityId);
    if (list) list.push(move);
    else out.set(c.entityId, [move]);
  }
  return out;
}

/**
 * The plan: per milestone the planned date in the chosen baseline (the latest by default), the
 * forecast, the actual, the variance in business days, tolerance and breach, days to spare before the
 * target release, the critical path, health with its reason and the slip history, all from stored
 * rows and the change log.
 */
export async function getPlan(
  deps: AppDeps,
  input: { programId: string; actor: Actor; baseline?: number | undefined },
  /** A write's transaction, so that a write answers with its plan computed before it commits. */
  r: Reads = deps.store.reads,
): Promise<Result<PlanView>> {
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program: p, access } = found.value;
  const id = access.programId;
  const [milestones, links, users, actions, changes, baselines] = await Promise.all([
    r.listMilestones(id),
    r.listMilestoneLinks(id),
    r.listUsers(),
    r.listActions([id]),
    r.listMilestoneFieldChanges([id], ['forecastDate']),
    baselineViews(r, id),
  ]);
  const chosen = chooseBaseline(
    baselines.map((b) => b.baseline),
    input.baseline,
  );
  if (!chosen.ok) return chosen;
  const baseline = chosen.value ? (baselines.find((b) => b.baseline.id === chosen.value?.id) ?? null) : null;
  const now = deps.clock.now();
  const today = programToday(p, now);
  const cal = programCalendar(p);
  const since = recentSince(now);
  const [gates, openRequiredItems] = await Promise.all([r.listGates(id), r.listOpenRequiredItemsOfPrograms([id])]);
  const facts = planFacts(
    p,
    milestones,
    links,
    changes.filter((c) => c.at >= since),
    actions,
    { gates, openRequiredItems, today },
  );
  const signals = signalsFrom(facts);
  const moves = forecastMoves(changes);
  const userById = byId(users);
  const keyOf = new Map(milestones.map((m) => [m.id as string, m.key]));
  const predecessorsOf = new Map<string, { link: MilestoneLink; key: string }[]>();
  for (const l of links) {
    const list = predecessorsOf.get(l.successorId) ?? [];
    list.push({ link: l, key: keyOf.get(l.predecessorId) ?? '?' });
    predecessorsOf.set(l.successorId, list);
  }
  const critical = new Set<string>(facts.slack?.criticalPath ?? []);
  let lastYear = Number(today.slice(0, 4));
  const rows = milestones.map((m): PlanRowView => {
    const planned = baseline ? (baseline.baseline.dates[m.id] ?? null) : m.baselineDate;
    const end = m.actualDate ?? m.forecastDate;
    const tolerance = m.toleranceDays ?? p.toleranceDays;
    const h = milestoneHealth(m, today, cal, p.toleranceDays, signals(m));
    const slack = facts.slackById.get(m.id);
    lastYear = Math.max(lastYear, Number(m.forecastDate.slice(0, 4)));
    return {
      milestone: m,
      owner: m.ownerId ? (userById.get(m.ownerId) ?? null) : null,
      baselineDate: planned,
      varianceDays: planned === null ? null : businessDaysBetween(cal, planned, end),
      toleranceDays: tolerance,
      toleranceIsDefault: m.toleranceDays === null,
      breach: m.actualDate === null && businessDaysBetween(cal, m.baselineDate, m.forecastDate) > tolerance,
      slackDays: facts.hasTargetRelease && m.actualDate === null && slack ? slack.slack : null,
      onCriticalPath: m.actualDate === null && critical.has(m.id),
      provisional: m.actualDate === null && cal.provisionalBetween(today, m.forecastDate),
      health: h.health,
      healthReason: h.reason,
      dueInBusinessDays: dueInBusinessDays(m, today, cal),
      slips: slipHistory(cal, moves.get(m.id) ?? []),
      predecessors: predecessorsOf.get(m.id) ?? [],
      blockedBy: facts.blockersById.get(m.id) ?? [],
    };
  });
  const provisionalYears: { year: number; countries: string[] }[] = [];
  for (let y = Number(today.slice(0, 4)); y <= lastYear; y++) {
    const countries = cal.yearView(y).provisionalCountries;
    if (countries.length > 0) provisionalYears.push({ year: y, countries: [...countries] });
  }
  const openCritical = (facts.slack?.criticalPath ?? []).filter((mid) => milestones.some((m) => m.id === mid && m.actualDate === null));
  return ok({
    program: p,
    today,
    baseline,
    baselines,
    rows,
    criticalPath: openCritical.map((mid) => keyOf.get(mid) ?? '?'),
    minSlackDays: facts.slack?.minSlack ?? null,
    provisionalYears,
  });
}
