import { diffFields } from '../change.js';
import type { Edit } from '../edit.js';
import type { UserId } from '../ids.js';
import type { PlainDate } from '../plain-date.js';
import { type FieldProblem, ok, type Result, refuse } from '../result.js';
import { type ChecklistItem, checklistItemFields, missingRequiredItems, reopened } from './checklist-item.js';
import type { Evidence } from './evidence.js';
import {
  type EvidencePieceSnapshot,
  type EvidenceSnapshot,
  type Gate,
  type GateCondition,
  type GateDecision,
  type GateOutcome,
  type GatePeople,
  gateFields,
  gateOrder,
  type RecycleReason,
} from './gate.js';
import { type GateStatus, isGatePassed, isGateSettled } from './gate-status.js';
import { isBlank, textProblem } from './gate-text.js';

/** A condition as the decider writes it; owner and due date are checked before it becomes an action. */
export interface ConditionDraft {
  readonly text: string;
  readonly ownerId: UserId | null;
  readonly dueDate: PlainDate | null;
}

/** An action opened by an earlier gate's conditional go that is not closed yet. */
export interface OpenCondition {
  readonly gateKey: string;
  readonly actionKey: string;
  readonly title: string;
}

export interface GateDecisionInput {
  readonly outcome: GateOutcome;
  readonly by: UserId;
  readonly at: string;
  /** The program's date at `at`: conditions cannot fall due before it. */
  readonly today: PlainDate;
  /** The entry in the decision log that records this outcome. */
  readonly decisionId: string;
  readonly people: GatePeople;
  readonly conditions?: readonly ConditionDraft[] | undefined;
  readonly reasons?: readonly RecycleReason[] | undefined;
  /** The program's gates (this one may be among them): the gates ahead of it must have passed. */
  readonly programGates: readonly Pick<Gate, 'key' | 'status'>[];
  /** Open conditions of the program's gates; those of earlier gates block a pass. */
  readonly openConditions: readonly OpenCondition[];
  /** The evidence of the gate's items (removed pieces are left out of a pass's snapshot). */
  readonly evidence?: readonly Evidence[] | undefined;
}

export interface GateDecided {
  readonly gate: Edit<Gate>;
  /** Items a recycle reopened. */
  readonly items: readonly Edit<ChecklistItem>[];
  /** Conditions of a conditional go, to be opened as actions. */
  readonly conditions: readonly GateCondition[];
}

const statusOf: Record<GateOutcome, GateStatus> = {
  go: 'passed',
  conditional_go: 'passed_with_conditions',
  hold: 'held',
  recycle: 'recycled',
  stop: 'stopped',
};

/** Who may record the outcome: the program's decision owner or the gate's owner, as the template says. */
function isDecider(gate: Gate, people: GatePeople, by: UserId): boolean {
  return gate.decidedBy === 'gate_owner' ? by === gate.ownerId : by === people.decisionOwnerId;
}

function checkPass(gate: Gate, items: readonly ChecklistItem[], input: GateDecisionInput): Result<true> {
  const order = gateOrder(gate.key);
  const ahead = input.programGates.filter((g) => gateOrder(g.key) < order && !isGatePassed(g.status));
  if (ahead.length > 0)
    return refuse(
      'GATE_STATE',
      `${gate.key} passes only after the gates ahead of it: ${ahead.map((g) => `${g.key} is ${g.status}`).join(', ')}.`,
      ahead.map((g) => ({ path: `gates.${g.key}`, message: `${g.key} is ${g.status}.` })),
    );
  const missing = missingRequiredItems(items);
  if (missing.length > 0)
    return refuse(
      'GATE_NOT_READY',
      `${gate.key} cannot pass: ${missing.length} required item(s) neither accepted nor waived.`,
      missing.map((i) => ({ path: `items.${i.key}`, message: `${i.title}: ${i.state}.` })),
    );
  const open = input.openConditions.filter((c) => gateOrder(c.gateKey) < order);
  if (open.length > 0)
    return refuse(
      'GATE_CONDITION_OPEN',
      `${gate.key} cannot pass while a condition of an earlier gate is open: ${open.map((c) => c.actionKey).join(', ')}.`,
      open.map((c) => ({ path: `conditions.${c.actionKey}`, message: `${c.gateKey}: ${c.title}` })),
    );
  return ok(true);
}

function checkConditions(input: GateDecisionInput): Result<GateCondition[]> {
  const drafts = input.conditions ?? [];
  if (input.outcome !== 'conditional_go') {
    if (drafts.length > 0)
      return refuse('VALIDATION_FAILED', 'Only a conditional go sets conditions.', [
        { path: 'conditions', message: 'Decide a conditional go, or leave them out.' },
      ]);
    return ok([]);
  }
  if (drafts.length === 0)
    return refuse('VALIDATION_FAILED', 'A conditional go names at least one condition.', [{ path: 'conditions', message: 'Required.' }]);
  const texts = drafts.flatMap((c, i): FieldProblem[] => {
    const p = isBlank(c.text)
      ? { path: `conditions[${i}].text`, message: 'Required.' }
      : textProblem(`conditions[${i}].text`, c.text, 'long');
    return p ? [p] : [];
  });
  if (texts.length > 0) return refuse('VALIDATION_FAILED', 'Say what each condition requires.', texts);
  const ownerless = drafts.flatMap((c, i) =>
    c.ownerId === null ? [{ path: `conditions[${i}].ownerId`, message: 'Name who meets it.' }] : [],
  );
  if (ownerless.length > 0) return refuse('OWNER_REQUIRED', 'Every condition becomes an action and needs an owner.', ownerless);
  const undated = drafts.flatMap((c, i) => (c.dueDate === null ? [{ path: `conditions[${i}].dueDate`, message: 'Say by when.' }] : []));
  if (undated.length > 0) return refuse('DUE_DATE_REQUIRED', 'Every condition becomes an action and needs a due date.', undated);
  const past = drafts.flatMap((c, i) =>
    c.dueDate !== null && c.dueDate < input.today
      ? [{ path: `conditions[${i}].dueDate`, message: `Today (${input.today}) or later.` }]
      : [],
  );
  if (past.length > 0) return refuse('VALIDATION_FAILED', 'A condition cannot fall due before the decision.', past);
  return ok(drafts.map((c) => ({ text: c.text.trim(), ownerId: c.ownerId as UserId, dueDate: c.dueDate as PlainDate })));
}

function checkReasons(input: GateDecisionInput, items: readonly ChecklistItem[]): Result<RecycleReason[]> {
  const reasons = input.reasons ?? [];
  if (input.outcome === 'recycle' && reasons.length === 0)
    return refuse('REASON_REQUIRED', 'Say why the gate is recycled and what must be redone.', [{ path: 'reasons', message: 'Required.' }]);
  const keys = new Set(items.map((i) => i.key));
  const problems = reasons.flatMap((r, i): FieldProblem[] => {
    const p = isBlank(r.text) ? { path: `reasons[${i}].text`, message: 'Required.' } : textProblem(`reasons[${i}].text`, r.text, 'long');
    const unknown =
      r.itemKey !== undefined && !keys.has(r.itemKey)
        ? { path: `reasons[${i}].itemKey`, message: `No item ${r.itemKey} on this gate.` }
        : null;
    return [p, unknown].filter((x): x is FieldProblem => x !== null);
  });
  if (problems.length > 0) return refuse('VALIDATION_FAILED', 'Each reason says what must be redone, naming items of this gate.', problems);
  return ok(reasons.map((r) => (r.itemKey === undefined ? { text: r.text.trim() } : { text: r.text.trim(), itemKey: r.itemKey })));
}

const pieceSnapshot = (e: Evidence): EvidencePieceSnapshot =>
  Object.freeze({
    id: e.id,
    kind: e.kind,
    title: e.title,
    url: e.url,
    note: e.note,
    fileName: e.fileName,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    addedById: e.addedById,
    addedAt: e.addedAt,
  });

const snapshot = (items: readonly ChecklistItem[], evidence: readonly Evidence[]): readonly EvidenceSnapshot[] =>
  Object.freeze(
    items.map((i) =>
      Object.freeze({
        key: i.key,
        title: i.title,
        isRequired: i.isRequired,
        state: i.state,
        submittedById: i.submittedById,
        submittedAt: i.submittedAt,
        reviewedById: i.reviewedById,
        reviewedAt: i.reviewedAt,
        reviewComment: i.reviewComment,
        waiverDecisionId: i.waiverDecisionId,
        pieces: Object.freeze(evidence.filter((e) => e.itemId === i.id && e.removedAt === null).map(pieceSnapshot)),
      }),
    ),
  );

/**
 * The decider the template names records the gate's outcome at its review: go and conditional go only
 * when the gates ahead passed, every required item is accepted or waived and no earlier condition is
 * open (a go freezes the evidence); conditional go with owned, dated conditions; recycle with reasons,
 * reopening the items they name; hold; stop.
 */
export function decideGate(gate: Gate, items: readonly ChecklistItem[], input: GateDecisionInput): Result<GateDecided> {
  if (isGateSettled(gate.status)) return refuse('GATE_STATE', `${gate.key} is ${gate.status}; it takes no further decision.`);
  if (!isDecider(gate, input.people, input.by)) {
    const who = gate.decidedBy === 'gate_owner' ? 'the gate owner' : 'the program’s decision owner';
    return refuse('GATE_ROLE_REQUIRED', `Only ${who} decides ${gate.key}.`);
  }
  if (isBlank(input.decisionId))
    return refuse('VALIDATION_FAILED', 'A gate outcome is recorded in the decision log.', [{ path: 'decisionId', message: 'Required.' }]);
  const isPass = input.outcome === 'go' || input.outcome === 'conditional_go';
  if (isPass) {
    const ready = checkPass(gate, items, input);
    if (!ready.ok) return ready;
  }
  const conditions = checkConditions(input);
  if (!conditions.ok) return conditions;
  const reasons = checkReasons(input, items);
  if (!reasons.ok) return reasons;

  const decision: GateDecision = {
    outcome: input.outcome,
    decisionId: input.decisionId,
    decidedById: input.by,
    decidedAt: input.at,
    recommendations: gate.recommendations,
    evidence: isPass ? snapshot(items, input.evidence ?? []) : null,
    conditions: conditions.value,
    reasons: reasons.value,
  };
  const next: Gate = { ...gate, status: statusOf[input.outcome], decision, recommendations: [], version: gate.version + 1 };
  const named = new Set(reasons.value.flatMap((r) => (r.itemKey === undefined ? [] : [r.itemKey])));
  const reopenedItems =
    input.outcome === 'recycle'
      ? items
          .filter((i) => named.has(i.key) && i.state !== 'open')
          .map((i) => {
            const after = reopened(i);
            return { next: after, changes: diffFields(i, after, checklistItemFields) };
          })
      : [];
  return ok({ gate: { next, changes: diffFields(gate, next, gateFields) }, items: reopenedItems, conditions: conditions.value });
}
