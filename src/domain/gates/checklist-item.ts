import { diffFields } from '../change.js';
import type { DecisionStatus } from '../decision.js';
import type { Edit } from '../edit.js';
import type { UserId } from '../ids.js';
import type { PlainDate } from '../plain-date.js';
import { ok, type Result, refuse } from '../result.js';
import { type GateStatus, isGateSettled } from './gate-status.js';
import { isBlank, textProblem } from './gate-text.js';

/**
 * open → submitted (the item's owner) → accepted | rejected (the gate owner or a quality owner);
 * rejected → submitted again; open, submitted or rejected → waived (a decided decision);
 * accepted or waived → open only by a reopen, with a reason.
 */
export const evidenceStates = ['open', 'submitted', 'accepted', 'rejected', 'waived'] as const;
export type EvidenceState = (typeof evidenceStates)[number];

export interface ChecklistItem {
  readonly id: string;
  readonly gateId: string;
  readonly key: string;
  /** Its place in the gate's checklist (0 first). */
  readonly position: number;
  readonly title: string;
  readonly description: string;
  readonly isRequired: boolean;
  /** Null when nobody holds the role the template names and the program has no cadence owner yet. */
  readonly ownerId: UserId | null;
  readonly dueDate: PlainDate | null;
  readonly state: EvidenceState;
  readonly submittedById: UserId | null;
  readonly submittedAt: string | null;
  readonly submissionNote: string | null;
  readonly reviewedById: UserId | null;
  readonly reviewedAt: string | null;
  readonly reviewComment: string | null;
  readonly waiverDecisionId: string | null;
  readonly version: number;
}

export const checklistItemFields = [
  'ownerId',
  'dueDate',
  'isRequired',
  'state',
  'submittedById',
  'submittedAt',
  'submissionNote',
  'reviewedById',
  'reviewedAt',
  'reviewComment',
  'waiverDecisionId',
] as const satisfies readonly (keyof ChecklistItem)[];

/** What an item rule needs to know of its gate and program. */
export interface ItemContext {
  readonly gate: { readonly key: string; readonly status: GateStatus; readonly ownerId: UserId | null; readonly programId: string };
  readonly qualityOwnerIds: readonly UserId[];
  readonly decisionOwnerId: UserId | null;
}

/** The decision a waiver links to, as the decision log has it. */
export interface WaiverDecision {
  readonly id: string;
  readonly programId: string;
  readonly status: DecisionStatus;
}

/** A required item counts towards a pass once accepted, or waived by a decided decision. */
/**
 * What readiness reads of an item (gate-readiness.ts): the open required items of a program or a
 * portfolio are read as this, without their texts and history, for the portfolio's health and the sweep.
 */
export type ReadinessItem = Pick<ChecklistItem, 'id' | 'gateId' | 'key' | 'title' | 'isRequired' | 'ownerId' | 'dueDate' | 'state'>;

export const isItemSatisfied = (item: Pick<ChecklistItem, 'state'>): boolean => item.state === 'accepted' || item.state === 'waived';

/** The required items that stand between the gate and a pass. */
export const missingRequiredItems = (items: readonly ChecklistItem[]): ChecklistItem[] =>
  items.filter((i) => i.isRequired && !isItemSatisfied(i));

const isReviewer = (ctx: ItemContext, by: UserId) => by === ctx.gate.ownerId || ctx.qualityOwnerIds.includes(by);

/**
 * Who reviews an item's evidence: the gate owner or a quality owner, never the one who submitted it.
 * When the submitter is the only such person (a small team: the quality owner owns the gate), the
 * program's decision owner reviews instead, so a second person always looks at the evidence.
 */
function mayReview(ctx: ItemContext, by: UserId, submittedBy: UserId | null): boolean {
  if (isReviewer(ctx, by)) return true;
  const others = [ctx.gate.ownerId, ...ctx.qualityOwnerIds].filter((u): u is UserId => u !== null && u !== submittedBy);
  return others.length === 0 && by === ctx.decisionOwnerId;
}

function gateOpen(ctx: ItemContext, item: ChecklistItem): Result<true> {
  if (isGateSettled(ctx.gate.status))
    return refuse('GATE_STATE', `${ctx.gate.key} is ${ctx.gate.status}: the evidence of ${item.key} is frozen.`);
  return ok(true);
}

function changed(item: ChecklistItem, next: ChecklistItem): Result<Edit<ChecklistItem>> {
  return ok({ next, changes: diffFields(item, next, checklistItemFields) });
}

function bounded(path: string, text: string, kind: 'line' | 'long'): Result<true> {
  const p = textProblem(path, text, kind);
  return p ? refuse('VALIDATION_FAILED', p.message, [p]) : ok(true);
}

/** The item's owner submits its evidence, first or again after a rejection; a note is optional. */
export function submitEvidence(item: ChecklistItem, ctx: ItemContext, by: UserId, note: string, at: string): Result<Edit<ChecklistItem>> {
  const open = gateOpen(ctx, item);
  if (!open.ok) return open;
  if (item.state !== 'open' && item.state !== 'rejected') {
    const hint = item.state === 'submitted' ? 'it awaits review' : 'reopen it first';
    return refuse('EVIDENCE_STATE', `${item.key} is ${item.state}: ${hint}.`);
  }
  if (item.ownerId === null)
    return refuse('OWNER_REQUIRED', `${item.key} has no owner: name one before its evidence is submitted.`, [
      { path: 'ownerId', message: 'Name who provides the evidence.' },
    ]);
  if (by !== item.ownerId) return refuse('GATE_ROLE_REQUIRED', `Only the owner of ${item.key} submits its evidence.`);
  const text = bounded('note', note, 'long');
  if (!text.ok) return text;
  return changed(item, {
    ...item,
    state: 'submitted',
    submittedById: by,
    submittedAt: at,
    submissionNote: isBlank(note) ? null : note.trim(),
    reviewedById: null,
    reviewedAt: null,
    reviewComment: null,
    version: item.version + 1,
  });
}

function review(
  item: ChecklistItem,
  ctx: ItemContext,
  by: UserId,
  comment: string,
  at: string,
  verdict: 'accepted' | 'rejected',
): Result<Edit<ChecklistItem>> {
  const open = gateOpen(ctx, item);
  if (!open.ok) return open;
  if (item.state !== 'submitted') return refuse('EVIDENCE_STATE', `${item.key} is ${item.state}: only submitted evidence is reviewed.`);
  if (!mayReview(ctx, by, item.submittedById))
    return refuse('GATE_ROLE_REQUIRED', `Only the owner of ${ctx.gate.key} or a quality owner reviews evidence.`);
  if (by === item.submittedById)
    return refuse(
      'GATE_ROLE_REQUIRED',
      `You submitted the evidence of ${item.key}: someone else reviews it (the gate owner or a quality owner).`,
    );
  if (verdict === 'rejected' && isBlank(comment))
    return refuse('REASON_REQUIRED', 'Say why the evidence is rejected and what is missing.', [{ path: 'comment', message: 'Required.' }]);
  const text = bounded('comment', comment, 'long');
  if (!text.ok) return text;
  return changed(item, {
    ...item,
    state: verdict,
    reviewedById: by,
    reviewedAt: at,
    reviewComment: isBlank(comment) ? null : comment.trim(),
    version: item.version + 1,
  });
}

/** The gate owner or a quality owner accepts submitted evidence (not their own), with an optional comment. */
export const acceptEvidence = (item: ChecklistItem, ctx: ItemContext, by: UserId, comment: string, at: string) =>
  review(item, ctx, by, comment, at, 'accepted');

/** The gate owner or a quality owner rejects submitted evidence (not their own), saying why. */
export const rejectEvidence = (item: ChecklistItem, ctx: ItemContext, by: UserId, comment: string, at: string) =>
  review(item, ctx, by, comment, at, 'rejected');

/**
 * An item not yet accepted is waived only by linking a decided decision of the same program, by the
 * gate owner, a quality owner or the decision owner.
 */
export function waiveItem(
  item: ChecklistItem,
  ctx: ItemContext,
  by: UserId,
  decision: WaiverDecision,
  at: string,
): Result<Edit<ChecklistItem>> {
  const open = gateOpen(ctx, item);
  if (!open.ok) return open;
  if (item.state === 'accepted' || item.state === 'waived')
    return refuse('EVIDENCE_STATE', `${item.key} is already ${item.state}; there is nothing to waive.`);
  if (!isReviewer(ctx, by) && by !== ctx.decisionOwnerId)
    return refuse('GATE_ROLE_REQUIRED', `Only the owner of ${ctx.gate.key}, a quality owner or the decision owner links a waiver.`);
  if (decision.programId !== ctx.gate.programId)
    return refuse('WAIVER_NEEDS_DECISION', 'The waiver’s decision belongs to another program.', [
      { path: 'decisionId', message: 'Not a decision of this program.' },
    ]);
  if (decision.status !== 'decided')
    return refuse('WAIVER_NEEDS_DECISION', `The decision is ${decision.status}; only a decided decision waives ${item.key}.`, [
      { path: 'decisionId', message: 'Choose a decided decision.' },
    ]);
  return changed(item, {
    ...item,
    state: 'waived',
    waiverDecisionId: decision.id,
    reviewedById: by,
    reviewedAt: at,
    version: item.version + 1,
  });
}

/** An accepted or waived item goes back to open, with a reason, by the gate owner or a quality owner. */
export function reopenItem(item: ChecklistItem, ctx: ItemContext, by: UserId, reason: string): Result<Edit<ChecklistItem>> {
  const open = gateOpen(ctx, item);
  if (!open.ok) return open;
  if (item.state !== 'accepted' && item.state !== 'waived')
    return refuse('EVIDENCE_STATE', `${item.key} is ${item.state}: only accepted or waived items are reopened.`);
  if (!isReviewer(ctx, by)) return refuse('GATE_ROLE_REQUIRED', `Only the owner of ${ctx.gate.key} or a quality owner reopens an item.`);
  if (isBlank(reason)) return refuse('REASON_REQUIRED', `Say why ${item.key} is reopened.`, [{ path: 'reason', message: 'Required.' }]);
  const text = bounded('reason', reason, 'long');
  if (!text.ok) return text;
  return changed(item, reopened(item));
}

/** The item back at open, its previous evidence and review cleared (the change log keeps them). */
export const reopened = (item: ChecklistItem): ChecklistItem => ({
  ...item,
  state: 'open',
  submittedById: null,
  submittedAt: null,
  submissionNote: null,
  reviewedById: null,
  reviewedAt: null,
  reviewComment: null,
  waiverDecisionId: null,
  version: item.version + 1,
});

/** Most pieces of evidence attached to one item at a time (removed ones do not count). */
export const evidencePerItemMax = 50;

/**
 * Evidence is attached to or removed from an item by its owner, the gate's owner or a quality owner,
 * while the item is open or rejected (submitted evidence is under review; accepted or waived evidence is
 * reopened first) and its gate is not settled; at most 50 pieces are attached at a time.
 */
export function mayChangeEvidence(
  item: ChecklistItem,
  ctx: ItemContext,
  by: UserId,
  change: 'add' | 'remove',
  attached: number,
): Result<true> {
  const open = gateOpen(ctx, item);
  if (!open.ok) return open;
  if (by !== item.ownerId && !isReviewer(ctx, by))
    return refuse(
      'GATE_ROLE_REQUIRED',
      `Only the owner of ${item.key}, the owner of ${ctx.gate.key} or a quality owner changes its evidence.`,
    );
  if (item.state === 'submitted')
    return refuse('EVIDENCE_STATE', `${item.key} is submitted: its evidence is under review; a rejection opens it for changes again.`);
  if (item.state === 'accepted' || item.state === 'waived')
    return refuse('EVIDENCE_STATE', `${item.key} is ${item.state}: reopen it before its evidence changes.`);
  if (change === 'add' && attached >= evidencePerItemMax)
    return refuse(
      'EVIDENCE_LIMIT_REACHED',
      `${item.key} already has ${attached} pieces of evidence, the most an item holds (${evidencePerItemMax}); remove one first or combine files into one.`,
    );
  return ok(true);
}
