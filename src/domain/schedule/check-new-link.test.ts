import { describe, expect, it } from 'vitest';
import { asMilestoneId } from '../ids.js';
import { plainDate } from '../plain-date.js';
import { checkNewLink, cycleClosedBy } from './check-new-link.js';
import type { DependencyLink, ScheduledMilestone } from './dependency.js';
import { buildDependencyGraph, type DependencyGraph } from './dependency-graph.js';

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

function graph(n: number, links: readonly DependencyLink[]): DependencyGraph {
  const r = buildDependencyGraph(
    Array.from({ length: n }, (_, i) => m(i + 1)),
    links,
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('checkNewLink', () => {
  // M-3 → M-7 → M-5, M-3 → M-4, M-1 alone.
  const g = graph(7, [link(3, 7), link(7, 5), link(3, 4)]);

  it('refuses a link that closes a cycle and names the cycle', () => {
    const r = checkNewLink(g, link(5, 3, 2));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'DEPENDENCY_CYCLE', message: 'These links would form a cycle: M-5 → M-3 → M-7 → M-5.' },
    });
    expect(cycleClosedBy(g, 4, 2)).toEqual(['m5', 'm3', 'm7']);
  });

  it('refuses the two-milestone cycle', () => {
    expect(checkNewLink(g, link(7, 3))).toMatchObject({
      error: { code: 'DEPENDENCY_CYCLE', message: 'These links would form a cycle: M-7 → M-3 → M-7.' },
    });
  });

  it('refuses a milestone as its own predecessor', () => {
    expect(checkNewLink(g, link(3, 3))).toMatchObject({
      ok: false,
      error: { code: 'SELF_DEPENDENCY', message: 'M-3 cannot depend on itself.' },
    });
  });

  it('accepts links that keep the graph acyclic, shortcuts and sideways links included', () => {
    expect(checkNewLink(g, link(3, 5, -1)).ok).toBe(true);
    expect(checkNewLink(g, link(4, 5)).ok).toBe(true);
    expect(checkNewLink(g, link(1, 3)).ok).toBe(true);
    expect(checkNewLink(g, link(5, 4)).ok).toBe(true);
  });

  it('refuses a link to a milestone that is not in the program', () => {
    expect(checkNewLink(g, link(3, 99))).toMatchObject({ ok: false, error: { code: 'LINK_TARGET_NOT_FOUND' } });
  });
});
