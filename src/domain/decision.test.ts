import { describe, expect, it } from 'vitest';
import {
  type Decision,
  type DecisionRequest,
  decide,
  decisionQueueOrder,
  editDecision,
  requestDecision,
  supersede,
  type Verdict,
} from './decision.js';
import { asUserId } from './ids.js';
import type { PlainDate } from './plain-date.js';
import type { Result } from './result.js';

const d = (s: string) => s as PlainDate;
const jonas = asUserId('u-jonas');
const dana = asUserId('u-dana');
const at = '2026-03-11T04:00:00.000Z';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function refusal<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const request: DecisionRequest = {
  id: 'd-1',
  programId: 'p-1',
  key: 'D-1',
  statement: '  Approve tooling rework on cavity 2 (+6 k USD) ',
  context: ' T1 parts show sink marks on the inner lid. ',
  options: 'Rework cavity 2\nRun on one cavity',
  ownerId: jonas,
  requestedById: dana,
  dueDate: d('2026-03-13'),
};
const open: Decision = value(requestDecision(request)).next;
const verdict: Verdict = {
  outcome: 'Rework cavity 2',
  rationale: 'Single-cavity output cannot meet the launch volume.',
  expectedImpact: '+6 k USD tooling, T2 moves one week',
};
const decided: Decision = value(decide(open, verdict, jonas, at)).next;

describe('requestDecision', () => {
  it('opens the decision at version 1 with trimmed text, no verdict and no chain', () => {
    expect(open).toEqual({
      id: 'd-1',
      programId: 'p-1',
      key: 'D-1',
      statement: 'Approve tooling rework on cavity 2 (+6 k USD)',
      context: 'T1 parts show sink marks on the inner lid.',
      options: 'Rework cavity 2\nRun on one cavity',
      ownerId: jonas,
      requestedById: dana,
      dueDate: '2026-03-13',
      status: 'open',
      outcome: null,
      rationale: null,
      expectedImpact: null,
      decidedAt: null,
      decidedById: null,
      supersedesId: null,
      supersededById: null,
      version: 1,
    });
  });

  it('logs every field that is set, each from nothing', () => {
    const { changes } = value(requestDecision(request));
    expect(changes.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['statement', null, 'Approve tooling rework on cavity 2 (+6 k USD)'],
      ['context', null, 'T1 parts show sink marks on the inner lid.'],
      ['options', null, 'Rework cavity 2\nRun on one cavity'],
      ['ownerId', null, jonas],
      ['dueDate', null, '2026-03-13'],
      ['status', null, 'open'],
    ]);
  });

  it('defaults context and options to empty text', () => {
    const r = value(requestDecision({ ...request, context: undefined, options: undefined })).next;
    expect(r).toMatchObject({ context: '', options: '', dueDate: '2026-03-13' });
  });

  it('refuses a decision without a due date with DUE_DATE_REQUIRED', () => {
    const r = refusal(requestDecision({ ...request, dueDate: null }));
    expect(r.code).toBe('DUE_DATE_REQUIRED');
    expect(r.fields?.map((f) => f.path)).toEqual(['dueDate']);
  });

  it('refuses a decision without an owner with OWNER_REQUIRED', () => {
    const r = refusal(requestDecision({ ...request, ownerId: null }));
    expect(r.code).toBe('OWNER_REQUIRED');
    expect(r.fields).toEqual([{ path: 'ownerId', message: 'Name the decision owner.' }]);
  });

  it('refuses a blank statement', () => {
    const r = refusal(requestDecision({ ...request, statement: '   ' }));
    expect(r.code).toBe('VALIDATION_FAILED');
    expect(r.fields?.map((f) => f.path)).toEqual(['statement']);
  });
});

describe('editDecision', () => {
  it('rewords, re-assigns and re-dates an open decision, logging old → new', () => {
    const { next, changes } = value(
      editDecision(open, { statement: 'Approve rework of cavity 2', ownerId: dana, dueDate: d('2026-03-20') }),
    );
    expect(next).toMatchObject({
      statement: 'Approve rework of cavity 2',
      ownerId: dana,
      dueDate: '2026-03-20',
      status: 'open',
      version: 2,
    });
    expect(changes).toEqual([
      { field: 'statement', oldValue: 'Approve tooling rework on cavity 2 (+6 k USD)', newValue: 'Approve rework of cavity 2' },
      { field: 'ownerId', oldValue: jonas, newValue: dana },
      { field: 'dueDate', oldValue: '2026-03-13', newValue: '2026-03-20' },
    ]);
  });

  it('refuses to take the due date away (DUE_DATE_REQUIRED)', () => {
    expect(refusal(editDecision(open, { dueDate: null })).code).toBe('DUE_DATE_REQUIRED');
  });

  it('leaves fields not given as they are', () => {
    const { next } = value(editDecision(open, { context: 'More context' }));
    expect(next).toMatchObject({ statement: open.statement, ownerId: jonas, dueDate: '2026-03-13', context: 'More context' });
  });

  it('refuses an edit that changes nothing, and a blank statement', () => {
    expect(refusal(editDecision(open, { statement: open.statement, dueDate: open.dueDate })).code).toBe('NOTHING_TO_CHANGE');
    expect(refusal(editDecision(open, {})).code).toBe('NOTHING_TO_CHANGE');
    expect(refusal(editDecision(open, { statement: ' ' })).code).toBe('VALIDATION_FAILED');
  });

  it('refuses to edit a decided or superseded decision with DECISION_CLOSED', () => {
    expect(refusal(editDecision(decided, { statement: 'Quietly changed' })).code).toBe('DECISION_CLOSED');
    expect(refusal(editDecision({ ...decided, status: 'superseded' }, { dueDate: d('2026-04-01') })).code).toBe('DECISION_CLOSED');
  });
});

describe('decide', () => {
  it('records outcome, rationale and impact, who and when, and closes the decision', () => {
    const { next, changes } = value(decide(open, { ...verdict, outcome: '  Rework cavity 2 ' }, jonas, at));
    expect(next).toMatchObject({
      status: 'decided',
      outcome: 'Rework cavity 2',
      rationale: verdict.rationale,
      expectedImpact: verdict.expectedImpact,
      decidedAt: at,
      decidedById: jonas,
      version: 2,
    });
    expect(changes.map((c) => c.field)).toEqual(['status', 'outcome', 'rationale', 'expectedImpact', 'decidedAt', 'decidedById']);
    expect(changes[0]).toEqual({ field: 'status', oldValue: 'open', newValue: 'decided' });
  });

  it('refuses anyone but the owner with NOT_DECISION_OWNER', () => {
    const r = refusal(decide(open, verdict, dana, at));
    expect(r).toMatchObject({ code: 'NOT_DECISION_OWNER', message: 'Only the owner of D-1 decides it.' });
  });

  it('refuses to decide twice with DECISION_CLOSED, also for the owner', () => {
    expect(refusal(decide(decided, verdict, jonas, at)).code).toBe('DECISION_CLOSED');
    expect(refusal(decide({ ...decided, status: 'superseded' }, verdict, jonas, at)).code).toBe('DECISION_CLOSED');
  });

  it('refuses a verdict without outcome, rationale or impact, naming each missing field', () => {
    const r = refusal(decide(open, { outcome: ' ', rationale: '', expectedImpact: 'x' }, jonas, at));
    expect(r.code).toBe('VALIDATION_FAILED');
    expect(r.fields?.map((f) => f.path)).toEqual(['outcome', 'rationale']);
    expect(refusal(decide(open, { ...verdict, expectedImpact: '' }, jonas, at)).fields?.map((f) => f.path)).toEqual(['expectedImpact']);
  });
});

describe('supersede', () => {
  const replacement: DecisionRequest = { ...request, id: 'd-2', key: 'D-2', statement: 'Run on one cavity until the rework is done' };
  const newVerdict: Verdict = {
    outcome: 'Run on cavity 1 only',
    rationale: 'Rework lead time is five weeks',
    expectedImpact: 'Half output until W16',
  };

  it('decides the replacement at once and marks the old one superseded, each pointing at the other', () => {
    const s = value(supersede(decided, replacement, newVerdict, 'Toolmaker quoted five weeks', jonas, at));
    expect(s.replacement.next).toMatchObject({
      id: 'd-2',
      key: 'D-2',
      status: 'decided',
      outcome: 'Run on cavity 1 only',
      decidedById: jonas,
      decidedAt: at,
      supersedesId: 'd-1',
      supersededById: null,
      version: 1,
    });
    expect(s.replaced.next).toEqual({ ...decided, status: 'superseded', supersededById: 'd-2', version: decided.version + 1 });
    expect(s.replaced.changes).toEqual([
      { field: 'status', oldValue: 'decided', newValue: 'superseded' },
      { field: 'supersededById', oldValue: null, newValue: 'd-2' },
    ]);
    expect(s.replacement.changes.every((c) => c.oldValue === null)).toBe(true);
    expect(s.replacement.changes.find((c) => c.field === 'supersedesId')).toEqual({
      field: 'supersedesId',
      oldValue: null,
      newValue: 'd-1',
    });
  });

  it('keeps the old owner when the replacement names none', () => {
    const s = value(supersede(decided, { ...replacement, ownerId: null }, newVerdict, 'New facts', jonas, at));
    expect(s.replacement.next.ownerId).toBe(jonas);
  });

  it('makes the replacement of an undated (legacy) decision due the day it is decided', () => {
    const s = value(supersede({ ...decided, dueDate: null }, { ...replacement, dueDate: null }, newVerdict, 'New facts', jonas, at));
    expect(s.replacement.next.dueDate).toBe(at.slice(0, 10));
  });

  it('refuses to supersede an open decision (decide it instead) or one already superseded', () => {
    const r = refusal(supersede(open, replacement, newVerdict, 'Why not', jonas, at));
    expect(r).toMatchObject({ code: 'DECISION_NOT_DECIDED', message: 'D-1 is still open: decide it instead.' });
    const again = refusal(supersede({ ...decided, status: 'superseded' }, replacement, newVerdict, 'Again', jonas, at));
    expect(again).toMatchObject({ code: 'DECISION_NOT_DECIDED', message: 'D-1 is already superseded by another decision.' });
  });

  it('refuses without a reason', () => {
    for (const reason of ['', '   ']) {
      const r = refusal(supersede(decided, replacement, newVerdict, reason, jonas, at));
      expect(r.code).toBe('REASON_REQUIRED');
      expect(r.fields).toEqual([{ path: 'reason', message: 'Required.' }]);
    }
  });

  it('refuses anyone but the owner, and a verdict that is not complete', () => {
    expect(refusal(supersede(decided, replacement, newVerdict, 'Mine now', dana, at)).code).toBe('NOT_DECISION_OWNER');
    const r = refusal(supersede(decided, replacement, { ...newVerdict, rationale: '' }, 'New facts', jonas, at));
    expect(r.code).toBe('VALIDATION_FAILED');
    expect(r.fields?.map((f) => f.path)).toEqual(['rationale']);
  });
});

describe('decisionQueueOrder', () => {
  const item = (key: string, dueDate: string | null): Decision => ({ ...open, id: key, key, dueDate: dueDate as PlainDate | null });

  it('orders by due date, the earliest (so the overdue) first, undated last, then by key in number order', () => {
    const items = [
      item('D-4', null),
      item('D-10', '2026-03-20'),
      item('D-2', '2026-03-20'),
      item('D-9', '2026-03-02'),
      item('D-1', null),
      item('D-3', '2026-03-12'),
    ];
    expect(items.sort(decisionQueueOrder).map((x) => x.key)).toEqual(['D-9', 'D-3', 'D-2', 'D-10', 'D-1', 'D-4']);
  });
});
