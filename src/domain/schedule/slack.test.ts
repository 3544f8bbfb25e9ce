import { describe, expect, it } from 'vitest';
import { mondayToFriday, type WorkingDays } from '../business-days.js';
import { asMilestoneId } from '../ids.js';
import { plainDate } from '../plain-date.js';
import type { DependencyLink, ScheduledMilestone } from './dependency.js';
import { buildDependencyGraph, type DependencyGraph } from './dependency-graph.js';
import { computeSlack } from './slack.js';

// March 2026: Mon 2 … Fri 6, Mon 9 … Fri 13.
const d = plainDate;
const m = (n: number, forecast: string, actual: string | null = null): ScheduledMilestone => ({
  id: asMilestoneId(`m${n}`),
  key: `M-${n}`,
  forecastDate: d(forecast),
  actualDate: actual === null ? null : d(actual),
});
const link = (p: number, s: number, lagDays: number): DependencyLink => ({
  predecessorId: asMilestoneId(`m${p}`),
  successorId: asMilestoneId(`m${s}`),
  lagDays,
});
function graph(nodes: readonly ScheduledMilestone[], links: readonly DependencyLink[]): DependencyGraph {
  const r = buildDependencyGraph(nodes, links);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

// A diamond with one long branch: M-1 →(1) M-2 (short) →(1) M-4, M-1 →(6) M-3 (long) →(1) M-4.
const diamondLinks = [link(1, 2, 1), link(1, 3, 6), link(2, 4, 1), link(3, 4, 1)];
const diamond = (first = m(1, '2026-03-02')) => graph([first, m(2, '2026-03-03'), m(3, '2026-03-10'), m(4, '2026-03-11')], diamondLinks);

describe('computeSlack', () => {
  it('gives each milestone its latest date and slack, and the long branch is critical', () => {
    const r = computeSlack(mondayToFriday, diamond(), d('2026-03-13'));
    expect(r.milestones.map((x) => [x.id, x.latest, x.slack, x.isCritical])).toEqual([
      ['m1', '2026-03-04', 2, true],
      ['m2', '2026-03-12', 7, false],
      ['m3', '2026-03-12', 2, true],
      ['m4', '2026-03-13', 2, true],
    ]);
    expect(r.minSlack).toBe(2);
    expect(r.criticalPath).toEqual(['m1', 'm3', 'm4']);
    expect(r.criticalLinks).toEqual([
      ['m1', 'm3'],
      ['m3', 'm4'],
    ]);
  });

  it('goes negative when the target release is earlier than the plan reaches', () => {
    const r = computeSlack(mondayToFriday, diamond(), d('2026-03-09'));
    expect(r.milestones.map((x) => x.slack)).toEqual([-2, 3, -2, -2]);
    expect(r.criticalPath).toEqual(['m1', 'm3', 'm4']);
  });

  it('measures a done milestone from its actual date and keeps it off the critical path', () => {
    const r = computeSlack(mondayToFriday, diamond(m(1, '2026-03-02', '2026-03-03')), d('2026-03-13'));
    expect(r.milestones[0]).toEqual({ id: 'm1', latest: '2026-03-04', slack: 1, isCritical: false });
    expect(r.criticalPath).toEqual(['m3', 'm4']);
  });

  it('counts a holiday inside a lag, which eats the slack before it', () => {
    const holiday = d('2026-03-05');
    const withHoliday: WorkingDays = { isWorkingDay: (x) => x !== holiday && mondayToFriday.isWorkingDay(x) };
    const r = computeSlack(withHoliday, diamond(), d('2026-03-13'));
    expect(r.milestones[0]).toMatchObject({ latest: '2026-03-03', slack: 1, isCritical: true });
    expect(r.criticalPath).toEqual(['m1']);
  });

  it('lets a negative lag put a predecessor’s latest date after its successor’s, but never after the target release', () => {
    // M-1 →(−2) M-2 →(5) M-3, release Fri 13: M-3 by Fri 13, M-2 by Fri 6, M-1 by Tue 10 (after M-2's).
    const chain = graph([m(1, '2026-03-04'), m(2, '2026-03-02'), m(3, '2026-03-09')], [link(1, 2, -2), link(2, 3, 5)]);
    expect(computeSlack(mondayToFriday, chain, d('2026-03-13')).milestones.map((x) => [x.latest, x.slack])).toEqual([
      ['2026-03-10', 4],
      ['2026-03-06', 4],
      ['2026-03-13', 4],
    ]);
    const g = graph([m(1, '2026-03-04'), m(2, '2026-03-02')], [link(1, 2, -2)]);
    // With the release on Fri 6 the link would allow M-1 until Tue 10; the release does not.
    expect(computeSlack(mondayToFriday, g, d('2026-03-06')).milestones.map((x) => [x.latest, x.slack])).toEqual([
      ['2026-03-06', 2],
      ['2026-03-06', 4],
    ]);
  });

  it('shows a milestone whose only successor has a negative lag as late as the plan it is part of', () => {
    // Target release Wed 30 June 2027; S, T and R all forecast Fri 2 July; S →(−3) T, T →(0) R.
    const g = graph([m(1, '2027-07-02'), m(2, '2027-07-02'), m(3, '2027-07-02')], [link(1, 2, -3), link(2, 3, 0)]);
    const r = computeSlack(mondayToFriday, g, d('2027-06-30'));
    expect(r.milestones.map((x) => [x.id, x.latest, x.slack])).toEqual([
      ['m1', '2027-06-30', -2],
      ['m2', '2027-06-30', -2],
      ['m3', '2027-06-30', -2],
    ]);
    expect(r.minSlack).toBe(-2);
    expect(r.criticalPath).toEqual(['m1', 'm2', 'm3']);
  });
});
