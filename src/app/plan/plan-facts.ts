import type { Action } from '../../domain/action.js';
import { businessDaysBetween, type WorkingDays } from '../../domain/business-days.js';
import type { ReadinessItem } from '../../domain/gates/checklist-item.js';
import type { Gate } from '../../domain/gates/gate.js';
import { gatesAtRiskOf } from '../../domain/gates/gates-at-risk.js';
import type { HealthSignals, SignalsOf } from '../../domain/health.js';
import type { Milestone } from '../../domain/milestone.js';
import type { MilestoneLink } from '../../domain/milestone-link.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { Program } from '../../domain/program.js';
import { buildDependencyGraph } from '../../domain/schedule/dependency-graph.js';
import { computeSlack, type MilestoneSlack, type SlackReport } from '../../domain/schedule/slack.js';
import { type RecentSlips, recentSlipWeeks } from '../../domain/slips.js';
import type { ChangeRecord } from '../ports.js';
import { blockersByMilestone, programCalendar } from '../views.js';

/** What the plan knows about each milestone beyond its own dates: slack, recent slips and blockers. */
export interface PlanFacts {
  /** Slack against the target release, or against the last forecast when the program has none. */
  readonly slack: SlackReport | null;
  /** The date slack is counted against. */
  readonly slackTarget: PlainDate | null;
  /** Whether that date is the program's target release: only then does slack signal a threat. */
  readonly hasTargetRelease: boolean;
  readonly slackById: ReadonlyMap<string, MilestoneSlack>;
  readonly recentById: ReadonlyMap<string, RecentSlips>;
  readonly blockersById: ReadonlyMap<string, readonly Action[]>;
  /** Gates at risk by their review milestone's id: the gate and how many required items are off course. */
  readonly gatesAtRiskById: ReadonlyMap<string, { readonly gateKey: string; readonly items: number }>;
}

/** A program's gates and their open required items, with the program's today: what gate readiness reads. */
export interface GateFacts {
  readonly gates: readonly Gate[];
  readonly openRequiredItems: readonly ReadinessItem[];
  readonly today: PlainDate;
}

export const noFacts: PlanFacts = {
  slack: null,
  slackTarget: null,
  hasTargetRelease: false,
  slackById: new Map(),
  recentById: new Map(),
  blockersById: new Map(),
  gatesAtRiskById: new Map(),
};

/** The gates at risk (readiness at_risk on the program's calendar), by their review milestone. */
function gatesAtRisk(cal: WorkingDays, milestones: readonly Milestone[], g: GateFacts | undefined) {
  const out = new Map<string, { gateKey: string; items: number }>();
  if (!g) return out;
  for (const { gate, readiness } of gatesAtRiskOf(g.gates, milestones, g.openRequiredItems, g.today, cal)) {
    if (gate.reviewMilestoneId) out.set(gate.reviewMilestoneId, { gateKey: gate.key, items: readiness.items.length });
  }
  return out;
}

/** The instant the "recent slips" window opens: four weeks before now. */
export const recentSince = (now: Date): string => new Date(now.getTime() - recentSlipWeeks * 7 * 86_400_000).toISOString();

/** Later forecast moves per milestone, from forecast changes (oldest first) inside the window. */
function recentByMilestone(cal: WorkingDays, changes: readonly ChangeRecord[]): Map<string, RecentSlips> {
  const out = new Map<string, { moves: number; days: number }>();
  for (const c of changes) {
    if (c.field !== 'forecastDate' || c.oldValue === null || c.newValue === null) continue;
    const days = businessDaysBetween(cal, c.oldValue as PlainDate, c.newValue as PlainDate);
    const r = out.get(c.entityId) ?? { moves: 0, days: 0 };
    if (days > 0) r.moves++;
    r.days += days;
    out.set(c.entityId, r);
  }
  return out;
}

/** Works out a program's plan facts from its milestones, links, recent forecast changes and actions. */
export function planFacts(
  p: Program,
  milestones: readonly Milestone[],
  links: readonly MilestoneLink[],
  recentChanges: readonly ChangeRecord[],
  actions: readonly Action[],
  gates?: GateFacts,
): PlanFacts {
  const cal = programCalendar(p);
  let slack: SlackReport | null = null;
  let slackTarget: PlainDate | null = null;
  const open = milestones.filter((m) => m.actualDate === null);
  if (milestones.length > 0) {
    slackTarget =
      p.targetReleaseDate ?? open.reduce<PlainDate | null>((a, m) => (a === null || m.forecastDate > a ? m.forecastDate : a), null);
    const graph = buildDependencyGraph(milestones, links);
    if (graph.ok && slackTarget !== null) slack = computeSlack(cal, graph.value, slackTarget);
  }
  return {
    slack,
    slackTarget,
    hasTargetRelease: p.targetReleaseDate !== null,
    slackById: new Map((slack?.milestones ?? []).map((s) => [s.id, s])),
    recentById: recentByMilestone(cal, recentChanges),
    blockersById: blockersByMilestone(actions),
    gatesAtRiskById: gatesAtRisk(cal, milestones, gates),
  };
}

/** The health signals of each milestone under these facts. */
export const signalsFrom =
  (f: PlanFacts): SignalsOf =>
  (m): HealthSignals => ({
    // Slack only signals a threat against a real target release.
    slack: f.hasTargetRelease ? (f.slackById.get(m.id)?.slack ?? null) : null,
    recent: f.recentById.get(m.id),
    blockers: (f.blockersById.get(m.id) ?? []).map((a) => ({ key: a.key, dueDate: a.dueDate })),
    gateAtRisk: f.gatesAtRiskById.get(m.id),
  });
