import { describe, expect, it } from 'vitest';
import { mondayToFriday } from './business-days.js';
import { currentPhase, type HealthSignals, milestoneHealth, nextMilestone, programHealth, withOverdueEscalations } from './health.js';
import { asMilestoneId, asProgramId } from './ids.js';
import type { Milestone } from './milestone.js';
import type { PlainDate } from './plain-date.js';

const cal = mondayToFriday;
const tolerance = 3;
// Wednesday 11 March 2026; Thu 12, Fri 13, Mon 16, Tue 17.
const today = '2026-03-11' as PlainDate;

let n = 0;
function ms(dates: { baseline: string; forecast?: string; actual?: string | null; phase?: Milestone['phase'] }): Milestone {
  n++;
  return {
    id: asMilestoneId(`m-${n}`),
    programId: asProgramId('p-1'),
    key: `M-${n}`,
    name: `Milestone ${n}`,
    phase: dates.phase ?? 'G1',
    ownerId: null,
    baselineDate: dates.baseline as PlainDate,
    forecastDate: (dates.forecast ?? dates.baseline) as PlainDate,
    actualDate: (dates.actual ?? null) as PlainDate | null,
    isCritical: false,
    toleranceDays: null,
    version: 1,
  };
}
const health = (m: Milestone, t = tolerance) => milestoneHealth(m, today, cal, t);

describe('milestoneHealth', () => {
  it('is done once an actual date is recorded, with the variance to the actual date', () => {
    // Finished two business days late, and in the past: done wins over overdue and slip.
    expect(health(ms({ baseline: '2026-03-04', forecast: '2026-03-04', actual: '2026-03-06' }))).toEqual({
      health: 'done',
      reason: { kind: 'done' },
      variance: 2,
    });
  });

  it('is late (overdue) when the forecast date has passed without completion', () => {
    // Forecast Monday, today Wednesday: two business days overdue, though on its baseline.
    expect(health(ms({ baseline: '2026-03-09' }))).toEqual({ health: 'late', reason: { kind: 'overdue', days: 2 }, variance: 0 });
  });

  it('counts overdue days in business days across a weekend', () => {
    expect(health(ms({ baseline: '2026-03-05' })).reason).toEqual({ kind: 'overdue', days: 4 });
  });

  it('counts a milestone due Friday as one day overdue over the weekend', () => {
    // Due Friday 13 March; on Saturday and Sunday no business day has passed, yet it is overdue.
    const due = ms({ baseline: '2026-03-13' });
    expect(milestoneHealth(due, '2026-03-14' as PlainDate, cal, tolerance).reason).toEqual({ kind: 'overdue', days: 1 });
    expect(milestoneHealth(due, '2026-03-15' as PlainDate, cal, tolerance).reason).toEqual({ kind: 'overdue', days: 1 });
    expect(milestoneHealth(due, '2026-03-16' as PlainDate, cal, tolerance).reason).toEqual({ kind: 'overdue', days: 1 });
  });

  it('is not overdue on the forecast day itself', () => {
    expect(health(ms({ baseline: today })).health).toBe('on_track');
  });

  it('is late (breach) when the forecast lies more than the tolerance after the baseline', () => {
    // Wed → Tue next week: Thu, Fri, Mon, Tue = 4 business days > 3.
    expect(health(ms({ baseline: '2026-03-11', forecast: '2026-03-17' }))).toEqual({
      health: 'late',
      reason: { kind: 'breach', days: 4, tolerance: 3 },
      variance: 4,
    });
  });

  it('is at risk when the forecast slipped but within the tolerance', () => {
    expect(health(ms({ baseline: '2026-03-11', forecast: '2026-03-12' }))).toEqual({
      health: 'at_risk',
      reason: { kind: 'slipped', days: 1 },
      variance: 1,
    });
  });

  it('is at risk exactly at the tolerance and late at tolerance + 1', () => {
    expect(health(ms({ baseline: '2026-03-11', forecast: '2026-03-16' }))).toMatchObject({ health: 'at_risk', variance: 3 });
    expect(health(ms({ baseline: '2026-03-11', forecast: '2026-03-17' }))).toMatchObject({ health: 'late', variance: 4 });
  });

  it('applies the tolerance it is given', () => {
    const m = ms({ baseline: '2026-03-11', forecast: '2026-03-12' });
    expect(health(m, 0).health).toBe('late');
    expect(health(m, 1).health).toBe('at_risk');
  });

  it('is on track on plan, ahead of plan, or slipped only onto a weekend', () => {
    expect(health(ms({ baseline: '2026-03-13' }))).toEqual({ health: 'on_track', reason: { kind: 'on_plan' }, variance: 0 });
    expect(health(ms({ baseline: '2026-03-16', forecast: '2026-03-12' }))).toEqual({
      health: 'on_track',
      reason: { kind: 'on_plan' },
      variance: -2,
    });
    // Friday → Sunday adds no business day.
    expect(health(ms({ baseline: '2026-03-13', forecast: '2026-03-15' })).health).toBe('on_track');
  });
});

describe('programHealth', () => {
  const onTrack = () => ms({ baseline: '2026-03-20' });
  const slipped = (forecast: string) => ms({ baseline: '2026-03-11', forecast });

  it('is on track with no milestones, and when every open milestone is on track', () => {
    expect(programHealth([], today, cal, tolerance)).toEqual({ health: 'on_track', reason: { kind: 'on_plan' }, milestoneId: null });
    expect(programHealth([onTrack(), onTrack()], today, cal, tolerance)).toEqual({
      health: 'on_track',
      reason: { kind: 'on_plan' },
      milestoneId: null,
    });
  });

  it('is done when every milestone is done', () => {
    const all = [ms({ baseline: '2026-03-02', actual: '2026-03-02' }), ms({ baseline: '2026-03-04', actual: '2026-03-10' })];
    expect(programHealth(all, today, cal, tolerance)).toEqual({ health: 'done', reason: { kind: 'done' }, milestoneId: null });
  });

  it('takes the worst open milestone and names it', () => {
    const risky = slipped('2026-03-12');
    const breach = slipped('2026-03-18');
    const h = programHealth([onTrack(), breach, risky], today, cal, tolerance);
    expect(h).toEqual({ health: 'late', reason: { kind: 'breach', days: 5, tolerance: 3 }, milestoneId: breach.id });
  });

  it('ignores done milestones, however late they finished', () => {
    const finishedLate = ms({ baseline: '2026-02-02', actual: '2026-03-10' });
    const risky = slipped('2026-03-12');
    expect(programHealth([finishedLate, risky], today, cal, tolerance)).toMatchObject({ health: 'at_risk', milestoneId: risky.id });
  });

  it('breaks ties by the bigger slip, whatever the order', () => {
    const one = slipped('2026-03-12');
    const three = slipped('2026-03-16');
    expect(programHealth([one, three], today, cal, tolerance)).toMatchObject({
      reason: { kind: 'slipped', days: 3 },
      milestoneId: three.id,
    });
    expect(programHealth([three, one], today, cal, tolerance)).toMatchObject({ milestoneId: three.id });
  });

  it('ranks an overdue milestone above a breach, and the longer overdue first', () => {
    const breach = slipped('2026-03-27'); // 12 business days of slip
    const overdue1 = ms({ baseline: '2026-03-10' });
    const overdue3 = ms({ baseline: '2026-03-06' });
    expect(programHealth([breach, overdue1], today, cal, tolerance)).toMatchObject({
      health: 'late',
      reason: { kind: 'overdue', days: 1 },
      milestoneId: overdue1.id,
    });
    expect(programHealth([overdue1, breach, overdue3], today, cal, tolerance)).toMatchObject({
      reason: { kind: 'overdue', days: 3 },
      milestoneId: overdue3.id,
    });
  });
});

describe('nextMilestone and currentPhase', () => {
  it('the next milestone is the open one with the earliest forecast, and gives the phase', () => {
    const done = ms({ baseline: '2026-03-02', actual: '2026-03-02', phase: 'G1' });
    const later = ms({ baseline: '2026-04-01', phase: 'G3' });
    const sooner = ms({ baseline: '2026-05-01', forecast: '2026-03-20', phase: 'G2' });
    expect(nextMilestone([done, later, sooner])).toBe(sooner);
    expect(currentPhase([done, later, sooner])).toBe('G2');
  });

  it('once all are done there is no next milestone and the phase is the last one', () => {
    const all = [
      ms({ baseline: '2026-03-02', actual: '2026-03-02', phase: 'G4' }),
      ms({ baseline: '2026-03-03', actual: '2026-03-03', phase: 'G2' }),
    ];
    expect(nextMilestone(all)).toBeNull();
    expect(currentPhase(all)).toBe('G4');
    expect(currentPhase([])).toBeNull();
  });
});

describe('milestoneHealth with the plan’s signals', () => {
  const withSignals = (m: Milestone, signals: HealthSignals) => milestoneHealth(m, today, cal, tolerance, signals);
  const everyThreat: HealthSignals = {
    slack: -4,
    recent: { moves: 3, days: 6 },
    blockers: [{ key: 'A-1', dueDate: '2026-03-02' as PlainDate }],
  };

  it('done and overdue win over every signal', () => {
    expect(withSignals(ms({ baseline: '2026-03-20', actual: '2026-03-10' }), everyThreat).reason).toEqual({ kind: 'done' });
    expect(withSignals(ms({ baseline: '2026-03-10' }), everyThreat)).toMatchObject({
      health: 'late',
      reason: { kind: 'overdue', days: 1 },
    });
  });

  it('a milestone’s own tolerance overrides the program’s, 0 included', () => {
    // Wed 11 → Mon 16 March: 3 business days after the baseline.
    const slipped3 = ms({ baseline: '2026-03-11', forecast: '2026-03-16' });
    expect(health(slipped3).reason).toEqual({ kind: 'slipped', days: 3 });
    expect(health({ ...slipped3, toleranceDays: 2 })).toEqual({
      health: 'late',
      reason: { kind: 'breach', days: 3, tolerance: 2 },
      variance: 3,
    });
    // A wider own tolerance turns the program's breach (tolerance 1) into at risk.
    expect(health({ ...slipped3, toleranceDays: 5 }, 1).reason).toEqual({ kind: 'slipped', days: 3 });
    expect(health({ ...ms({ baseline: '2026-03-11', forecast: '2026-03-12' }), toleranceDays: 0 }, 10).reason).toEqual({
      kind: 'breach',
      days: 1,
      tolerance: 0,
    });
  });

  it('breach and slip win over slack, blockers and recent moves', () => {
    expect(withSignals(ms({ baseline: '2026-03-11', forecast: '2026-03-17' }), everyThreat).reason.kind).toBe('breach');
    expect(withSignals(ms({ baseline: '2026-03-11', forecast: '2026-03-12' }), everyThreat).reason).toEqual({ kind: 'slipped', days: 1 });
  });

  it('is at risk for slack only when it is below zero, naming the days short', () => {
    const onPlan = ms({ baseline: '2026-03-20' });
    expect(withSignals(onPlan, { slack: -2 })).toEqual({ health: 'at_risk', reason: { kind: 'no_slack', days: 2 }, variance: 0 });
    expect(withSignals(onPlan, { slack: 0 }).health).toBe('on_track');
    expect(withSignals(onPlan, { slack: 5 }).health).toBe('on_track');
    expect(withSignals(onPlan, { slack: null }).health).toBe('on_track');
    // Ahead of its baseline yet short of the target release.
    expect(withSignals(ms({ baseline: '2026-03-27', forecast: '2026-03-20' }), { slack: -1 }).reason).toEqual({
      kind: 'no_slack',
      days: 1,
    });
  });

  it('is at risk when a blocking action is overdue or due after the forecast, not when due by the forecast', () => {
    const m = ms({ baseline: '2026-03-20' });
    const blockedBy = (dueDate: string | null) => withSignals(m, { blockers: [{ key: 'A-7', dueDate: dueDate as PlainDate | null }] });
    expect(blockedBy('2026-03-10')).toEqual({
      health: 'at_risk',
      reason: { kind: 'blocked', actionKey: 'A-7', overdue: true },
      variance: 0,
    });
    expect(blockedBy('2026-03-23').reason).toEqual({ kind: 'blocked', actionKey: 'A-7', overdue: false });
    expect(blockedBy('2026-03-11').health).toBe('on_track');
    expect(blockedBy('2026-03-20').health).toBe('on_track');
    expect(blockedBy(null).health).toBe('on_track');
    // The first blocker that threatens is named.
    const two = withSignals(m, {
      blockers: [
        { key: 'A-1', dueDate: '2026-03-12' as PlainDate },
        { key: 'A-2', dueDate: '2026-03-24' as PlainDate },
      ],
    });
    expect(two.reason).toEqual({ kind: 'blocked', actionKey: 'A-2', overdue: false });
  });

  it('is at risk when the forecast moved later at least twice in the window and net later', () => {
    const m = ms({ baseline: '2026-03-27', forecast: '2026-03-20' });
    expect(withSignals(m, { recent: { moves: 2, days: 3 } })).toEqual({
      health: 'at_risk',
      reason: { kind: 'slipping', moves: 2, days: 3 },
      variance: -5,
    });
    expect(withSignals(m, { recent: { moves: 1, days: 5 } }).health).toBe('on_track');
    // Two later moves undone by an earlier one: not slipping.
    expect(withSignals(m, { recent: { moves: 2, days: 0 } }).health).toBe('on_track');
    expect(withSignals(m, { recent: { moves: 3, days: -1 } }).health).toBe('on_track');
  });

  it('checks the signals in order: slack, then blockers, then recent moves', () => {
    const m = ms({ baseline: '2026-03-20' });
    const blocker = { key: 'A-3', dueDate: '2026-03-02' as PlainDate };
    const slipping = { moves: 2, days: 4 };
    expect(withSignals(m, { slack: -1, blockers: [blocker], recent: slipping }).reason.kind).toBe('no_slack');
    expect(withSignals(m, { slack: 0, blockers: [blocker], recent: slipping }).reason.kind).toBe('blocked');
    expect(withSignals(m, { slack: 0, blockers: [], recent: slipping }).reason.kind).toBe('slipping');
  });

  it('a program names its milestone furthest short of the target release', () => {
    const a = ms({ baseline: '2026-03-20' });
    const b = ms({ baseline: '2026-03-23' });
    const c = ms({ baseline: '2026-03-24' });
    const slack = new Map([
      [a.id, -2],
      [b.id, -8],
      [c.id, 0],
    ]);
    expect(programHealth([a, b, c], today, cal, tolerance, (m) => ({ slack: slack.get(m.id) }))).toEqual({
      health: 'at_risk',
      reason: { kind: 'no_slack', days: 8 },
      milestoneId: b.id,
    });
    expect(programHealth([c], today, cal, tolerance, (m) => ({ slack: slack.get(m.id) })).health).toBe('on_track');
  });
});

describe('overdue escalations in a program’s health', () => {
  it('put a program on track (or done) at risk, and leave an at-risk or late one its milestone’s reason', () => {
    const onTrack = { health: 'on_track', reason: { kind: 'on_plan' }, milestoneId: null } as const;
    expect(withOverdueEscalations(onTrack, 0)).toBe(onTrack);
    expect(withOverdueEscalations(onTrack, 2)).toEqual({
      health: 'at_risk',
      reason: { kind: 'escalations_overdue', count: 2 },
      milestoneId: null,
    });
    expect(withOverdueEscalations({ ...onTrack, health: 'done', reason: { kind: 'done' } }, 1).health).toBe('at_risk');
    const late = { health: 'late', reason: { kind: 'overdue', days: 3 }, milestoneId: null } as const;
    expect(withOverdueEscalations(late, 5)).toBe(late);
  });
});
