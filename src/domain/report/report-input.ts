import type { Action } from '../action.js';
import type { WorkingDays } from '../business-days.js';
import type { LoggedEntity } from '../change-story.js';
import type { Decision } from '../decision.js';
import type { ChecklistItem } from '../gates/checklist-item.js';
import type { Gate } from '../gates/gate.js';
import type { Milestone } from '../milestone.js';
import type { Risk } from '../risk.js';
import type { ReportWeek } from './iso-week.js';
import type { MinutesEntry } from './meeting-minutes.js';

/** Most characters of the cadence owner's narrative. */
export const narrativeMax = 4000;

/** An escalation as the report reads it (the escalation tracker owns the full record). */
export interface ReportEscalation {
  readonly key: string;
  readonly title: string;
  readonly ownerId: string | null;
  /** The instant the action owner must respond by. */
  readonly deadlineAt: string | null;
  /** Open until resolved: an expired one has climbed to the next level and still waits. */
  readonly status: 'open' | 'acknowledged' | 'resolved' | 'expired';
  /** 1 for the first person on the escalation path, 2 for the next, … */
  readonly level: number;
}

/** An inspection's verdict from the floor (ISO 2859-1 accept or reject), per thing inspected. */
export interface ReportInspection {
  readonly key: string;
  /** What was inspected (a part, a lot's characteristic): the latest verdict per subject counts. */
  readonly subject: string;
  readonly at: string;
  readonly verdict: 'accept' | 'reject';
}

/** A gate with its checklist. */
export interface ReportGate {
  readonly gate: Pick<Gate, 'id' | 'key' | 'name' | 'ownerId' | 'status' | 'reviewMilestoneId'>;
  readonly items: readonly ChecklistItem[];
}

/** A program's records at one instant. */
export interface ReportState {
  readonly milestones: readonly Milestone[];
  readonly decisions: readonly Decision[];
  readonly risks: readonly Risk[];
  readonly actions: readonly Action[];
  readonly gates: readonly ReportGate[];
}

/** One change-log row (app/ports.ts ChangeRecord has these fields). */
export interface ReportChange {
  readonly entity: LoggedEntity;
  readonly entityId: string;
  readonly entityKey: string | null;
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly actorId: string;
  readonly at: string;
  readonly reason: string | null;
  readonly correlationId: string;
}

export interface WeeklyReportInput {
  readonly program: {
    readonly id: string;
    readonly code: string;
    readonly name: string;
    readonly timeZone: string;
    /** Business days a forecast may lie after its baseline before it is a breach (the program's default). */
    readonly toleranceDays: number;
  };
  readonly week: ReportWeek;
  readonly calendar: WorkingDays;
  /** When the report reads the week: its end for a past week, now for the week still running (clamped to the week). */
  readonly asOf?: string | undefined;
  readonly start: ReportState;
  readonly end: ReportState;
  /** The change-log rows of the program's records during the week, any order. */
  readonly changes: readonly ReportChange[];
  readonly escalations: readonly ReportEscalation[];
  readonly inspections: readonly ReportInspection[];
  /** The gate whose pass releases production (G4 in the default template); the last gate when absent. */
  readonly releaseGateKey?: string | undefined;
  /** Decisions the release waits on (linked to the release gate or its milestone). */
  readonly releaseDecisionIds: readonly string[];
  /** Everybody the records name, so the report keeps the names they had when it was made. */
  readonly people: readonly { readonly id: string; readonly name: string }[];
  /** The cadence owner's words, at most `narrativeMax` characters (checkNarrative). */
  readonly narrative: string;
  /** The outcomes recorded in the week's cadence meeting; absent: the report has no minutes section. */
  readonly minutes?: readonly MinutesEntry[] | undefined;
}
