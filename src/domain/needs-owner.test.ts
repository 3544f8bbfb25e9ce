import { describe, expect, it } from 'vitest';
import type { Action } from './action.js';
import type { Decision } from './decision.js';
import { asMilestoneId, asProgramId, asUserId } from './ids.js';
import type { Milestone } from './milestone.js';
import { needsOwner } from './needs-owner.js';
import type { PlainDate } from './plain-date.js';

const ana = asUserId('u-ana');
const d = (s: string) => s as PlainDate;
const milestone = (key: string, over: Partial<Milestone> = {}): Milestone => ({
  id: asMilestoneId(`m-${key}`),
  programId: asProgramId('p-1'),
  key,
  name: `Milestone ${key}`,
  phase: 'G1',
  ownerId: ana,
  baselineDate: d('2026-03-20'),
  forecastDate: d('2026-03-20'),
  actualDate: null,
  isCritical: false,
  toleranceDays: null,
  version: 1,
  ...over,
});
const decision = (key: string, over: Partial<Decision> = {}) =>
  ({ id: `d-${key}`, key, statement: `Decision ${key}`, ownerId: ana, dueDate: d('2026-03-20'), status: 'open', ...over }) as Decision;
const action = (key: string, over: Partial<Action> = {}) =>
  ({ id: `a-${key}`, key, title: `Action ${key}`, ownerId: ana, dueDate: d('2026-03-20'), status: 'open', ...over }) as Action;

describe('needsOwner', () => {
  it('lists open records without an owner or a due date, milestones first, each kind by key number, naming what each lacks', () => {
    const items = needsOwner({
      milestones: [milestone('M-10', { ownerId: null }), milestone('M-2', { ownerId: null }), milestone('M-3')],
      decisions: [decision('D-1', { dueDate: null }), decision('D-2')],
      actions: [action('A-4', { ownerId: null, dueDate: null }), action('A-1')],
    });
    expect(items.map((i) => [i.key, i.lacks])).toEqual([
      ['M-2', ['owner']],
      ['M-10', ['owner']],
      ['D-1', ['due_date']],
      ['A-4', ['owner', 'due_date']],
    ]);
  });

  it('leaves out what is finished: done milestones, decided decisions, closed actions', () => {
    expect(
      needsOwner({
        milestones: [milestone('M-1', { ownerId: null, actualDate: d('2026-03-02') })],
        decisions: [decision('D-1', { dueDate: null, status: 'decided' })],
        actions: [action('A-1', { dueDate: null, status: 'closed' }), action('A-2', { dueDate: null, status: 'done' })],
      }).map((i) => i.key),
    ).toEqual(['A-2']);
  });
});
