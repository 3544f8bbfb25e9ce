import { type Can, may } from '../lib/permissions.js';
import type { Action } from '../lib/records-api.js';

export interface ActionRights {
  edit: boolean;
  done: boolean;
  confirm: boolean;
  /** May confirm closures, but marked this one done themselves: someone else confirms (two people, two steps). */
  isOwnClosure: boolean;
  reopen: boolean;
  check: boolean;
}

/**
 * Closing takes two steps by two people: the owner marks an open action done, someone else (the
 * cadence owner, a decision owner or an admin) confirms the closure or reopens it. A closed action
 * whose effectiveness check is planned can have it recorded, once.
 */
export function actionRights(can: Can, a: Action, meId: string): ActionRights {
  const confirms = a.status === 'done' && may(can, 'action.confirm', a.owner, meId);
  const isOwn = a.doneBy !== null && a.doneBy.id === meId;
  return {
    edit: a.status === 'open' && may(can, 'action.edit', a.owner, meId),
    done: a.status === 'open' && may(can, 'action.done', a.owner, meId),
    confirm: confirms && !isOwn,
    isOwnClosure: confirms && isOwn,
    reopen: confirms,
    check: a.status === 'closed' && a.checkDate !== null && a.checkResult === null && may(can, 'action.check', a.owner, meId),
  };
}

export const noActionRights: ActionRights = { edit: false, done: false, confirm: false, isOwnClosure: false, reopen: false, check: false };

export const mayChangeActions = (can: Can): boolean =>
  (['action.edit', 'action.done', 'action.confirm', 'action.check'] as const).some((k) => can[k] !== 'no');

/** Overdue first, then those waiting for confirmation, then by due date (undated last); closed last. */
export function actionOrder(a: Action, b: Action): number {
  const rank = (x: Action) => (x.status === 'closed' ? 3 : x.isOverdue ? 0 : x.status === 'done' ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
    a.key.localeCompare(b.key, 'en', { numeric: true })
  );
}

export const actionFilters = ['active', 'open', 'done', 'closed', 'all'] as const;
export type ActionFilter = (typeof actionFilters)[number];

export const isActionFilter = (v: string | null): v is ActionFilter => (actionFilters as readonly (string | null)[]).includes(v);

/** Whether an action shows under a filter; "active" is everything not yet closed. */
export const matchesFilter = (a: Action, f: ActionFilter): boolean =>
  f === 'all' ? true : f === 'active' ? a.status !== 'closed' : a.status === f;

/** Which statuses each filter shows. */
const filterStatuses: Record<ActionFilter, readonly Action['status'][]> = {
  active: ['open', 'done'],
  open: ['open'],
  done: ['done'],
  closed: ['closed'],
  all: ['open', 'done', 'closed'],
};
const workRank: Record<Action['status'], number> = { open: 0, done: 1, closed: 2 };

export interface FilterCount {
  readonly count: number;
  /** False while pages that may hold more of the filter's actions are not loaded. */
  readonly isComplete: boolean;
}

/**
 * How many of the actions (loaded, of the owner chosen) each filter shows, and whether that is all of
 * them: the server sends open actions first, then done, then closed, so while pages remain, only the
 * statuses before that of the last action loaded are complete.
 */
export function filterCounts(
  actions: readonly Action[],
  loading: { readonly hasMore: boolean; readonly lastStatus: Action['status'] | undefined },
): Record<ActionFilter, FilterCount> {
  const { hasMore, lastStatus } = loading;
  const complete = (s: Action['status']) => !hasMore || (lastStatus !== undefined && workRank[s] < workRank[lastStatus]);
  return Object.fromEntries(
    actionFilters.map((f) => [
      f,
      { count: actions.filter((a) => matchesFilter(a, f)).length, isComplete: filterStatuses[f].every(complete) },
    ]),
  ) as Record<ActionFilter, FilterCount>;
}
