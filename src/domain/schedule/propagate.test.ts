import { describe, expect, it } from 'vitest';
import { mondayToFriday, type WorkingDays } from '../business-days.js';
import { asMilestoneId } from '../ids.js';
import { plainDate } from '../plain-date.js';
import type { DependencyLink, ScheduledMilestone } from './dependency.js';
import { buildDependencyGraph, type DependencyGraph } from './dependency-graph.js';
import { propagateChange, type ScheduleChange } from './propagate.js';

// March 2026: Mon 2, Tue 3, Wed 4, Thu 5, Fri 6, Mon 9, Tue 10.
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
const move = (n: number, to: string): ScheduleChange => ({ kind: 'move', milestoneId: asMilestoneId(`m${n}`), to: d(to) });
const complete = (n: number, on: string): ScheduleChange => ({ kind: 'complete', milestoneId: asMilestoneId(`m${n}`), actualDate: d(on) });
const push = (n: number, from: string, to: string, cause: number) => ({ id: `m${n}`, from, to, cause: `m${cause}` });

function graph(nodes: readonly ScheduledMilestone[], links: readonly DependencyLink[]): DependencyGraph {
  const r = buildDependencyGraph(nodes, links);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
function preview(g: DependencyGraph, change: ScheduleChange, cal: WorkingDays = mondayToFriday) {
  const r = propagateChange(cal, g, change);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const linkTo = (p: number, s: number, lagDays: number): ScheduleChange => ({
  kind: 'link',
  milestoneId: asMilestoneId(`m${p}`),
  successorId: asMilestoneId(`m${s}`),
  lagDays,
});

describe('propagateChange for a new link', () => {
  it('pushes the successor to the date the link requires, and its successors after it', () => {
    // M-2 →(0) M-3 exists; the new link M-1 →(2) M-2 needs M-2 on Thu 5 at the earliest (it is on Tue 3).
    const g = graph([m(1, '2026-03-03'), m(2, '2026-03-03'), m(3, '2026-03-04')], [link(2, 3, 0)]);
    expect(preview(g, linkTo(1, 2, 2))).toEqual([push(2, '2026-03-03', '2026-03-05', 1), push(3, '2026-03-04', '2026-03-05', 2)]);
  });

  it('pushes nothing when the successor already has room, and counts negative lags', () => {
    const g = graph([m(1, '2026-03-05'), m(2, '2026-03-04')], []);
    expect(preview(g, linkTo(1, 2, -1))).toEqual([]);
    expect(preview(g, linkTo(1, 2, 0))).toEqual([push(2, '2026-03-04', '2026-03-05', 1)]);
  });

  it("counts from a done predecessor's actual date and never moves a done successor", () => {
    const g = graph([m(1, '2026-03-02', '2026-03-06'), m(2, '2026-03-04'), m(3, '2026-03-03', '2026-03-03')], []);
    expect(preview(g, linkTo(1, 2, 1))).toEqual([push(2, '2026-03-04', '2026-03-09', 1)]);
    expect(preview(g, linkTo(1, 3, 1))).toEqual([]);
  });

  it('refuses a push beyond the supported dates, naming lagDays', () => {
    const g = graph([m(1, '2099-12-30'), m(2, '2099-12-01')], []);
    const r = propagateChange(mondayToFriday, g, linkTo(1, 2, 30));
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.code, r.error.fields?.[0]?.path]).toEqual(['DATE_OUT_OF_RANGE', 'lagDays']);
  });
});

describe('propagateChange', () => {
  it('pushes a chain, each milestone naming the predecessor that pushed it', () => {
    // M-1 →(2) M-2 →(0) M-3; M-3 has two days of room.
    const g = graph([m(1, '2026-03-02'), m(2, '2026-03-04'), m(3, '2026-03-06')], [link(1, 2, 2), link(2, 3, 0)]);
    expect(preview(g, move(1, '2026-03-05'))).toEqual([push(2, '2026-03-04', '2026-03-09', 1), push(3, '2026-03-06', '2026-03-09', 2)]);
  });

  it('stops where a successor has enough room', () => {
    const g = graph([m(1, '2026-03-02'), m(2, '2026-03-04'), m(3, '2026-03-10')], [link(1, 2, 2), link(2, 3, 0)]);
    expect(preview(g, move(1, '2026-03-03'))).toEqual([push(2, '2026-03-04', '2026-03-05', 1)]);
  });

  it('takes the latest requirement when several predecessors move (diamond)', () => {
    // M-1 →(1) M-2 →(1) M-4 and M-1 →(3) M-3 →(0) M-4.
    const g = graph(
      [m(1, '2026-03-02'), m(2, '2026-03-03'), m(3, '2026-03-05'), m(4, '2026-03-05')],
      [link(1, 2, 1), link(1, 3, 3), link(2, 4, 1), link(3, 4, 0)],
    );
    expect(preview(g, move(1, '2026-03-04'))).toEqual([
      push(2, '2026-03-03', '2026-03-05', 1),
      push(3, '2026-03-05', '2026-03-09', 1),
      push(4, '2026-03-05', '2026-03-09', 3),
    ]);
  });

  it('lets a negative lag overlap, counting back over the weekend', () => {
    const g = graph([m(1, '2026-03-04'), m(2, '2026-03-02')], [link(1, 2, -2)]);
    expect(preview(g, move(1, '2026-03-06'))).toEqual([push(2, '2026-03-02', '2026-03-04', 1)]);
    expect(preview(g, move(1, '2026-03-10'))).toEqual([push(2, '2026-03-02', '2026-03-06', 1)]);
  });

  it('lets a zero lag finish the same day, a lag of one the next business day', () => {
    const g = graph([m(1, '2026-03-02'), m(2, '2026-03-02'), m(3, '2026-03-03')], [link(1, 2, 0), link(1, 3, 1)]);
    expect(preview(g, move(1, '2026-03-06'))).toEqual([push(2, '2026-03-02', '2026-03-06', 1), push(3, '2026-03-03', '2026-03-09', 1)]);
  });

  it('pushes nothing when a date moves earlier', () => {
    const g = graph([m(1, '2026-03-04'), m(2, '2026-03-05')], [link(1, 2, 1)]);
    expect(preview(g, move(1, '2026-03-02'))).toEqual([]);
  });

  it('re-forecasts successors from the actual date of a late completion, and not after an early one', () => {
    const g = graph([m(1, '2026-03-02'), m(2, '2026-03-03')], [link(1, 2, 1)]);
    expect(preview(g, complete(1, '2026-03-05'))).toEqual([push(2, '2026-03-03', '2026-03-06', 1)]);
    expect(preview(g, complete(1, '2026-02-27'))).toEqual([]);
  });

  it('never moves a done successor, and a push stops there', () => {
    const g = graph([m(1, '2026-03-02'), m(2, '2026-03-03', '2026-03-03'), m(3, '2026-03-04')], [link(1, 2, 1), link(2, 3, 1)]);
    expect(preview(g, move(1, '2026-03-10'))).toEqual([]);
  });

  it('ignores links from predecessors that do not move, done ones included', () => {
    // M-1 is done late (Thu); M-3 already violates its link to M-1, and moving M-2 does not fix that.
    const g = graph([m(1, '2026-03-02', '2026-03-05'), m(2, '2026-03-02'), m(3, '2026-03-04')], [link(1, 3, 0), link(2, 3, 0)]);
    expect(preview(g, move(2, '2026-03-03'))).toEqual([]);
    expect(preview(g, move(2, '2026-03-06'))).toEqual([push(3, '2026-03-04', '2026-03-06', 2)]);
  });

  it('counts a holiday inside a lag as no business day', () => {
    const holiday = d('2026-03-05');
    const withHoliday: WorkingDays = { isWorkingDay: (x) => x !== holiday && mondayToFriday.isWorkingDay(x) };
    const g = graph([m(1, '2026-03-02'), m(2, '2026-03-04')], [link(1, 2, 2)]);
    expect(preview(g, move(1, '2026-03-04'))).toEqual([push(2, '2026-03-04', '2026-03-06', 1)]);
    expect(preview(g, move(1, '2026-03-04'), withHoliday)).toEqual([push(2, '2026-03-04', '2026-03-09', 1)]);
  });

  it('refuses to move a done milestone or one that is not in the program', () => {
    const g = graph([m(1, '2026-03-02', '2026-03-02')], []);
    expect(propagateChange(mondayToFriday, g, move(1, '2026-03-04'))).toMatchObject({ ok: false, error: { code: 'MILESTONE_DONE' } });
    expect(propagateChange(mondayToFriday, g, move(9, '2026-03-04'))).toMatchObject({
      ok: false,
      error: { code: 'MILESTONE_NOT_FOUND' },
    });
  });
});
