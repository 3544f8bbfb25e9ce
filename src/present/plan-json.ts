import type { BaselineView } from '../app/plan/baselines.js';
import type { MtaView } from '../app/plan/get-mta.js';
import type { PlanView } from '../app/plan/get-plan.js';
import type { SlipHistoryView } from '../app/plan/get-slip-history.js';
import type { Baseline, Mta, Plan, SlipHistory } from '../contract/plan.js';
import { personRef } from './api-json.js';

export const baselineJson = (v: BaselineView): Baseline => ({
  id: v.baseline.id,
  number: v.baseline.number,
  name: v.baseline.name,
  takenAt: v.baseline.takenAt,
  takenBy: personRef(v.takenBy),
  decision: v.decision ? { id: v.decision.id, key: v.decision.key, statement: v.decision.statement } : null,
  milestoneCount: Object.keys(v.baseline.dates).length,
});

export function planJson(v: PlanView): Plan {
  const p = v.program;
  return {
    programId: p.id,
    code: p.code,
    today: v.today,
    status: p.status,
    toleranceDays: p.toleranceDays,
    targetReleaseDate: p.targetReleaseDate,
    version: p.version,
    baseline: v.baseline ? baselineJson(v.baseline) : null,
    baselines: v.baselines.map(baselineJson),
    rows: v.rows.map((r) => ({
      id: r.milestone.id,
      key: r.milestone.key,
      name: r.milestone.name,
      phase: r.milestone.phase,
      owner: personRef(r.owner),
      isCritical: r.milestone.isCritical,
      baselineDate: r.baselineDate,
      currentBaselineDate: r.milestone.baselineDate,
      forecastDate: r.milestone.forecastDate,
      actualDate: r.milestone.actualDate,
      varianceDays: r.varianceDays,
      toleranceDays: r.toleranceDays,
      toleranceIsDefault: r.toleranceIsDefault,
      breach: r.breach,
      slackDays: r.slackDays,
      onCriticalPath: r.onCriticalPath,
      provisional: r.provisional,
      health: r.health,
      healthReason: r.healthReason,
      dueInBusinessDays: r.dueInBusinessDays,
      slips: { count: r.slips.count, netDays: r.slips.netDays, lastMovedAt: r.slips.lastMovedAt },
      predecessors: r.predecessors.map((x) => ({ id: x.link.predecessorId, key: x.key, lagDays: x.link.lagDays, linkId: x.link.id })),
      blockedBy: r.blockedBy.map((a) => ({ id: a.id, key: a.key, title: a.title, dueDate: a.dueDate })),
      version: r.milestone.version,
    })),
    criticalPath: [...v.criticalPath],
    minSlackDays: v.minSlackDays,
    provisionalYears: v.provisionalYears.map((y) => ({ year: y.year, countries: [...y.countries] })),
  };
}

export const slipHistoryJson = ({ milestone: m, history: h, users, nextCursor }: SlipHistoryView): SlipHistory => ({
  milestone: { id: m.id, key: m.key, name: m.name },
  count: h.count,
  netDays: h.netDays,
  moves: h.moves.map((x) => ({
    at: x.at,
    by: personRef(x.actorId ? (users.get(x.actorId) ?? null) : null),
    from: x.from,
    to: x.to,
    days: x.days,
    reason: x.reason,
  })),
  nextCursor,
});

export const mtaJson = (v: MtaView): Mta => ({
  weeks: v.weeks.map((w) => ({ week: w.week, start: w.start, asOf: w.asOf })),
  series: v.series.map((s) => ({
    id: s.id,
    key: s.key,
    name: s.name,
    baselineDate: s.baselineDate,
    points: s.points.map((p) => ({ week: p.week, forecastDate: p.forecastDate, done: p.done })),
  })),
});
