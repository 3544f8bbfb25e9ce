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

  it('a new forward link pushes exactly what relaxation does once the link is in the plan', () => {
    fc.assert(
      fc.property(schedule, fc.integer({ min: -3, max: 6 }), ({ offsets, done, links, moved, by }, lag) => {
        const base = plainDate('2026-03-02');
        const nodes: ScheduledMilestone[] = offsets.map((o, i) => ({
          id: asMilestoneId(`m${i}`),
          key: `M-${i}`,
          forecastDate: addDays(base, o),
          actualDate: done[i] ? addDays(base, o + (by % 3)) : null,
        }));
        const dag = forwardLinks(nodes, links);
        // A link from a lower to a higher number keeps the plan acyclic; the pair is new or an extra parallel link.
        const p = Math.min(moved, nodes.length - 2);
        const s = nodes.length - 1 - (Math.abs(by) % (nodes.length - 1 - p));
        const pred = nodes[p] as ScheduledMilestone;
        const succ = nodes[s] as ScheduledMilestone;
        const r = propagateChange(mondayToFriday, graphOf(nodes, dag), {
          kind: 'link',
          milestoneId: pred.id,
          successorId: succ.id,
          lagDays: lag,
        });
        if (!r.ok) throw new Error(r.error.message);
        const due = addBusinessDays(mondayToFriday, pred.actualDate ?? pred.forecastDate, lag);
        const expected =
          succ.actualDate === null && due > succ.forecastDate ? new Map([[succ.id, due], ...relax(nodes, dag, succ.id, due)]) : new Map();
        expect(new Map(r.value.map((x) => [x.id, x.to]))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
