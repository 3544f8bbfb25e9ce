import { describe, expect, it } from 'vitest';
import { mondayToFriday } from '../business-days.js';
import { asMilestoneId } from '../ids.js';
import { plainDate } from '../plain-date.js';
import { factConditions, type ProgramConditionInput, timeConditions } from './conditions.js';
import { defaultTrigger, effectiveTriggers, triggerKinds } from './triggers.js';

const d = plainDate;
const base: ProgramConditionInput = {
  code: 'KHG',
  today: d('2026-12-09'),
  now: new Date('2026-12-09T03:00:00Z'),
  calendar: mondayToFriday,
  triggers: effectiveTriggers([]),
  milestones: [],
  recentMoves: new Map(),
  actions: [],
  decisions: [],
  risks: [],
  gates: [],
  openRequiredItems: [],
  shipments: [],
};
const milestone = (key: string, baseline: string, forecast: string, actual: string | null = null) => ({
  id: asMilestoneId(`m-${key}`),
  key,
  name: `Milestone ${key}`,
  baselineDate: d(baseline),
  forecastDate: d(forecast),
  actualDate: actual === null ? null : d(actual),
});
const keys = (p: Partial<ProgramConditionInput>) => timeConditions({ ...base, ...p }).map((c) => c.conditionKey);

describe('time-based conditions', () => {
  it('a milestone whose forecast or baseline date passed without an actual date is missed', () => {
    expect(
      keys({
        milestones: [
          milestone('M-1', '2026-12-08', '2026-12-10'),
          milestone('M-2', '2026-12-10', '2026-12-08'),
          milestone('M-3', '2026-12-01', '2026-12-01', '2026-12-01'),
          milestone('M-4', '2026-12-09', '2026-12-09'),
        ],
      }),
    ).toEqual(['missed_milestone:M-1', 'missed_milestone:M-2']);
  });

  it('an action or decision is overdue by N business days (0: the due date passed)', () => {
    const actions = [
      { key: 'A-1', title: 'a', status: 'open', dueDate: d('2026-12-08') },
      { key: 'A-2', title: 'b', status: 'done', dueDate: d('2026-12-01') },
      { key: 'A-3', title: 'c', status: 'open', dueDate: d('2026-12-04') },
    ];
    expect(keys({ actions })).toEqual(['overdue_action:A-1', 'overdue_action:A-3']);
    const two = effectiveTriggers([{ ...defaultTrigger('overdue_action'), threshold: 2 }]);
    // A-1 is one business day late (Tuesday → Wednesday), A-3 three (Friday → Wednesday).
    expect(keys({ actions, triggers: two })).toEqual(['overdue_action:A-3']);
  });

  it('a risk scoring at or above N while open, and a slip of N business days within the week', () => {
    const risks = [
      { key: 'R-1', title: 'x', status: 'open' as const, likelihood: 3, impact: 5 },
      { key: 'R-2', title: 'y', status: 'closed' as const, likelihood: 5, impact: 5 },
      { key: 'R-3', title: 'z', status: 'mitigating' as const, likelihood: 2, impact: 5 },
    ];
    expect(keys({ risks })).toEqual(['risk_score:R-1']);
    const m = milestone('M-7', '2026-12-20', '2026-12-28');
    const move = (from: string, to: string) => ({ at: '2026-12-08T00:00:00Z', actorId: null, from: d(from), to: d(to), reason: null });
    expect(
      keys({ milestones: [m], recentMoves: new Map([['m-M-7', [move('2026-12-18', '2026-12-22'), move('2026-12-22', '2026-12-25')]]]) }),
    ).toEqual(['forecast_slip:M-7']);
    expect(keys({ milestones: [m], recentMoves: new Map([['m-M-7', [move('2026-12-18', '2026-12-22')]]]) })).toEqual([]);
  });

  it('a disabled trigger finds nothing; a sample not arrived is late', () => {
    const off = effectiveTriggers(triggerKinds.map((k) => ({ ...defaultTrigger(k), isEnabled: false })));
    const shipments = [{ eventId: 'ev1', title: 'Sample', expectedDate: d('2026-12-08'), arrivedDate: null }];
    expect(keys({ shipments })).toEqual(['late_sample_arrival:ev1']);
    expect(keys({ shipments, triggers: off, milestones: [milestone('M-1', '2026-12-01', '2026-12-01')] })).toEqual([]);
  });
});

describe('floor-event conditions', () => {
  const triggers = effectiveTriggers([]);
  it('an AQL reject, a defect rate above N %, a value out of limits, a low Cpk, a late arrival', () => {
    expect(
      factConditions('K', { eventId: 'e1', title: 'Lot 7', inspectionVerdict: 'reject' }, triggers).map((c) => c.conditionKey),
    ).toEqual(['defect_threshold:e1']);
    expect(factConditions('K', { eventId: 'e1', title: 'Lot 7', inspectionVerdict: 'accept', defectRatePercent: 10 }, triggers)).toEqual(
      [],
    );
    expect(factConditions('K', { eventId: 'e1', title: 'Lot 7', defectRatePercent: 12 }, triggers).map((c) => c.kind)).toEqual([
      'defect_threshold',
    ]);
    expect(factConditions('K', { eventId: 'e2', title: 'Bore', outOfTolerance: false, cpk: 1.1 }, triggers).map((c) => c.kind)).toEqual([
      'tolerance_miss',
    ]);
    expect(factConditions('K', { eventId: 'e2', title: 'Bore', outOfTolerance: false, cpk: 1.5 }, triggers)).toEqual([]);
    expect(
      factConditions('K', { eventId: 'e3', title: 'Sample', lateArrival: { businessDaysLate: 2, eventId: 'e0' } }, triggers).map(
        (c) => c.conditionKey,
      ),
    ).toEqual(['late_sample_arrival:e0']);
  });
});
