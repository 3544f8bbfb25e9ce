import { diffFields } from '../change.js';
import type { Edit } from '../edit.js';
import type { UserId } from '../ids.js';
import type { PlainDate } from '../plain-date.js';
import { type ChecklistItem, type EvidenceState, missingRequiredItems } from './checklist-item.js';
import type { EvidenceKind } from './evidence.js';
import { type GateStatus, isGateSettled } from './gate-status.js';
import type { GateDecider } from './template.js';

export const gateOutcomes = ['go', 'conditional_go', 'hold', 'recycle', 'stop'] as const;
export type GateOutcome = (typeof gateOutcomes)[number];

export interface Recommendation {
  readonly gatekeeperId: UserId;
  readonly recommendation: GateOutcome;
  readonly comment: string;
  readonly at: string;
}

/** A condition of a conditional go: it becomes an action with this owner and due date. */
export interface GateCondition {
  readonly text: string;
  readonly ownerId: UserId;
  readonly dueDate: PlainDate;
  /** The action it became (set once the action is opened). */
  readonly actionId?: string | undefined;
  readonly actionKey?: string | undefined;
}

/** Why a gate is sent back; naming an item reopens it. */
export interface RecycleReason {
  readonly text: string;
  readonly itemKey?: string | undefined;
}

/** One piece of evidence as it stood when the gate passed: a file by its hash, a link by its address, a note by its text. */
export interface EvidencePieceSnapshot {
  readonly id: string;
  readonly kind: EvidenceKind;
  readonly title: string;
  readonly url: string | null;
  readonly note: string | null;
  readonly fileName: string | null;
  readonly sizeBytes: number | null;
  readonly sha256: string | null;
  readonly addedById: UserId;
  readonly addedAt: string;
}

/** A checklist item as it stood when the gate passed, with the evidence attached to it then. */
export interface EvidenceSnapshot {
  readonly key: string;
  readonly title: string;
  readonly isRequired: boolean;
  readonly state: EvidenceState;
  readonly submittedById: UserId | null;
  readonly submittedAt: string | null;
  readonly reviewedById: UserId | null;
  readonly reviewedAt: string | null;
  readonly reviewComment: string | null;
  readonly waiverDecisionId: string | null;
  /** The evidence attached when the gate passed (empty in decisions recorded before pieces were kept). */
  readonly pieces: readonly EvidencePieceSnapshot[];
}

/** The latest outcome recorded at the gate's review, linked to its entry in the decision log. */
export interface GateDecision {
  readonly outcome: GateOutcome;
  readonly decisionId: string;
  readonly decidedById: UserId;
  readonly decidedAt: string;
  readonly recommendations: readonly Recommendation[];
  /** Frozen evidence on a go or conditional go; null otherwise. */
  readonly evidence: readonly EvidenceSnapshot[] | null;
  readonly conditions: readonly GateCondition[];
  readonly reasons: readonly RecycleReason[];
}

export interface Gate {
  readonly id: string;
  readonly programId: string;
  /** G1 … Gn: the order of the gates. */
  readonly key: string;
  readonly name: string;
  readonly closeCriteria: string;
  /** Null when nobody holds the role the template names and the program has no cadence owner yet. */
  readonly ownerId: UserId | null;
  readonly decidedBy: GateDecider;
  readonly gatekeeperIds: readonly UserId[];
  /** The milestone whose date is the planned review. */
  readonly reviewMilestoneId: string | null;
  readonly warningDays: number;
  readonly status: GateStatus;
  /** This review round's recommendations, one per gatekeeper; a decision takes them along and clears them. */
  readonly recommendations: readonly Recommendation[];
  readonly decision: GateDecision | null;
  readonly version: number;
}

/** People of the program a gate rule needs to know besides the gate's own owner and gatekeepers. */
export interface GatePeople {
  readonly decisionOwnerId: UserId | null;
  readonly qualityOwnerIds: readonly UserId[];
}

export const gateFields = ['ownerId', 'gatekeeperIds', 'status', 'recommendations', 'decision'] as const satisfies readonly (keyof Gate)[];

/** The position of a gate in its program: G3 → 3 (gates are keyed G1 … Gn in order). */
export const gateOrder = (key: string): number => Number(/^G(\d+)$/.exec(key)?.[1] ?? Number.NaN);

/**
 * The status the gate's evidence gives it: ready for review once every required item is accepted or
 * waived, in progress once any evidence moved, else not started. A decided status stands (held until
 * decided again, recycled until ready again, passed and stopped for good).
 */
export function deriveGateStatus(status: GateStatus, items: readonly ChecklistItem[]): GateStatus {
  if (isGateSettled(status) || status === 'held') return status;
  if (missingRequiredItems(items).length === 0) return 'ready_for_review';
  if (status === 'recycled') return status;
  return items.some((i) => i.state !== 'open') ? 'in_progress' : 'not_started';
}

/** The gate after its evidence changed: its derived status, with the change logged when it moves. */
export function followEvidence(gate: Gate, items: readonly ChecklistItem[]): Edit<Gate> {
  const status = deriveGateStatus(gate.status, items);
  if (status === gate.status) return { next: gate, changes: [] };
  const next: Gate = { ...gate, status, version: gate.version + 1 };
  return { next, changes: diffFields(gate, next, gateFields) };
}
