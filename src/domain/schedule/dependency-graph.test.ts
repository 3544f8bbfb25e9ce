import { describe, expect, it } from 'vitest';
import { asMilestoneId, type MilestoneId } from '../ids.js';
import { plainDate } from '../plain-date.js';
import type { DependencyLink, ScheduledMilestone } from './dependency.js';
import { buildDependencyGraph } from './dependency-graph.js';

const m = (n: number): ScheduledMilestone => ({
  id: asMilestoneId(`m${n}`),
  key: `M-${n}`,
  forecastDate: plainDate('2026-03-02'),
  actualDate: null,
});
const link = (p: number, s: number, lagDays = 0): DependencyLink => ({
  predecessorId: asMilestoneId(`m${p}`),
  successorId: asMilestoneId(`m${s}`),
  lagDays,
});

describe('buildDependencyGraph', () => {
  it('orders every link forward and indexes both directions', () => {
    const r = buildDependencyGraph([m(1), m(2), m(3), m(4)], [link(3, 2, 1), link(1, 3, -2), link(1, 4, 5)]);
    if (!r.ok) throw new Error(r.error.message);
    const g = r.value;
    const pos = (id: MilestoneId) => g.position[g.index.get(id) as number] as number;
    for (const [p, s] of [
      [3, 2],
      [1, 3],
      [1, 4],
    ] as const) {
      expect(pos(asMilestoneId(`m${p}`))).toBeLessThan(pos(asMilestoneId(`m${s}`)));
    }
    const succOf = (i: number) => [...g.succNode.subarray(g.succStart[i], g.succStart[i + 1])];
    const lagsOf = (i: number) => [...g.succLag.subarray(g.succStart[i], g.succStart[i + 1])];
    expect(succOf(0)).toEqual([2, 3]);
    expect(lagsOf(0)).toEqual([-2, 5]);
    expect([...g.predNode.subarray(g.predStart[1], g.predStart[2])]).toEqual([2]);
  });

  it('refuses stored links that form a cycle and names it in link direction', () => {
    // 1 → 2 → 3 → 2, and 3 → 4 downstream of the cycle.
    const r = buildDependencyGraph([m(1), m(2), m(3), m(4)], [link(1, 2), link(2, 3), link(3, 2), link(3, 4)]);
    expect(r).toEqual({
      ok: false,
      error: { code: 'DEPENDENCY_CYCLE', message: 'These links would form a cycle: M-3 → M-2 → M-3.' },
    });
  });

  it('refuses a link onto itself and a link to a milestone of another program', () => {
    expect(buildDependencyGraph([m(1)], [link(1, 1)])).toMatchObject({ ok: false, error: { code: 'SELF_DEPENDENCY' } });
    expect(buildDependencyGraph([m(1)], [link(1, 9)])).toMatchObject({ ok: false, error: { code: 'LINK_TARGET_NOT_FOUND' } });
  });

  it('accepts milestones without links', () => {
    const r = buildDependencyGraph([m(1), m(2)], []);
    expect(r.ok && [...r.value.order]).toEqual([0, 1]);
  });
});
