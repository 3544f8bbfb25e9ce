import { describe, expect, it } from 'vitest';
import type { Action } from './action.js';
import type { Decision } from './decision.js';
import { asMilestoneId, asProgramId, asUserId, type UserId } from './ids.js';
import type { Milestone } from './milestone.js';
import { isoWeekOf, type ProgramWeek, selectMyWeek, type WeekChecklistItem, type WeekItem, weekOrder } from './my-week.js';
import type { PlainDate } from './plain-date.js';
import type { Risk } from './risk.js';

const me = asUserId('u-chen');
const dana = asUserId('u-dana');
const d = (s: string) => s as PlainDate;
// Wednesday 11 March 2026; its ISO week runs Monday 9 to Sunday 15 March.
const today = d('2026-03-11');

const action = (key: string, over: Partial<Action> = {}): Action => ({
  id: `id-${key}`,
  programId: 'p-kettle',
  key,
  title: `Action ${key}`,
  description: '',
  ownerId: me,
  dueDate: today,
  originalDueDate: today,
  severity: 'medium',
  blocksMilestoneId: null,
  riskId: null,
  status: 'open',
  doneNote: null,
  doneAt: null,
  doneById: null,
  confirmedById: null,
  confirmedAt: null,
  checkDate: null,
  checkResult: null,
  version: 1,
  ...over,
});

const decision = (key: string, over: Partial<Decision> = {}): Decision => ({
  id: `id-${key}`,
  programId: 'p-kettle',
  key,
  statement: `Decide ${key}`,
  context: '',
  options: '',
  ownerId: me,
  requestedById: dana,
  dueDate: today,
  status: 'open',
  outcome: null,
  rationale: null,
  expectedImpact: null,
  decidedAt: null,
  decidedById: null,
  supersedesId: null,
  supersededById: null,
  version: 1,
  ...over,
});

const risk = (key: string, over: Partial<Risk> = {}): Risk => ({
  id: `id-${key}`,
  programId: 'p-kettle',
  key,
  title: `Risk ${key}`,
  description: '',
  ownerId: me,
  category: 'supply',
  likelihood: 3,
  impact: 4,
  earlyWarning: '',
  strategy: 'mitigate',
  mitigation: '',
  residualLikelihood: null,
  residualImpact: null,
  reviewDate: today,
  status: 'open',
  version: 1,
  ...over,
});

const milestone = (key: string, over: Partial<Milestone> = {}): Milestone => ({
  id: asMilestoneId(`id-${key}`),
  programId: asProgramId('p-kettle'),
  key,
  name: `Milestone ${key}`,
  phase: 'G2',
  ownerId: me,
  baselineDate: today,
  forecastDate: today,
  actualDate: null,
  isCritical: false,
  toleranceDays: null,
  version: 1,
  ...over,
});

const week = (over: Partial<ProgramWeek> = {}): ProgramWeek => ({
  programId: 'p-kettle',
  programCode: 'KHG-KW500',
  today,
  isCadenceOwner: false,
  decisions: [],
  actions: [],
  risks: [],
  milestones: [],
  checklistItems: [],
  reviews: [],
  ...over,
});
const keys = (items: readonly WeekItem[]) => items.map((i) => i.key);
const select = (over: Partial<ProgramWeek>, who: UserId = me) => selectMyWeek(who, [week(over)]);

describe('isoWeekOf', () => {
  it('runs Monday to Sunday, for every day of the week', () => {
    for (const day of ['2026-03-09', '2026-03-11', '2026-03-15'])
      expect(isoWeekOf(d(day))).toEqual({ start: '2026-03-09', end: '2026-03-15' });
    expect(isoWeekOf(d('2026-03-16'))).toEqual({ start: '2026-03-16', end: '2026-03-22' });
    // Across a year end: ISO week 1 of 2027 starts on Monday 4 January.
    expect(isoWeekOf(d('2027-01-01'))).toEqual({ start: '2026-12-28', end: '2027-01-03' });
  });
});

describe('my actions', () => {
  it('lists open actions I own due this week or overdue, overdue first; not next week, not done, not others', () => {
    const r = select({
      actions: [
        action('A-1', { dueDate: d('2026-03-15') }),
        action('A-2', { dueDate: d('2026-03-02') }),
        action('A-3', { dueDate: d('2026-03-16') }),
        action('A-4', { dueDate: d('2026-04-10') }),
        action('A-5', { ownerId: dana }),
        action('A-6', { status: 'done' }),
        action('A-7', { status: 'closed', dueDate: d('2026-03-01') }),
        action('A-8', { dueDate: d('2026-03-09') }),
        action('A-9', { dueDate: d('2026-03-11') }),
      ],
    });
    expect(keys(r.actions)).toEqual(['A-2', 'A-8', 'A-9', 'A-1']);
    expect(r.actions.map((a) => a.isOverdue)).toEqual([true, true, false, false]);
    expect(r.actions[0]).toEqual({
      kind: 'action',
      programId: 'p-kettle',
      programCode: 'KHG-KW500',
      id: 'id-A-2',
      key: 'A-2',
      title: 'Action A-2',
      dueDate: '2026-03-02',
      isOverdue: true,
      flags: [],
    });
  });

  it('lists an undated action last, flagged no_due_date', () => {
    const r = select({ actions: [action('A-1', { dueDate: null }), action('A-2', { dueDate: d('2026-03-13') })] });
    expect(keys(r.actions)).toEqual(['A-2', 'A-1']);
    expect(r.actions[1]?.flags).toEqual(['no_due_date']);
  });

  it("uses each program's own today and week", () => {
    // Sunday 15 March in one program is already Monday 16 (a new week) in another.
    const sunday = week({ today: d('2026-03-15'), actions: [action('A-1', { dueDate: d('2026-03-20') })] });
    const monday = week({
      programId: 'p-winch',
      programCode: 'HM-WINCH3',
      today: d('2026-03-16'),
      actions: [action('A-1', { id: 'w-1', programId: 'p-winch', dueDate: d('2026-03-20') })],
    });
    expect(selectMyWeek(me, [sunday, monday]).actions.map((a) => a.programCode)).toEqual(['HM-WINCH3']);
  });
});

describe('confirmations', () => {
  it('lists done actions on programs I run, whoever owns them, and nothing where I do not', () => {
    const actions = [
      action('A-1', { status: 'done', ownerId: dana }),
      action('A-2', { status: 'done' }),
      action('A-3', { status: 'open' }),
      action('A-4', { status: 'closed' }),
    ];
    expect(keys(select({ actions, isCadenceOwner: true }).confirmations)).toEqual(['A-1', 'A-2']);
    expect(select({ actions, isCadenceOwner: true }).confirmations[0]).toMatchObject({ kind: 'confirmation', isOverdue: false });
    expect(select({ actions }).confirmations).toEqual([]);
  });
});

describe('decisions', () => {
  it('lists every open decision I own, whenever it is due, overdue first and undated last', () => {
    const r = select({
      decisions: [
        decision('D-1', { dueDate: d('2026-05-01') }),
        decision('D-2', { dueDate: d('2026-03-10') }),
        decision('D-3', { dueDate: null }),
        decision('D-4', { status: 'decided' }),
        decision('D-5', { ownerId: dana }),
      ],
    });
    expect(keys(r.decisions)).toEqual(['D-2', 'D-1', 'D-3']);
    expect(r.decisions.map((x) => [x.isOverdue, x.flags])).toEqual([
      [true, []],
      [false, []],
      [false, ['no_due_date']],
    ]);
  });
});

describe('risks due for review', () => {
  it('lists open and mitigating risks I own reviewed by the week end or undated; not closed, not later', () => {
    const r = select({
      risks: [
        risk('R-1', { reviewDate: d('2026-03-14') }),
        risk('R-2', { reviewDate: d('2026-03-04'), status: 'mitigating' }),
        risk('R-3', { reviewDate: d('2026-03-25') }),
        risk('R-4', { reviewDate: null }),
        risk('R-5', { status: 'closed' }),
        risk('R-6', { status: 'realized' }),
        risk('R-7', { ownerId: dana }),
      ],
    });
    expect(keys(r.risks)).toEqual(['R-2', 'R-1', 'R-4']);
    expect(r.risks[0]).toMatchObject({ kind: 'risk_review', isOverdue: true });
    expect(r.risks[2]?.flags).toEqual(['no_due_date']);
  });
});

describe('milestones due', () => {
  it('lists open milestones I own forecast by the week end, late ones first; not done, not later', () => {
    const r = select({
      milestones: [
        milestone('M-1', { forecastDate: d('2026-03-13') }),
        milestone('M-2', { forecastDate: d('2026-03-05') }),
        milestone('M-3', { forecastDate: d('2026-03-17') }),
        milestone('M-4', { forecastDate: d('2026-03-05'), actualDate: d('2026-03-05') }),
        milestone('M-5', { ownerId: dana }),
      ],
    });
    expect(keys(r.milestones)).toEqual(['M-2', 'M-1']);
    expect(r.milestones.map((m) => [m.kind, m.isOverdue])).toEqual([
      ['milestone', true],
      ['milestone', false],
    ]);
  });
});

describe('weekOrder', () => {
  const it_ = (key: string, over: Partial<WeekItem>): WeekItem => ({
    kind: 'action',
    programId: 'p',
    programCode: 'P',
    id: key,
    key,
    title: key,
    dueDate: today,
    isOverdue: false,
    flags: [],
    ...over,
  });

  it('puts overdue first, then by date, program code and key number (A-10 after A-9)', () => {
    const items = [
      it_('A-10', {}),
      it_('A-9', {}),
      it_('A-1', { programCode: 'Z' }),
      it_('A-3', { dueDate: d('2026-03-01'), isOverdue: true }),
      it_('A-2', { dueDate: null }),
      it_('A-4', { dueDate: d('2026-03-12') }),
    ];
    expect(keys([...items].sort(weekOrder))).toEqual(['A-3', 'A-9', 'A-10', 'A-1', 'A-4', 'A-2']);
  });
});

describe('my week: gate checklist items and evidence to review', () => {
  const entry = (key: string, over: Partial<WeekChecklistItem> = {}): WeekChecklistItem => ({
    id: `i-${key}`,
    programId: 'p-kettle',
    gateKey: 'G2',
    key,
    title: `Item ${key}`,
    ownerId: me,
    dueDate: today,
    state: 'open',
    submittedById: null,
    ...over,
  });

  it('lists the items I own that still need evidence (open or rejected) due this week, overdue or undated; not others', () => {
    const items = [
      entry('G2-FAI'),
      entry('G2-DROP', { state: 'rejected', dueDate: '2026-03-02' as PlainDate }),
      entry('G2-UNDATED', { dueDate: null }),
      entry('G2-LATER', { dueDate: '2026-05-01' as PlainDate }),
      entry('G2-SUBMITTED', { state: 'submitted' }),
      entry('G2-THEIRS', { ownerId: dana }),
    ];
    const w = selectMyWeek(me, [week({ checklistItems: items })]);
    expect(keys(w.checklistItems)).toEqual(['G2-DROP', 'G2-FAI', 'G2-UNDATED']);
    expect(w.checklistItems[0]).toMatchObject({ kind: 'checklist_item', gateKey: 'G2', isOverdue: true });
    expect(w.checklistItems[2]?.flags).toEqual(['no_due_date']);
  });

  it('lists submitted evidence waiting for my review, never my own submission', () => {
    const reviews = [
      entry('G2-FAI', { state: 'submitted', submittedById: 'supplier' }),
      entry('G2-MINE', { state: 'submitted', submittedById: me }),
    ];
    expect(keys(selectMyWeek(me, [week({ reviews })]).reviews)).toEqual(['G2-FAI']);
  });
});
