import { describe, expect, it } from 'vitest';
import { mondayToFriday } from '../business-days.js';
import { asMilestoneId, asProgramId, type MilestoneId } from '../ids.js';
import type { Milestone } from '../milestone.js';
import { plainDate } from '../plain-date.js';
import { applyPushes } from './apply-pushes.js';
import { buildDependencyGraph } from './dependency-graph.js';
import { propagateChange, type ScheduleChange } from './propagate.js';

const milestone = (n: number, forecast: string): Milestone => ({
  id: asMilestoneId(`m${n}`),
  programId: asProgramId('p1'),
  key: `M-${n}`,
  name: `Milestone ${n}`,
  phase: 'G2',
  ownerId: null,
  baselineDate: plainDate(forecast),
  forecastDate: plainDate(forecast),
  actualDate: null,
  isCritical: false,
  toleranceDays: null,
  version: 3,
});

// M-12 →(2) M-13 →(0) M-14.
const all = [milestone(12, '2026-03-02'), milestone(13, '2026-03-04'), milestone(14, '2026-03-04')];
const byId = new Map<MilestoneId, Milestone>(all.map((m) => [m.id, m]));
const links = [
  { predecessorId: asMilestoneId('m12'), successorId: asMilestoneId('m13'), lagDays: 2 },
  { predecessorId: asMilestoneId('m13'), successorId: asMilestoneId('m14'), lagDays: 0 },
];

function confirm(change: ScheduleChange, reason: string | undefined) {
  const g = buildDependencyGraph(all, links);
  if (!g.ok) throw new Error(g.error.message);
  const pushes = propagateChange(mondayToFriday, g.value, change);
  if (!pushes.ok) throw new Error(pushes.error.message);
  const r = applyPushes(byId, change, pushes.value, reason);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('applyPushes', () => {
  it('moves every pushed milestone with a reason naming what pushed it and the original reason', () => {
    const edits = confirm({ kind: 'move', milestoneId: asMilestoneId('m12'), to: plainDate('2026-03-05') }, 'Tooling delay.');
    expect(edits.map((e) => [e.next.key, e.next.forecastDate, e.next.version, e.reason])).toEqual([
      ['M-13', '2026-03-09', 4, 'pushed by M-12 moving to 2026-03-05: Tooling delay.'],
      ['M-14', '2026-03-09', 4, 'pushed by M-13 moving to 2026-03-09: Tooling delay.'],
    ]);
    expect(edits[0]?.changes).toEqual([{ field: 'forecastDate', oldValue: '2026-03-04', newValue: '2026-03-09' }]);
  });

  it('names a late completion as the cause', () => {
    const edits = confirm({ kind: 'complete', milestoneId: asMilestoneId('m12'), actualDate: plainDate('2026-03-03') }, undefined);
    expect(edits.map((e) => e.reason)).toEqual(['pushed by M-12 done on 2026-03-03', 'pushed by M-13 moving to 2026-03-05']);
  });

  it('names a new link as the cause of the first push, with its lag', () => {
    // M-14 →(1) new → M-12: M-12 moves to the day after M-14, and M-13, M-14… are after M-12 already.
    const byKey = new Map<MilestoneId, Milestone>([...byId, [asMilestoneId('m20'), milestone(20, '2026-03-04')]]);
    const g = buildDependencyGraph([...all, milestone(20, '2026-03-04')], links);
    if (!g.ok) throw new Error(g.error.message);
    const change: ScheduleChange = { kind: 'link', milestoneId: asMilestoneId('m20'), successorId: asMilestoneId('m12'), lagDays: 1 };
    const pushes = propagateChange(mondayToFriday, g.value, change);
    if (!pushes.ok) throw new Error(pushes.error.message);
    const r = applyPushes(byKey, change, pushes.value, 'Sample approval first.');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.map((e) => [e.next.key, e.next.forecastDate, e.reason])).toEqual([
      ['M-12', '2026-03-05', 'pushed by the new link M-20 → M-12 (lag 1 business day): Sample approval first.'],
      ['M-13', '2026-03-09', 'pushed by M-12 moving to 2026-03-05: Sample approval first.'],
      ['M-14', '2026-03-09', 'pushed by M-13 moving to 2026-03-09: Sample approval first.'],
    ]);
  });
});
