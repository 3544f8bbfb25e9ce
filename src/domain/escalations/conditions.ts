import { businessDaysBetween, type WorkingDays } from '../business-days.js';
import type { ReadinessItem } from '../gates/checklist-item.js';
import type { Gate } from '../gates/gate.js';
import { gatesAtRiskOf } from '../gates/gates-at-risk.js';
import type { Milestone } from '../milestone.js';
import type { PlainDate } from '../plain-date.js';
import { isRiskOpen, riskScore } from '../risk.js';
import type { ForecastMove } from '../slips.js';
import { conditionKey, type EscalationSubject } from './escalation.js';
import type { TriggerKind, TriggerSetting } from './triggers.js';

/** A trigger that holds for one subject: what to raise an escalation about, unless one is open or was in this spell. */
export interface Condition {
  readonly kind: TriggerKind;
  readonly conditionKey: string;
  readonly subject: EscalationSubject;
}

/** A sample shipment as the late-arrival trigger reads it (floor events, issue 13): `eventId` is its key (E-3). */
export interface ShipmentFact {
  readonly eventId: string;
  readonly title: string;
  readonly expectedDate: PlainDate;
  readonly arrivedDate: PlainDate | null;
}

/** What the time-based triggers read of one program at its today. */
export interface ProgramConditionInput {
  readonly code: string;
  readonly today: PlainDate;
  /** The program's instant "now", for the forecast-slip week. */
  readonly now: Date;
  readonly calendar: WorkingDays;
  readonly triggers: readonly TriggerSetting[];
  readonly milestones: readonly Pick<Milestone, 'id' | 'key' | 'name' | 'baselineDate' | 'forecastDate' | 'actualDate'>[];
  /** Forecast moves of the program's milestones in the last week (by milestone id). */
  readonly recentMoves: ReadonlyMap<string, readonly ForecastMove[]>;
  readonly actions: readonly {
    readonly key: string;
    readonly title: string;
    readonly status: string;
    readonly dueDate: PlainDate | null;
  }[];
  readonly decisions: readonly {
    readonly key: string;
    readonly statement: string;
    readonly status: string;
    readonly dueDate: PlainDate | null;
  }[];
  readonly risks: readonly {
    readonly key: string;
    readonly title: string;
    readonly status: 'open' | 'mitigating' | 'closed' | 'realized';
    readonly likelihood: number;
    readonly impact: number;
  }[];
  readonly gates: readonly Gate[];
  readonly openRequiredItems: readonly ReadinessItem[];
  /** Sample shipments not yet arrived; empty until floor events are stored. */
  readonly shipments: readonly ShipmentFact[];
}

/** The days a forecast slip is summed over. */
export const slipWindowDays = 7;

const link = (code: string, rest: string) => `/programs/${encodeURIComponent(code)}/${rest}`;

/** Whether a due date lies `n` business days back or more (0: the date passed). */
function overdueBy(cal: WorkingDays, due: PlainDate, today: PlainDate, n: number): boolean {
  if (due >= today) return false;
  return n === 0 || businessDaysBetween(cal, due, today) >= n;
}

const make = (kind: TriggerKind, subject: EscalationSubject): Condition => ({
  kind,
  conditionKey: conditionKey(kind, subject.ref),
  subject,
});

/**
 * The conditions the time-based triggers find in one program at its today (a milestone missed, a forecast
 * slipped N business days within a week, an action or decision N business days overdue, a risk scoring N
 * or more, a gate at risk, a sample not arrived N business days after its expected date): disabled triggers find nothing.
 */
export function timeConditions(p: ProgramConditionInput): Condition[] {
  const on = new Map(p.triggers.filter((t) => t.isEnabled).map((t) => [t.kind, t]));
  const n = (k: TriggerKind) => on.get(k)?.threshold ?? 0;
  const out: Condition[] = [];
  if (on.has('missed_milestone'))
    for (const m of p.milestones)
      if (m.actualDate === null && (m.forecastDate < p.today || m.baselineDate < p.today))
        out.push(make('missed_milestone', { kind: 'milestone', ref: m.key, title: m.name, link: link(p.code, `plan#${m.key}`) }));
  if (on.has('forecast_slip'))
    for (const m of p.milestones) {
      const moves = p.recentMoves.get(m.id) ?? [];
      const days = moves.reduce((s, mv) => s + businessDaysBetween(p.calendar, mv.from, mv.to), 0);
      if (m.actualDate === null && days >= n('forecast_slip'))
        out.push(make('forecast_slip', { kind: 'milestone', ref: m.key, title: m.name, link: link(p.code, `plan#${m.key}`) }));
    }
  if (on.has('overdue_action'))
    for (const a of p.actions)
      if (a.status === 'open' && a.dueDate !== null && overdueBy(p.calendar, a.dueDate, p.today, n('overdue_action')))
        out.push(make('overdue_action', { kind: 'action', ref: a.key, title: a.title, link: link(p.code, `actions#${a.key}`) }));
  if (on.has('overdue_decision'))
    for (const d of p.decisions)
      if (d.status === 'open' && d.dueDate !== null && overdueBy(p.calendar, d.dueDate, p.today, n('overdue_decision')))
        out.push(make('overdue_decision', { kind: 'decision', ref: d.key, title: d.statement, link: link(p.code, `decisions/${d.key}`) }));
  if (on.has('risk_score'))
    for (const r of p.risks)
      if (isRiskOpen(r) && riskScore(r.likelihood, r.impact) >= n('risk_score'))
        out.push(make('risk_score', { kind: 'risk', ref: r.key, title: r.title, link: link(p.code, `risks/${r.key}`) }));
  if (on.has('gate_at_risk'))
    for (const g of gatesAtRiskOf(p.gates, p.milestones, p.openRequiredItems, p.today, p.calendar))
      out.push(make('gate_at_risk', { kind: 'gate', ref: g.gate.key, title: g.gate.name, link: link(p.code, `gates/${g.gate.key}`) }));
  if (on.has('late_sample_arrival'))
    for (const s of p.shipments)
      if (s.arrivedDate === null && overdueBy(p.calendar, s.expectedDate, p.today, n('late_sample_arrival')))
        out.push(make('late_sample_arrival', { kind: 'event', ref: s.eventId, title: s.title, link: link(p.code, `floor#${s.eventId}`) }));
  return out;
}

/**
 * What a floor event recorded (floor events, issue 13), as the event triggers read it: the record use
 * case computes these (a shipment's lateness, a measurement's limits and Cpk, an inspection's verdict and
 * defect rate) and calls raiseEscalationsForFacts in its transaction.
 */
export interface FloorFacts {
  readonly eventId: string;
  /** What the event was about, in words ("Housing sample, lot 7"). */
  readonly title: string;
  /** An arrival later than expected, by business days; absent for other events. */
  readonly lateArrival?: { readonly businessDaysLate: number; readonly eventId: string } | null | undefined;
  /** Whether any measured value lies outside its tolerance. */
  readonly outOfTolerance?: boolean | undefined;
  /** Cpk of the measured values, when there were enough of them. */
  readonly cpk?: number | null | undefined;
  readonly inspectionVerdict?: 'accept' | 'reject' | null | undefined;
  /** Defects found per hundred units inspected. */
  readonly defectRatePercent?: number | null | undefined;
}

/** The conditions one floor event meets under the program's enabled triggers: one per trigger kind at most. */
export function factConditions(code: string, facts: FloorFacts, triggers: readonly TriggerSetting[]): Condition[] {
  const on = new Map(triggers.filter((t) => t.isEnabled).map((t) => [t.kind, t]));
  const subject = (ref: string): EscalationSubject => ({ kind: 'event', ref, title: facts.title, link: link(code, `floor#${ref}`) });
  const out: Condition[] = [];
  const late = on.get('late_sample_arrival');
  if (late && facts.lateArrival && facts.lateArrival.businessDaysLate > 0 && facts.lateArrival.businessDaysLate >= (late.threshold ?? 0))
    out.push(make('late_sample_arrival', subject(facts.lateArrival.eventId)));
  const tol = on.get('tolerance_miss');
  if (
    tol &&
    (facts.outOfTolerance === true || (facts.cpk != null && tol.threshold !== null && tol.threshold > 0 && facts.cpk < tol.threshold))
  )
    out.push(make('tolerance_miss', subject(facts.eventId)));
  const defect = on.get('defect_threshold');
  if (
    defect &&
    (facts.inspectionVerdict === 'reject' ||
      (facts.defectRatePercent != null && defect.threshold !== null && facts.defectRatePercent > defect.threshold))
  )
    out.push(make('defect_threshold', subject(facts.eventId)));
  return out;
}
