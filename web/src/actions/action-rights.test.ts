import { describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/contract/common.js';
import {
  actionStatuses,
  confirmClosure,
  editAction,
  markDone,
  recordEffectiveness,
  reopenAction,
  type Action as Stored,
} from '../../../src/domain/action.js';
import type { UserId } from '../../../src/domain/ids.js';
import { type PlainDate, plainDate } from '../../../src/domain/plain-date.js';
import { permit } from '../../../src/domain/policy.js';
import { roles } from '../../../src/domain/roles.js';
import { callHook } from '../i18n/test-render.js';
import type { Action } from '../lib/records-api.js';
import { me, other, roleAccess } from '../lib/test-roles.js';
import { useActionButtons } from './action-buttons.js';
import { actionOrder, actionRights, filterCounts, matchesFilter } from './action-rights.js';

const at = '2026-03-04T09:00:00.000Z';

/** One action as the server stores it and as the page receives it. */
function action(status: Stored['status'], owner: PersonRef | null, over: Partial<Stored> = {}, isOverdue = false) {
  const stored: Stored = {
    id: 'a-1',
    programId: 'p-1',
    key: 'A-7',
    title: 'Re-cut the gate insert',
    description: '',
    ownerId: (owner?.id ?? null) as UserId | null,
    dueDate: plainDate('2026-03-10'),
    originalDueDate: plainDate('2026-03-10'),
    severity: 'medium',
    blocksMilestoneId: null,
    riskId: null,
    status,
    doneNote: status === 'open' ? null : 'Done',
    doneAt: status === 'open' ? null : at,
    doneById: status === 'open' ? null : ((owner?.id ?? null) as UserId | null),
    confirmedById: status === 'closed' ? other.id : null,
    confirmedAt: status === 'closed' ? at : null,
    checkDate: null,
    checkResult: null,
    version: 4,
    ...over,
  };
  const shown: Action = {
    ...stored,
    programCode: 'KHG-KW500',
    owner,
    blocks: null,
    risk: null,
    isOverdue,
    doneBy: status === 'open' ? null : owner,
    confirmedBy: status === 'closed' ? other : null,
    warnings: [],
  };
  return { stored, shown };
}

/** What the server accepts of each step on the action, for one role. */
function server(role: (typeof roles)[number], a: Stored) {
  const { access } = roleAccess(role);
  const may = (p: 'action.edit' | 'action.done' | 'action.confirm' | 'action.check') => permit(access, p, a, me.id).ok;
  return {
    edit: may('action.edit') && editAction(a, { title: 'Re-cut both inserts' }, 'Scope grew').ok,
    done: may('action.done') && markDone(a, me.id, 'Done', at).ok,
    confirm: may('action.confirm') && confirmClosure(a, me.id, at).ok,
    reopen: may('action.confirm') && reopenAction(a, 'Not fixed').ok,
    check: may('action.check') && recordEffectiveness(a, 'effective').ok,
  };
}

const checks: { checkDate: PlainDate | null; checkResult: Stored['checkResult'] }[] = [
  { checkDate: null, checkResult: null },
  { checkDate: plainDate('2026-04-01'), checkResult: null },
  { checkDate: plainDate('2026-04-01'), checkResult: 'effective' },
];

describe('actionRights', () => {
  it('never offers a step the server would refuse, for any role, owner, status and planned check', () => {
    for (const role of roles) {
      const { can } = roleAccess(role);
      for (const status of actionStatuses) {
        for (const owner of [me, other, null]) {
          for (const check of checks) {
            const { stored, shown } = action(status, owner, check);
            const rights = actionRights(can, shown, me.id);
            const accepted = server(role, stored);
            const where = `${role}, owner ${owner?.name ?? 'none'}, ${status}, check ${check.checkDate ?? 'none'}/${check.checkResult ?? '-'}`;
            if (rights.edit) expect(accepted.edit, `edit: ${where}`).toBe(true);
            if (rights.done) expect(accepted.done, `done: ${where}`).toBe(true);
            if (rights.confirm) expect(accepted.confirm, `confirm: ${where}`).toBe(true);
            if (rights.reopen) expect(accepted.reopen, `reopen: ${where}`).toBe(true);
            // Shown disabled, with its reason, exactly where the server refuses the same person's second step.
            if (rights.isOwnClosure) expect([accepted.confirm, accepted.reopen], `own closure: ${where}`).toEqual([false, true]);
            if (rights.check) expect(accepted.check, `check: ${where}`).toBe(true);
          }
        }
      }
    }
  });

  it('takes an action through its steps: the owner marks done, the cadence owner confirms, then the check', () => {
    const planned = { checkDate: plainDate('2026-04-01') };
    const contributor = roleAccess('contributor').can;
    const lead = roleAccess('cadence_owner').can;
    const quality = roleAccess('quality_owner').can;
    expect(actionRights(contributor, action('open', me, planned).shown, me.id)).toEqual({
      edit: true,
      done: true,
      confirm: false,
      isOwnClosure: false,
      reopen: false,
      check: false,
    });
    expect(actionRights(contributor, action('open', other, planned).shown, me.id)).toEqual({
      edit: false,
      done: false,
      confirm: false,
      isOwnClosure: false,
      reopen: false,
      check: false,
    });
    // The cadence owner edits anyone's open action but marks done only her own.
    expect(actionRights(lead, action('open', other, planned).shown, me.id)).toEqual({
      edit: true,
      done: false,
      confirm: false,
      isOwnClosure: false,
      reopen: false,
      check: false,
    });
    expect(actionRights(lead, action('done', other, planned).shown, me.id)).toMatchObject({ confirm: true });
    expect(actionRights(contributor, action('done', me, planned).shown, me.id)).toMatchObject({ confirm: false });
    // Two people, two steps: the cadence owner who marked her own action done sees why she may not confirm it.
    expect(actionRights(lead, action('done', me, planned).shown, me.id)).toMatchObject({
      confirm: false,
      isOwnClosure: true,
      reopen: true,
    });
    expect(actionRights(roleAccess('decision_owner').can, action('done', other, planned).shown, me.id)).toMatchObject({ confirm: true });
    expect(actionRights(quality, action('closed', other, planned).shown, me.id)).toMatchObject({ check: true });
    expect(actionRights(quality, action('closed', other, { ...planned, checkResult: 'effective' }).shown, me.id)).toMatchObject({
      check: false,
    });
  });

  it('offers no effectiveness check on an action that has none planned', () => {
    const { shown } = action('closed', other, { checkDate: null });
    expect(actionRights(roleAccess('cadence_owner').can, shown, me.id).check).toBe(false);
  });
});

describe('useActionButtons', () => {
  it('gives Confirm closure and Reopen together, each naming the action', () => {
    const buttons = callHook(useActionButtons);
    const { shown } = action('done', other);
    const rights = { edit: false, done: false, confirm: true, isOwnClosure: false, reopen: true, check: false };
    expect(buttons(shown, rights).map((b) => [b.action, b.label, b.disabledBecause])).toEqual([
      ['confirm', 'Confirm closure of A-7', undefined],
      ['reopen', 'Reopen A-7', undefined],
    ]);
  });

  it('shows Confirm closure disabled, saying why, to the person who marked the action done', () => {
    const buttons = callHook(useActionButtons);
    const { shown } = action('done', me);
    const rights = { edit: false, done: false, confirm: false, isOwnClosure: true, reopen: true, check: false };
    expect(buttons(shown, rights).map((b) => [b.action, b.disabledBecause])).toEqual([
      ['confirm', 'You marked it done yourself, so someone else confirms it: a decision owner or an admin.'],
      ['reopen', undefined],
    ]);
  });
});

describe('action lists', () => {
  const a = (key: string, status: Stored['status'], due: string | null, isOverdue = false) =>
    action(status, me, { key, dueDate: due === null ? null : plainDate(due) }, isOverdue).shown;

  it('puts overdue actions first, then those waiting for confirmation, then the rest by due date; closed last', () => {
    const sorted = [
      a('A-1', 'closed', '2026-03-01'),
      a('A-2', 'open', null),
      a('A-3', 'open', '2026-03-09'),
      a('A-4', 'done', '2026-03-20'),
      a('A-5', 'open', '2026-03-02', true),
      a('A-10', 'open', '2026-03-09'),
    ].sort(actionOrder);
    expect(sorted.map((x) => x.key)).toEqual(['A-5', 'A-4', 'A-3', 'A-10', 'A-2', 'A-1']);
  });

  it('filters "active" as everything not yet closed', () => {
    const all = [a('A-1', 'open', null), a('A-2', 'done', null), a('A-3', 'closed', null)];
    expect(all.filter((x) => matchesFilter(x, 'active')).map((x) => x.key)).toEqual(['A-1', 'A-2']);
    expect(all.filter((x) => matchesFilter(x, 'done')).map((x) => x.key)).toEqual(['A-2']);
    expect(all.filter((x) => matchesFilter(x, 'all'))).toHaveLength(3);
  });
});

const listed = (key: string, status: Action['status']) => ({ key, status }) as Action;
// Pages come in work order: open, then done, then closed.
const loaded = [listed('A-1', 'open'), listed('A-2', 'open'), listed('A-3', 'done'), listed('A-4', 'done')];

describe('filterCounts', () => {
  it('counts every filter exactly once the last page is loaded', () => {
    const counts = filterCounts(loaded, { hasMore: false, lastStatus: 'done' });
    expect(counts).toEqual({
      active: { count: 4, isComplete: true },
      open: { count: 2, isComplete: true },
      done: { count: 2, isComplete: true },
      closed: { count: 0, isComplete: true },
      all: { count: 4, isComplete: true },
    });
  });

  it('while pages remain, holds only the statuses before the last loaded one complete', () => {
    const counts = filterCounts(loaded, { hasMore: true, lastStatus: 'done' });
    expect(counts.open).toEqual({ count: 2, isComplete: true });
    // More done actions, and every closed one, may be on the pages to come.
    expect(counts.done.isComplete).toBe(false);
    expect(counts.active.isComplete).toBe(false);
    expect(counts.closed).toEqual({ count: 0, isComplete: false });
    expect(counts.all.isComplete).toBe(false);
    // Once a closed action is loaded, every open and done one is.
    const further = filterCounts([...loaded, listed('A-5', 'closed')], { hasMore: true, lastStatus: 'closed' });
    expect(further.active).toEqual({ count: 4, isComplete: true });
    expect(further.closed).toEqual({ count: 1, isComplete: false });
  });

  it('knows nothing complete before the first page', () => {
    expect(filterCounts([], { hasMore: true, lastStatus: undefined }).open.isComplete).toBe(false);
  });
});
