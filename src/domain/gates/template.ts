/** Who records a gate's outcome: the program's decision owner, or the gate's own owner. */
export const gateDeciders = ['decision_owner', 'gate_owner'] as const;
export type GateDecider = (typeof gateDeciders)[number];

/** Roles a gate owner or gatekeeper is drawn from when a program is made from the template. */
export const gateRoles = ['decision_owner', 'cadence_owner', 'quality_owner'] as const;
export type GateRole = (typeof gateRoles)[number];

/** Who owns a checklist item by default; `supplier` is the supplier's or factory's contact (a contributor). */
export const itemOwnerRoles = ['decision_owner', 'cadence_owner', 'quality_owner', 'gate_owner', 'supplier'] as const;
export type ItemOwnerRole = (typeof itemOwnerRoles)[number];

/** PPAP submission levels (AIAG PPAP 4th ed.); 3 is the default when the customer names none. */
export const ppapLevels = [1, 2, 3, 4, 5] as const;
export type PpapLevel = (typeof ppapLevels)[number];

/** S = submit to the customer and retain; R = retain and make available; * = retain and submit on request. */
export const ppapRequirements = ['submit', 'retain', 'on_request'] as const;
export type PpapRequirement = (typeof ppapRequirements)[number];

/** The PPAP element a checklist item stands for and what the chosen level asks of it. */
export interface PpapElementRef {
  /** 1–18 in AIAG order. */
  readonly element: number;
  readonly requirement: PpapRequirement;
  /** Level 5: the customer reviews the records and samples at the supplier's manufacturing site. */
  readonly isReviewedAtSupplierSite: boolean;
}

export interface ChecklistItemTemplate {
  /** Unique in the template, e.g. `G1-GOLDEN-SAMPLE`. */
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly isRequired: boolean;
  readonly ownerRole: ItemOwnerRole;
  /** Business days relative to the gate review (0 = the review day, -5 = five business days before); never after. */
  readonly dueOffsetDays: number;
  readonly ppap?: PpapElementRef | undefined;
}

export interface GateTemplate {
  /** G1, G2, … Gn in order. */
  readonly key: string;
  readonly name: string;
  readonly closeCriteria: string;
  readonly decidedBy: GateDecider;
  readonly ownerRole: GateRole;
  readonly gatekeeperRoles: readonly GateRole[];
  /** Business days before the planned review from which a gate off course is at risk. */
  readonly warningDays: number;
  /** The milestone whose date is the gate's planned review and which completes only when the gate passes. */
  readonly reviewMilestoneKey: string;
  readonly checklist: readonly ChecklistItemTemplate[];
}

export interface MilestoneLag {
  readonly milestoneKey: string;
  /** Business days after the predecessor finishes. */
  readonly lagDays: number;
}

export interface MilestoneTemplate {
  readonly key: string;
  readonly name: string;
  /** The gate (phase) the milestone belongs to. */
  readonly gateKey: string;
  /** Finish-to-start predecessors, each listed earlier in the template (so the plan has no cycle). */
  readonly predecessors: readonly MilestoneLag[];
  readonly isCritical: boolean;
}

/** Defaults the escalation triggers will read; data only until those triggers exist. */
export interface EscalationDefaults {
  /** Business days an escalation's owner has to respond. */
  readonly responseDays: number;
  /** A forecast slipping more business days than this past its baseline escalates. */
  readonly forecastSlipDays: number;
  /** A risk scoring at least this (likelihood × impact, 1–25) goes to leadership review. */
  readonly riskScoreAtLeast: number;
}

/** A program template: versioned data a program is made from and records (id and version). */
export interface ProgramTemplate {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly description: string;
  /** The PPAP level the release gate's checklist was generated for; null for templates without PPAP. */
  readonly ppapLevel: PpapLevel | null;
  readonly gates: readonly GateTemplate[];
  readonly milestones: readonly MilestoneTemplate[];
  readonly escalation: EscalationDefaults;
}

export const defaultWarningDays = 10;
