import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forwardLinks, graphOf } from '../../../test/support/random-dags.js';
import { addBusinessDays, mondayToFriday } from '../business-days.js';
import { asMilestoneId, type MilestoneId } from '../ids.js';
import { addDays, type PlainDate, plainDate } from '../plain-date.js';
import type { DependencyLink, ScheduledMilestone } from './dependency.js';
import { propagateChange } from './propagate.js';

// Random DAGs (links only from lower to higher number), some milestones done.
const schedule = fc.integer({ min: 2, max: 12 }).chain((n) =>
  fc.record({
    offsets: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n, maxLength: n }),
    done: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: -2, max: 5 })), { maxLength: 3 * n }),
    moved: fc.nat(n - 1),
    by: fc.integer({ min: -5, max: 15 }),
  }),
);

/** The same rules by brute force: relax links out of moving milestones until nothing changes. */
function relax(nodes: readonly ScheduledMilestone[], links: readonly DependencyLink[], id: MilestoneId, to: PlainDate) {
  const date = new Map<MilestoneId, PlainDate>([[id, to]]);
  const start = nodes.find((m) => m.id === id);
  if (!start || to <= start.forecastDate) return new Map();
  for (let changed = true; changed; ) {
    changed = false;
    for (const l of links) {
      const from = date.get(l.predecessorId);
      const s = nodes.find((m) => m.id === l.successorId);
      if (from === undefined || !s || s.actualDate !== null) continue;
      const due = addBusinessDays(mondayToFriday, from, l.lagDays);
      if (due > (date.get(s.id) ?? s.forecastDate)) {
        date.set(s.id, due);
        changed = true;
      }
    }
  }
  date.delete(id);
  return date;
}

describe('propagateChange against brute-force relaxation', () => {
  it('moves exactly the milestones, to exactly the dates, that relaxation does', () => {
    fc.assert(
      fc.property(schedule, ({ offsets, done, links, moved, by }) => {
        const base = plainDate('2026-03-02');
        const nodes: ScheduledMilestone[] = offsets.map((o, i) => ({
          id: asMilestoneId(`m${i}`),
          key: `M-${i}`,
          forecastDate: addDays(base, o),
          actualDate: done[i] && i !== moved ? addDays(base, o) : null,
        }));
        const dag = forwardLinks(nodes, links);
        const graph = graphOf(nodes, dag);
        const target = nodes[moved] as ScheduledMilestone;
        const to = addDays(target.forecastDate, by);
        const r = propagateChange(mondayToFriday, graph, { kind: 'move', milestoneId: target.id, to });
        if (!r.ok) throw new Error(r.error.message);
        expect(new Map(r.value.map((p) => [p.id, p.to]))).toEqual(relax(nodes, dag, target.id, to));
        const order = new Map(r.value.map((p, k) => [p.id, k]));
        for (const p of r.value) expect(order.get(p.cause) ?? -1).toBeLessThan(order.get(p.id) as number);
      }),
      { numRuns: 300 },
    );
  });
});
