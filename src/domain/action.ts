import { diffFields } from './change.js';
import type { Edit } from './edit.js';
import type { UserId } from './ids.js';
import type { PlainDate } from './plain-date.js';
import { ok, type Result, refuse } from './result.js';

export const actionSeverities = ['low', 'medium', 'high', 'critical'] as const;
export type ActionSeverity = (typeof actionSeverities)[number];
/** open → done (owner says so) → closed (cadence owner confirms); a reopen sends it back to open. */
export const actionStatuses = ['open', 'done', 'closed'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const effectivenessResults = ['effective', 'not_effective'] as const;
export type EffectivenessResult = (typeof effectivenessResults)[number];

export interface Action {
  readonly id: string;
  readonly programId: string;
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly ownerId: UserId | null;
  readonly dueDate: PlainDate | null;
  /** The first promised date, kept when the due date is re-planned. */
  readonly originalDueDate: PlainDate | null;
  readonly severity: ActionSeverity;
  readonly blocksMilestoneId: string | null;
  readonly riskId: string | null;
  readonly status: ActionStatus;
  readonly doneNote: string | null;
  readonly doneAt: string | null;
  /** Who marked it done: the one person who may not also confirm the closure. */
  readonly doneById: UserId | null;
  readonly confirmedById: UserId | null;
  readonly confirmedAt: string | null;
  readonly checkDate: PlainDate | null;
  readonly checkResult: EffectivenessResult | null;
  readonly version: number;
}

export const actionFields = [
  'title',
  'description',
  'ownerId',
  'dueDate',
  'originalDueDate',
  'severity',
  'blocksMilestoneId',
  'riskId',
  'status',
  'doneNote',
  'doneAt',
  'doneById',
  'confirmedById',
  'confirmedAt',
  'checkDate',
  'checkResult',
] as const satisfies readonly (keyof Action)[];

export type ActionDraft = Pick<Action, 'id' | 'programId' | 'key' | 'title' | 'ownerId' | 'dueDate' | 'severity'> &
  Partial<Pick<Action, 'description' | 'blocksMilestoneId' | 'riskId' | 'checkDate'>>;

/** An action is opened with a title, a named owner and a due date; its first due date is kept as the promise. */
export function openAction(d: ActionDraft): Result<Edit<Action>> {
  if (!d.title.trim()) return refuse('VALIDATION_FAILED', 'Say what must be done.', [{ path: 'title', message: 'Required.' }]);
  if (d.ownerId === null)
    return refuse('OWNER_REQUIRED', 'Every action needs an owner.', [{ path: 'ownerId', message: 'Name who will do it.' }]);
  if (d.dueDate === null)
    return refuse('DUE_DATE_REQUIRED', 'Every action needs a due date.', [{ path: 'dueDate', message: 'Say by when it is done.' }]);
  const next: Action = {
    id: d.id,
    programId: d.programId,
    key: d.key,
    title: d.title.trim(),
    description: d.description?.trim() ?? '',
    ownerId: d.ownerId,
    dueDate: d.dueDate,
    originalDueDate: d.dueDate,
    severity: d.severity,
    blocksMilestoneId: d.blocksMilestoneId ?? null,
    riskId: d.riskId ?? null,
    status: 'open',
    doneNote: null,
    doneAt: null,
    doneById: null,
    confirmedById: null,
    confirmedAt: null,
    checkDate: d.checkDate ?? null,
    checkResult: null,
    version: 1,
  };
  return ok({ next, changes: diffFields(null, next, actionFields) });
}

export type ActionPatch = Partial<
  Pick<Action, 'title' | 'description' | 'ownerId' | 'dueDate' | 'severity' | 'blocksMilestoneId' | 'checkDate'>
>;

/**
 * Edits an action that is not closed; moving a due date needs a reason and keeps the original. The
 * owner and the due date can be handed over or moved, never taken away.
 */
export function editAction(a: Action, patch: ActionPatch, reason: string | undefined): Result<Edit<Action>> {
  if (a.status === 'closed') return refuse('ACTION_STATE', `${a.key} is closed; reopen it first.`);
  if (patch.ownerId === null)
    return refuse('OWNER_REQUIRED', 'An action keeps a named owner.', [{ path: 'ownerId', message: 'Name who will do it.' }]);
  if (patch.dueDate === null)
    return refuse('DUE_DATE_REQUIRED', 'An action keeps a due date; move it instead.', [
      { path: 'dueDate', message: 'Say by when it is done.' },
    ]);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next: Action = {
    ...a,
    ...defined,
    // The first promise is kept; an action opened without a date takes its first date as the promise.
    originalDueDate: a.originalDueDate ?? (patch.dueDate !== undefined ? patch.dueDate : a.dueDate),
    version: a.version + 1,
  };
  const changes = diffFields(a, next, actionFields);
  if (changes.length === 0) return refuse('NOTHING_TO_CHANGE', 'Every value given equals the current one.');
  if (a.dueDate !== null && next.dueDate !== a.dueDate && !reason?.trim()) {
    return refuse('REASON_REQUIRED', 'Moving a due date needs a reason.', [{ path: 'reason', message: 'Say why the date moves.' }]);
  }
  return ok({ next, changes });
}

/** Step one of closing: the owner marks the action done, with a note of what was done. */
export function markDone(a: Action, by: UserId, note: string, at: string): Result<Edit<Action>> {
  if (a.status !== 'open') return refuse('ACTION_STATE', `${a.key} is ${a.status}, not open.`);
  if (a.ownerId !== by) return refuse('NOT_ACTION_OWNER', `Only the owner of ${a.key} marks it done.`);
  if (!note.trim()) return refuse('VALIDATION_FAILED', 'Say what was done.', [{ path: 'note', message: 'Required.' }]);
  const next: Action = { ...a, status: 'done', doneNote: note.trim(), doneAt: at, doneById: by, version: a.version + 1 };
  return ok({ next, changes: diffFields(a, next, actionFields) });
}

/**
 * Step two: someone other than the person who marked it done confirms the closure (two people, two
 * steps): the cadence owner, or the decision owner or an admin when the cadence owner marked it done.
 */
export function confirmClosure(a: Action, by: UserId, at: string): Result<Edit<Action>> {
  if (a.status !== 'done') return refuse('ACTION_STATE', `${a.key} is ${a.status}: only an action marked done can be confirmed.`);
  if (isOwnClosure(a, by)) {
    return refuse(
      'CLOSURE_NEEDS_SECOND_PERSON',
      `You marked ${a.key} done yourself, so someone else confirms its closure: a decision owner of the program or an admin.`,
    );
  }
  const next: Action = { ...a, status: 'closed', confirmedById: by, confirmedAt: at, version: a.version + 1 };
  return ok({ next, changes: diffFields(a, next, actionFields) });
}

/** Not done after all: a done or closed action goes back to open, with a reason. */
export function reopenAction(a: Action, reason: string | undefined): Result<Edit<Action>> {
  if (a.status === 'open') return refuse('ACTION_STATE', `${a.key} is already open.`);
  if (!reason?.trim()) return refuse('REASON_REQUIRED', 'Say why the action is reopened.', [{ path: 'reason', message: 'Required.' }]);
  const next: Action = {
    ...a,
    status: 'open',
    doneNote: null,
    doneAt: null,
    doneById: null,
    confirmedById: null,
    confirmedAt: null,
    version: a.version + 1,
  };
  return ok({ next, changes: diffFields(a, next, actionFields) });
}

/** The effectiveness check of a corrective action: did the fix hold? */
export function recordEffectiveness(a: Action, result: EffectivenessResult): Result<Edit<Action>> {
  if (a.status === 'open') return refuse('ACTION_STATE', `${a.key} is not done yet; check its effectiveness after it is done.`);
  if (a.checkDate === null) return refuse('ACTION_STATE', `${a.key} has no effectiveness check planned.`);
  const next: Action = { ...a, checkResult: result, version: a.version + 1 };
  const changes = diffFields(a, next, actionFields);
  if (changes.length === 0) return refuse('NOTHING_TO_CHANGE', `The check result is already ${result}.`);
  return ok({ next, changes });
}

/** Whether the person marked the action done themselves, and so may not confirm its closure. */
export const isOwnClosure = (a: Pick<Action, 'doneById'>, by: UserId): boolean => a.doneById !== null && a.doneById === by;

/** An action is overdue when it is still open after its due date. */
export const isActionOverdue = (a: Action, today: PlainDate): boolean => a.status === 'open' && a.dueDate !== null && a.dueDate < today;
