import { describe, expect, it } from 'vitest';
import {
  type Action,
  type ActionDraft,
  confirmClosure,
  editAction,
  isActionOverdue,
  markDone,
  openAction,
  recordEffectiveness,
  reopenAction,
} from './action.js';
import { asUserId } from './ids.js';
import type { PlainDate } from './plain-date.js';
import type { Result } from './result.js';

const chen = asUserId('u-chen');
const dana = asUserId('u-dana');
const d = (s: string) => s as PlainDate;
const at = '2026-03-11T04:00:00.000Z';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function refusal<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const draft: ActionDraft = {
  id: 'a-1',
  programId: 'p-kettle',
  key: 'A-1',
  title: '  Send corrected commercial invoice to broker ',
  ownerId: chen,
  dueDate: d('2026-03-13'),
  severity: 'high',
};
const opened = (over: Partial<ActionDraft> = {}): Action => value(openAction({ ...draft, ...over })).next;
const done = (a: Action = opened()): Action => value(markDone(a, chen, 'Invoice sent to the broker.', at)).next;
const closed = (a: Action = done()): Action => value(confirmClosure(a, dana, at)).next;

describe('openAction', () => {
  it('opens with the owner, the first due date kept as the promise, status open and version 1', () => {
    const r = value(openAction({ ...draft, blocksMilestoneId: 'm-12', checkDate: d('2026-04-10') }));
    expect(r.next).toMatchObject({
      title: 'Send corrected commercial invoice to broker',
      description: '',
      ownerId: chen,
      dueDate: '2026-03-13',
      originalDueDate: '2026-03-13',
      status: 'open',
      blocksMilestoneId: 'm-12',
      riskId: null,
      checkDate: '2026-04-10',
      checkResult: null,
      version: 1,
    });
    expect(r.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['title', 'ownerId', 'dueDate', 'originalDueDate', 'status']));
  });

  it('refuses an action without an owner (OWNER_REQUIRED), without a due date (DUE_DATE_REQUIRED) or without a title', () => {
    expect(refusal(openAction({ ...draft, ownerId: null }))).toMatchObject({ code: 'OWNER_REQUIRED', fields: [{ path: 'ownerId' }] });
    expect(refusal(openAction({ ...draft, dueDate: null }))).toMatchObject({ code: 'DUE_DATE_REQUIRED', fields: [{ path: 'dueDate' }] });
    expect(refusal(openAction({ ...draft, title: '   ' }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'title' }] });
  });
});

describe('editAction', () => {
  it('moves the due date with a reason and keeps the original promise', () => {
    const r = value(editAction(opened(), { dueDate: d('2026-03-20') }, 'Broker closed for the holiday'));
    expect(r.next).toMatchObject({ dueDate: '2026-03-20', originalDueDate: '2026-03-13', version: 2 });
    expect(r.changes).toEqual([{ field: 'dueDate', oldValue: '2026-03-13', newValue: '2026-03-20' }]);
    const again = value(editAction(r.next, { dueDate: d('2026-03-27') }, 'Second slip'));
    expect(again.next).toMatchObject({ dueDate: '2026-03-27', originalDueDate: '2026-03-13' });
  });

  it('refuses a due-date move without a reason, leaving the action as it was', () => {
    const a = opened();
    for (const reason of [undefined, '  ']) {
      expect(refusal(editAction(a, { dueDate: d('2026-03-20') }, reason))).toMatchObject({
        code: 'REASON_REQUIRED',
        fields: [{ path: 'reason' }],
      });
    }
    expect(refusal(editAction(a, { dueDate: null }, 'No date after all')).code).toBe('DUE_DATE_REQUIRED');
    expect(a).toMatchObject({ dueDate: '2026-03-13', originalDueDate: '2026-03-13', version: 1 });
  });

  it('takes the first date given to an undated (legacy) action as its promise, without needing a reason', () => {
    const legacy: Action = { ...opened(), dueDate: null, originalDueDate: null };
    const r = value(editAction(legacy, { dueDate: d('2026-03-18') }, undefined));
    expect(r.next).toMatchObject({ dueDate: '2026-03-18', originalDueDate: '2026-03-18' });
  });

  it('changes other fields without a reason, and ignores fields not given', () => {
    const r = value(
      editAction(opened(), { title: 'Send invoice v2', severity: 'critical', ownerId: dana, description: undefined }, undefined),
    );
    expect(r.next).toMatchObject({ title: 'Send invoice v2', severity: 'critical', ownerId: dana, dueDate: '2026-03-13' });
    expect(r.changes.map((c) => c.field).sort()).toEqual(['ownerId', 'severity', 'title']);
  });

  it('refuses to take the owner away, to change nothing, or to edit a closed action', () => {
    expect(refusal(editAction(opened(), { ownerId: null }, undefined)).code).toBe('OWNER_REQUIRED');
    expect(refusal(editAction(opened(), { severity: 'high' }, undefined)).code).toBe('NOTHING_TO_CHANGE');
    expect(refusal(editAction(closed(), { title: 'Late edit' }, undefined)).code).toBe('ACTION_STATE');
  });

  it('edits a done action (waiting for confirmation)', () => {
    expect(value(editAction(done(), { severity: 'low' }, undefined)).next).toMatchObject({ status: 'done', severity: 'low' });
  });
});

describe('markDone', () => {
  it('the owner marks an open action done with a note', () => {
    const r = value(markDone(opened(), chen, '  Invoice sent.  ', at));
    expect(r.next).toMatchObject({ status: 'done', doneNote: 'Invoice sent.', doneAt: at, doneById: chen, version: 2 });
    expect(r.changes.map((c) => c.field).sort()).toEqual(['doneAt', 'doneById', 'doneNote', 'status']);
  });

  it('refuses anyone but the owner (NOT_ACTION_OWNER)', () => {
    expect(refusal(markDone(opened(), dana, 'Done by the lead', at)).code).toBe('NOT_ACTION_OWNER');
  });

  it('refuses without a note, and on an action that is not open (ACTION_STATE)', () => {
    expect(refusal(markDone(opened(), chen, ' ', at))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'note' }] });
    expect(refusal(markDone(done(), chen, 'Again', at)).code).toBe('ACTION_STATE');
    expect(refusal(markDone(closed(), chen, 'Again', at)).code).toBe('ACTION_STATE');
  });
});

describe('confirmClosure', () => {
  it('closes a done action, naming who confirmed and when', () => {
    expect(value(confirmClosure(done(), dana, at)).next).toMatchObject({ status: 'closed', confirmedById: dana, confirmedAt: at });
  });

  it('refuses the person who marked it done (two people, two steps: CLOSURE_NEEDS_SECOND_PERSON)', () => {
    const r = refusal(confirmClosure(done(), chen, at));
    expect(r.code).toBe('CLOSURE_NEEDS_SECOND_PERSON');
    expect(r.message).toContain('A-1');
    // A legacy action closed before who marked it done was kept can be confirmed by anyone allowed.
    expect(value(confirmClosure({ ...done(), doneById: null }, chen, at)).next.status).toBe('closed');
  });

  it('refuses to confirm an open or an already closed action (ACTION_STATE)', () => {
    expect(refusal(confirmClosure(opened(), dana, at)).code).toBe('ACTION_STATE');
    expect(refusal(confirmClosure(closed(), dana, at)).code).toBe('ACTION_STATE');
  });
});

describe('reopenAction', () => {
  it('sends a done action back to open with a reason, clearing the done note', () => {
    const r = value(reopenAction(done(), 'Broker still rejects the invoice'));
    expect(r.next).toMatchObject({ status: 'open', doneNote: null, doneAt: null, doneById: null, confirmedById: null });
  });

  it('reopens a closed action too, clearing the confirmation', () => {
    expect(value(reopenAction(closed(), 'The fix did not hold')).next).toMatchObject({
      status: 'open',
      confirmedById: null,
      confirmedAt: null,
    });
  });

  it('refuses without a reason (REASON_REQUIRED) and on an open action (ACTION_STATE)', () => {
    expect(refusal(reopenAction(done(), undefined)).code).toBe('REASON_REQUIRED');
    expect(refusal(reopenAction(done(), '  ')).code).toBe('REASON_REQUIRED');
    expect(refusal(reopenAction(opened(), 'Why not')).code).toBe('ACTION_STATE');
  });
});

describe('recordEffectiveness', () => {
  const corrective = () => opened({ checkDate: d('2026-04-10') });

  it('records whether the fix held, once the action is done or closed', () => {
    expect(value(recordEffectiveness(done(corrective()), 'effective')).next).toMatchObject({ checkResult: 'effective' });
    const r = value(recordEffectiveness(closed(done(corrective())), 'not_effective'));
    expect(r.changes).toEqual([{ field: 'checkResult', oldValue: null, newValue: 'not_effective' }]);
  });

  it('refuses before the action is done, without a planned check, or when nothing changes', () => {
    expect(refusal(recordEffectiveness(corrective(), 'effective')).code).toBe('ACTION_STATE');
    expect(refusal(recordEffectiveness(done(), 'effective')).code).toBe('ACTION_STATE');
    const checked = value(recordEffectiveness(done(corrective()), 'effective')).next;
    expect(refusal(recordEffectiveness(checked, 'effective')).code).toBe('NOTHING_TO_CHANGE');
  });
});

describe('isActionOverdue', () => {
  it('is overdue only while open after its due date', () => {
    const a = opened();
    expect(isActionOverdue(a, d('2026-03-13'))).toBe(false);
    expect(isActionOverdue(a, d('2026-03-14'))).toBe(true);
    expect(isActionOverdue(done(), d('2026-03-14'))).toBe(false);
    expect(isActionOverdue({ ...a, dueDate: null }, d('2030-01-01'))).toBe(false);
  });
});
