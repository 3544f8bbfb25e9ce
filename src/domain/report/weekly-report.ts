import type { Health, HealthReason } from '../health.js';
import type { PlainDate } from '../plain-date.js';
import type { RiskEventKind } from '../risk-history.js';
import type { MinutesEntry } from './meeting-minutes.js';
import type { ReportEscalation } from './report-input.js';

/** The kinds of record a report names, each with its page (recordPath). */
export type ReportRecord = 'milestone' | 'decision' | 'risk' | 'action' | 'gate' | 'checklist_item' | 'escalation';

/** One move of a milestone's date during the week, on the program's calendar. */
export interface MilestoneMove {
  readonly key: string;
  readonly name: string;
  readonly ownerId: string | null;
  readonly field: 'forecastDate' | 'baselineDate';
  readonly from: PlainDate;
  readonly to: PlainDate;
  /** Business days later (negative: earlier). */
  readonly days: number;
  readonly reason: string | null;
  readonly actorId: string;
  readonly at: string;
}

export interface MilestoneCompleted {
  readonly key: string;
  readonly name: string;
  readonly ownerId: string | null;
  readonly actualDate: PlainDate;
  readonly baselineDate: PlainDate;
  /** Business days after the baseline (negative: early). */
  readonly varianceDays: number;
  readonly actorId: string | null;
  readonly at: string | null;
}

export interface MilestoneWentLate {
  readonly key: string;
  readonly name: string;
  readonly ownerId: string | null;
  readonly forecastDate: PlainDate;
  readonly baselineDate: PlainDate;
  /** Which of its dates passed during the week without an actual date. */
  readonly passed: readonly ('forecast' | 'baseline')[];
}

export interface MilestoneMovement {
  readonly moved: readonly MilestoneMove[];
  readonly completed: readonly MilestoneCompleted[];
  readonly wentLate: readonly MilestoneWentLate[];
}

export interface BlockingAction {
  readonly key: string;
  readonly title: string;
  readonly ownerId: string | null;
  readonly dueDate: PlainDate | null;
  readonly isOverdue: boolean;
  readonly milestoneKey: string | null;
}

export interface OpenEscalation {
  readonly key: string;
  readonly title: string;
  readonly ownerId: string | null;
  readonly deadlineAt: string | null;
  readonly status: ReportEscalation['status'];
  readonly level: number;
  readonly isOverdue: boolean;
}

export interface Blockers {
  readonly actions: readonly BlockingAction[];
  readonly escalations: readonly OpenEscalation[];
}

export interface DecisionNeeded {
  readonly key: string;
  readonly statement: string;
  readonly ownerId: string | null;
  readonly dueDate: PlainDate | null;
  readonly isOverdue: boolean;
}

export interface RiskChange {
  readonly kind: RiskEventKind;
  readonly key: string;
  readonly title: string;
  readonly ownerId: string | null;
  /** Score before (re-scored only). */
  readonly from: number | null;
  /** Score after (new and re-scored). */
  readonly to: number | null;
  readonly reason: string | null;
  readonly actorId: string;
  readonly at: string;
}

export interface PlannedItem {
  readonly key: string;
  readonly title: string;
  readonly ownerId: string | null;
  readonly dueDate: PlainDate | null;
  /** The gate a checklist item belongs to. */
  readonly gateKey?: string | undefined;
}

export interface NextWeekPlan {
  readonly week: string;
  readonly milestones: readonly PlannedItem[];
  readonly gateReviews: readonly PlannedItem[];
  readonly checklistItems: readonly PlannedItem[];
  readonly actions: readonly PlannedItem[];
  readonly decisions: readonly PlannedItem[];
}

export interface PlanVsActualRow {
  readonly key: string;
  readonly name: string;
  readonly ownerId: string | null;
  readonly baselineDate: PlainDate;
  readonly forecastDate: PlainDate;
  readonly actualDate: PlainDate | null;
  /** Business days from the baseline to the actual date, or to the forecast while open. */
  readonly varianceDays: number;
  readonly health: Health;
}

export type ReadinessLevel = 'green' | 'amber' | 'red';

/** Why release readiness is not green; each reason makes it amber or red. */
export type ReadinessReason =
  | {
      readonly kind: 'release_checklist_incomplete';
      readonly level: ReadinessLevel;
      readonly gateKey: string;
      readonly itemKeys: readonly string[];
    }
  | { readonly kind: 'release_gate_missing'; readonly level: ReadinessLevel }
  | { readonly kind: 'inspection_rejected'; readonly level: ReadinessLevel; readonly key: string; readonly subject: string }
  | { readonly kind: 'critical_risk_open'; readonly level: ReadinessLevel; readonly key: string; readonly score: number }
  | { readonly kind: 'escalation_open'; readonly level: ReadinessLevel; readonly key: string; readonly isOverdue: boolean }
  | { readonly kind: 'blocking_action_open'; readonly level: ReadinessLevel; readonly key: string; readonly isOverdue: boolean }
  | { readonly kind: 'release_decision_pending'; readonly level: ReadinessLevel; readonly key: string; readonly isOverdue: boolean };

export interface ReleaseReadiness {
  readonly level: ReadinessLevel;
  readonly reasons: readonly ReadinessReason[];
}

export type OnTrackCode = 'complete' | 'on_track' | 'at_risk' | 'off_track';

/** The one-line answer to "are we on track?", as data (worded by the reader's language) and in English. */
export interface OnTrackAnswer {
  readonly code: OnTrackCode;
  readonly params: {
    /** The milestone that sets the answer, when one does. */
    readonly milestoneKey: string | null;
    readonly reason: HealthReason['kind'];
    readonly days: number | null;
    /** The action (blocked) or gate (gate_at_risk) the reason names. */
    readonly detail: string | null;
    readonly late: number;
    readonly atRisk: number;
    readonly readiness: ReadinessLevel;
  };
  readonly text: string;
}

export interface WeeklyReport {
  readonly program: { readonly id: string; readonly code: string; readonly name: string; readonly timeZone: string };
  readonly week: string;
  /** Monday and Sunday of the week. */
  readonly startDate: PlainDate;
  readonly endDate: PlainDate;
  /** The week's span in the program's zone, and the instant the report reads it at. */
  readonly startAt: string;
  readonly endAt: string;
  readonly asOf: string;
  readonly onTrack: OnTrackAnswer;
  readonly milestoneMovement: MilestoneMovement;
  readonly blockers: Blockers;
  readonly decisionsNeeded: readonly DecisionNeeded[];
  readonly riskChanges: readonly RiskChange[];
  readonly nextWeek: NextWeekPlan;
  readonly planVsActual: readonly PlanVsActualRow[];
  readonly releaseReadiness: ReleaseReadiness;
  readonly narrative: string;
  /**
   * The minutes of the week's cadence meeting: the outcomes the cadence owner recorded (decisions taken, new
   * actions). Absent from reports assembled before meetings were recorded, so their snapshots render as they did.
   */
  readonly minutes?: readonly MinutesEntry[] | undefined;
  /** The people the report names, by id, with the names they had when it was made. */
  readonly people: readonly { readonly id: string; readonly name: string }[];
}

/** What the leadership view reads of a program's week (leadership-view.ts): a weekly report's answers without its plans. */
export type WeekSummary = Pick<
  WeeklyReport,
  'program' | 'week' | 'onTrack' | 'milestoneMovement' | 'blockers' | 'decisionsNeeded' | 'riskChanges' | 'releaseReadiness' | 'people'
>;
