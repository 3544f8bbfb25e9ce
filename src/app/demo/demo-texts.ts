import type { ActionSeverity, EffectivenessResult } from '../../domain/action.js';
import type { DefectClassInput } from '../../domain/floor/floor-event.js';
import type { RiskCategory, RiskStrategy } from '../../domain/risk.js';
import type { InspectionLevel } from '../../domain/sampling/iso2859.js';
import type { StepId, StepOwner } from './milestone-steps.js';

/*
 * What a demo program's records say: each program (texts/*.ts) names its own parts, tools, suppliers,
 * tests and places, so that no two programs read as copies. The loaders (load-demo.ts, demo-risks.ts,
 * demo-decisions.ts, demo-actions.ts, demo-plan.ts, demo-floor.ts) give every program the same kind of history.
 */

/** A milestone: the standard step it stands for (milestone-steps.ts) and its name on this product. */
export type PlannedMilestone = readonly [step: StepId, name: string];

/** A risk as raised in the risk workshop five weeks ago. */
export interface DemoRisk {
  readonly title: string;
  readonly description: string;
  readonly category: RiskCategory;
  readonly by: StepOwner;
  readonly earlyWarning: string;
  readonly strategy: RiskStrategy;
  readonly mitigation: string;
  readonly residual: readonly [number, number];
}

/** A program's risk register, by what its history does to each risk (raised in this order: R-1, R-2, …). */
export interface DemoRisks {
  /** Re-scored up (worse), then down again (better); its review date has passed. */
  readonly watched: DemoRisk & { readonly worse: string; readonly better: string };
  /** Re-scored up this morning. */
  readonly rising: DemoRisk & { readonly worse: string };
  /** Re-scored down, then closed. */
  readonly passed: DemoRisk & { readonly better: string; readonly closed: string };
  /** Happened four days ago, which opened its response action. */
  readonly happened: DemoRisk & { readonly realized: { readonly reason: string; readonly action: string } };
  /** Its mitigation under way. */
  readonly mitigating?: DemoRisk;
  /** Raised this morning without a review date, so the gap is flagged. */
  readonly fresh?: DemoRisk;
}

/** Who asks for a decision: the cadence owner, the quality owner or the supplier contact. */
export type AskedBy = StepOwner;

interface Verdict {
  readonly outcome: string;
  readonly rationale: string;
  readonly expectedImpact: string;
}

/** A decision; days are business days relative to the demo's today, negative in the past. */
export interface DemoDecision {
  readonly statement: string;
  readonly context: string;
  readonly options: readonly string[];
  readonly by: AskedBy;
  readonly asked: number;
  /** No due date: imported from the client's earlier tracking sheet. */
  readonly due: number | null;
  /** The milestone it is about: the next open one, or the next open critical one. */
  readonly about?: 'next' | 'critical';
  readonly decided?: Verdict & { readonly on: number };
  /** Changing course later: a new decision, decided at once, supersedes this one. */
  readonly superseded?: Verdict & { readonly on: number; readonly reason: string; readonly statement: string };
}

/** Who owns an action: the program's supplier contact, quality owner or cadence owner, or the client's decision owner. */
export type ActionBy = StepOwner | 'decider';

/** An action; days are business days relative to the demo's today, negative in the past. */
export interface DemoAction {
  readonly title: string;
  readonly description: string;
  readonly by: ActionBy;
  readonly severity: ActionSeverity;
  readonly opened: number;
  /** No due date: imported from the client's earlier tracking sheet. */
  readonly due: number | null;
  readonly blocks?: 'next' | 'critical';
  /** Re-planned on day `on` to a new due date, with a reason; the first date stays as the promise. */
  readonly replan?: { readonly on: number; readonly due: number; readonly reason: string };
  /** An effectiveness check planned for this day (a corrective action). */
  readonly check?: number;
  readonly done?: { readonly on: number; readonly note: string };
  readonly confirm?: number;
  readonly reopen?: { readonly on: number; readonly reason: string };
  readonly checked?: { readonly on: number; readonly result: EffectivenessResult };
}

/**
 * A re-plan in the program's history (demo-plan.ts): the last three open milestones move a week, a
 * decision approves it and baseline 1 is taken.
 */
export interface DemoReplan {
  readonly statement: string;
  readonly context: string;
  readonly options: readonly string[];
  /** Why each of the three milestones moves. */
  readonly moveReason: string;
  readonly outcome: string;
  readonly rationale: string;
  readonly expectedImpact: string;
  /** Why the target release date moves; the decision's key follows in brackets. */
  readonly releaseReason: string;
  readonly baselineName: string;
}

/** A floor event; days are business days relative to the demo's today, negative in the past (never today). */
interface DemoFloorBase {
  readonly title: string;
  /** Who reports it: the supplier contact from the factory, the quality owner, or the cadence owner. */
  readonly by: StepOwner;
  /** The day it happened on the floor, and was reported. */
  readonly on: number;
}

/** A sample shipment, reported the day it shipped; its arrival reported by whoever received it (none: not arrived). */
export interface DemoShipment extends DemoFloorBase {
  readonly kind: 'shipment';
  readonly expected: number;
  readonly arrived?: { readonly on: number; readonly by: StepOwner };
}

/** An inspection of a lot; optionally attached by the quality owner as evidence to a checklist item of a gate. */
export interface DemoInspection extends DemoFloorBase {
  readonly kind: 'inspection';
  readonly lotRef: string;
  readonly lotSize: number;
  readonly level: InspectionLevel;
  readonly critical?: DefectClassInput;
  readonly major?: DefectClassInput;
  readonly minor?: DefectClassInput;
  readonly evidenceFor?: { readonly gate: string; readonly item: string; readonly on: number };
}

export interface DemoMeasurement extends DemoFloorBase {
  readonly kind: 'measurement';
  readonly characteristic: string;
  readonly unit: string;
  readonly nominal: number;
  readonly lowerLimit: number | null;
  readonly upperLimit: number | null;
  readonly values: readonly number[];
}

export type DemoFloorEvent = DemoShipment | DemoInspection | DemoMeasurement;

export interface DemoTexts {
  /** The plan in the standard order, one entry per milestone. */
  readonly plan: readonly PlannedMilestone[];
  /** Why dates slipped, in the order the history moves them (it starts again if it runs out). */
  readonly slips: readonly string[];
  readonly risks: DemoRisks;
  /** Written in the order they were asked (on the same day, in this order). */
  readonly decisions: readonly DemoDecision[];
  /** Opened in this order: A-1, A-2, … */
  readonly actions: readonly DemoAction[];
  /** A re-plan approved by a decision, so the program has baseline 1 beside baseline 0. */
  readonly replan?: DemoReplan;
  /** Reported from the floor in the order of their days (E-1, E-2, …): sample shipments, inspections, measurements. */
  readonly floor?: readonly DemoFloorEvent[];
}
