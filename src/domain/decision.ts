import { diffFields } from './change.js';
import type { Edit } from './edit.js';
import type { UserId } from './ids.js';
import type { PlainDate } from './plain-date.js';
import { ok, type Result, refuse } from './result.js';

export const decisionStatuses = ['open', 'decided', 'superseded'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

export interface Decision {
  readonly id: string;
  readonly programId: string;
  readonly key: string;
  readonly statement: string;
  readonly context: string;
  /** The options on the table, one per line. */
  readonly options: string;
  readonly ownerId: UserId | null;
  readonly requestedById: UserId;
  readonly dueDate: PlainDate | null;
  readonly status: DecisionStatus;
  readonly outcome: string | null;
  readonly rationale: string | null;
  readonly expectedImpact: string | null;
  readonly decidedAt: string | null;
  readonly decidedById: UserId | null;
  /** The decision this one replaced, when it was taken to change course. */
  readonly supersedesId: string | null;
  readonly supersededById: string | null;
  readonly version: number;
}

export const decisionFields = [
  'statement',
  'context',
  'options',
  'ownerId',
  'dueDate',
  'status',
  'outcome',
  'rationale',
  'expectedImpact',
  'decidedAt',
  'decidedById',
  'supersedesId',
  'supersededById',
] as const satisfies readonly (keyof Decision)[];

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim().length === 0;

export interface DecisionRequest {
  readonly id: string;
  readonly programId: string;
  readonly key: string;
  readonly statement: string;
  readonly context?: string | undefined;
  readonly options?: string | undefined;
  readonly ownerId: UserId | null;
  readonly requestedById: UserId;
  readonly dueDate: PlainDate | null;
}

/** A decision is requested with a statement, a named owner and a due date; nobody-owned or undated decisions are refused. */
export function requestDecision(input: DecisionRequest): Result<Edit<Decision>> {
  if (blank(input.statement))
    return refuse('VALIDATION_FAILED', 'Say what must be decided.', [{ path: 'statement', message: 'Required.' }]);
  if (input.ownerId === null)
    return refuse('OWNER_REQUIRED', 'Every decision needs an owner who will decide it.', [
      { path: 'ownerId', message: 'Name the decision owner.' },
    ]);
  if (input.dueDate === null)
    return refuse('DUE_DATE_REQUIRED', 'Every decision needs a due date: when it is needed.', [
      { path: 'dueDate', message: 'Say by when it must be decided.' },
    ]);
  const next: Decision = {
    id: input.id,
    programId: input.programId,
    key: input.key,
    statement: input.statement.trim(),
    context: input.context?.trim() ?? '',
    options: input.options?.trim() ?? '',
    ownerId: input.ownerId,
    requestedById: input.requestedById,
    dueDate: input.dueDate,
    status: 'open',
    outcome: null,
    rationale: null,
    expectedImpact: null,
    decidedAt: null,
    decidedById: null,
    supersedesId: null,
    supersededById: null,
    version: 1,
  };
  return ok({ next, changes: diffFields(null, next, decisionFields) });
}

export interface DecisionPatch {
  readonly statement?: string | undefined;
  readonly context?: string | undefined;
  readonly options?: string | undefined;
  readonly ownerId?: UserId | undefined;
  readonly dueDate?: PlainDate | null | undefined;
}

/** An open decision can be reworded, re-assigned or re-dated (never left undated); a decided one never changes. */
export function editDecision(d: Decision, patch: DecisionPatch): Result<Edit<Decision>> {
  if (d.status !== 'open')
    return refuse('DECISION_CLOSED', `${d.key} is ${d.status}; a decided decision is never edited. Supersede it instead.`);
  if (patch.dueDate === null)
    return refuse('DUE_DATE_REQUIRED', 'A decision keeps a due date; move it instead.', [
      { path: 'dueDate', message: 'Say by when it must be decided.' },
    ]);
  if (patch.statement !== undefined && blank(patch.statement))
    return refuse('VALIDATION_FAILED', 'Say what must be decided.', [{ path: 'statement', message: 'Required.' }]);
  const next: Decision = {
    ...d,
    statement: patch.statement?.trim() ?? d.statement,
    context: patch.context?.trim() ?? d.context,
    options: patch.options?.trim() ?? d.options,
    ownerId: patch.ownerId ?? d.ownerId,
    dueDate: patch.dueDate !== undefined ? patch.dueDate : d.dueDate,
    version: d.version + 1,
  };
  const changes = diffFields(d, next, decisionFields);
  if (changes.length === 0) return refuse('NOTHING_TO_CHANGE', 'Every value given equals the current one.');
  return ok({ next, changes });
}

export interface Verdict {
  readonly outcome: string;
  readonly rationale: string;
  readonly expectedImpact: string;
}

function checkVerdict(v: Verdict): Result<true> {
  const missing = (['outcome', 'rationale', 'expectedImpact'] as const).filter((f) => blank(v[f]));
  if (missing.length === 0) return ok(true);
  return refuse(
    'VALIDATION_FAILED',
    'A decision records its outcome, the rationale and the expected impact.',
    missing.map((path) => ({ path, message: 'Required.' })),
  );
}

/** Only the decision's owner decides it, once, with outcome, rationale and expected impact. */
export function decide(d: Decision, v: Verdict, by: UserId, at: string): Result<Edit<Decision>> {
  if (d.status !== 'open') return refuse('DECISION_CLOSED', `${d.key} is already ${d.status}; supersede it to change course.`);
  if (d.ownerId !== by) return refuse('NOT_DECISION_OWNER', `Only the owner of ${d.key} decides it.`);
  const valid = checkVerdict(v);
  if (!valid.ok) return valid;
  const next: Decision = {
    ...d,
    status: 'decided',
    outcome: v.outcome.trim(),
    rationale: v.rationale.trim(),
    expectedImpact: v.expectedImpact.trim(),
    decidedAt: at,
    decidedById: by,
    version: d.version + 1,
  };
  return ok({ next, changes: diffFields(d, next, decisionFields) });
}

export interface Supersession {
  readonly replaced: Edit<Decision>;
  readonly replacement: Edit<Decision>;
}

/**
 * Changing course: a new decision, decided by the owner with a reason, replaces a decided one.
 * The old decision stays as it was, marked superseded and pointing at its replacement.
 */
export function supersede(
  old: Decision,
  replacement: DecisionRequest,
  v: Verdict,
  reason: string,
  by: UserId,
  at: string,
): Result<Supersession> {
  if (old.status !== 'decided') {
    return refuse(
      'DECISION_NOT_DECIDED',
      old.status === 'open' ? `${old.key} is still open: decide it instead.` : `${old.key} is already superseded by another decision.`,
    );
  }
  if (blank(reason))
    return refuse('REASON_REQUIRED', 'Say why the earlier decision no longer holds.', [{ path: 'reason', message: 'Required.' }]);
  // Decided at once, the replacement of an undated (legacy) decision is due the day it is decided.
  const dueDate = replacement.dueDate ?? (at.slice(0, 10) as PlainDate);
  const requested = requestDecision({ ...replacement, ownerId: replacement.ownerId ?? old.ownerId, dueDate });
  if (!requested.ok) return requested;
  const decided = decide({ ...requested.value.next, supersedesId: old.id }, v, by, at);
  if (!decided.ok) return decided;
  const next: Decision = { ...decided.value.next, version: 1 };
  const marked: Decision = { ...old, status: 'superseded', supersededById: next.id, version: old.version + 1 };
  return ok({
    replaced: { next: marked, changes: diffFields(old, marked, decisionFields) },
    replacement: { next, changes: diffFields(null, next, decisionFields) },
  });
}

/** Open decisions first by due date (overdue first, undated last), then by key. */
export function decisionQueueOrder(a: Decision, b: Decision): number {
  const ad = a.dueDate ?? '9999-12-31';
  const bd = b.dueDate ?? '9999-12-31';
  return ad < bd ? -1 : ad > bd ? 1 : a.key.localeCompare(b.key, 'en', { numeric: true });
}
