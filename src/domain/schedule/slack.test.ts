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

  it('lets a negative lag put a predecessor’s latest date after its successor’s', () => {
    const g = graph([m(1, '2026-03-04'), m(2, '2026-03-02')], [link(1, 2, -2)]);
    expect(computeSlack(mondayToFriday, g, d('2026-03-06')).milestones.map((x) => [x.latest, x.slack])).toEqual([
      ['2026-03-10', 4],
      ['2026-03-06', 4],
    ]);
  });
});
