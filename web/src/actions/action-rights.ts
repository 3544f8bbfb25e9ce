import { type Can, may } from '../lib/permissions.js';
import type { Action } from '../lib/records-api.js';

export interface ActionRights {
  edit: boolean;
  done: boolean;
  confirm: boolean;
  check: boolean;
}

/**
 * Closing takes two steps: the owner marks an open action done, the cadence owner confirms the
 * closure or reopens it. A closed action whose effectiveness check is planned can have it recorded, once.
 */
export const actionRights = (can: Can, a: Action, meId: string): ActionRights => ({
  edit: a.status === 'open' && may(can, 'action.edit', a.owner, meId),
  done: a.status === 'open' && may(can, 'action.done', a.owner, meId),
  confirm: a.status === 'done' && may(can, 'action.confirm', a.owner, meId),
  check: a.status === 'closed' && a.checkDate !== null && a.checkResult === null && may(can, 'action.check', a.owner, meId),
});

export const noActionRights: ActionRights = { edit: false, done: false, confirm: false, check: false };

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
