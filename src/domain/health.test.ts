import { describe, expect, it } from 'vitest';
import { mondayToFriday } from './business-days.js';
import { currentPhase, milestoneHealth, nextMilestone, programHealth } from './health.js';
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
