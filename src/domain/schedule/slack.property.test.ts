import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forwardLinks, graphOf } from '../../../test/support/random-dags.js';
import { addBusinessDays, businessDaysBetween, mondayToFriday } from '../business-days.js';
import { asMilestoneId, type MilestoneId } from '../ids.js';
import { type PlainDate, plainDate } from '../plain-date.js';
import { type DependencyLink, finishOf, type ScheduledMilestone } from './dependency.js';
import { computeSlack } from './slack.js';

// Random DAGs (links only from lower to higher number) with negative, zero and positive lags, some
// milestones done, and a target release before, among or after the forecasts.
const plan = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    offsets: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: n, maxLength: n }),
    done: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: -5, max: 8 })), { maxLength: 3 * n }),
    release: fc.integer({ min: -5, max: 40 }),
  }),
);

/**
 * The latest dates by another route: every milestone starts at the target release, and each link
 * P → S (lag L) brings P to S's latest date minus L business days when that is earlier, in any
 * order, until nothing changes (the Bellman-Ford relaxation, not the topological backward pass).
 */
function relaxLatest(nodes: readonly ScheduledMilestone[], links: readonly DependencyLink[], release: PlainDate) {
  const latest = new Map<MilestoneId, PlainDate>(nodes.map((m) => [m.id, release]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const l of links) {
      const bound = addBusinessDays(mondayToFriday, latest.get(l.successorId) as PlainDate, -l.lagDays);
      if (bound < (latest.get(l.predecessorId) as PlainDate)) {
        latest.set(l.predecessorId, bound);
        changed = true;
      }
    }
  }
  return latest;
}

describe('computeSlack against relaxation', () => {
  it('gives every milestone the latest date and slack relaxation does, never after the target release, negative lags included', () => {
    fc.assert(
      fc.property(plan, ({ offsets, done, links, release }) => {
        // Forecasts on weekdays (Mon 1 March 2027 plus business days), as the app keeps them.
        const base = plainDate('2027-03-01');
        const nodes: ScheduledMilestone[] = offsets.map((o, i) => {
          const date = addBusinessDays(mondayToFriday, base, o);
          return { id: asMilestoneId(`m${i}`), key: `M-${i}`, forecastDate: date, actualDate: done[i] ? date : null };
        });
        const dag = forwardLinks(nodes, links);
        const graph = graphOf(nodes, dag);
        const target = addBusinessDays(mondayToFriday, base, release);
        const r = computeSlack(mondayToFriday, graph, target);
        const expected = relaxLatest(nodes, dag, target);
        for (const m of r.milestones) {
          const node = nodes.find((x) => x.id === m.id) as ScheduledMilestone;
          expect(m.latest, m.id).toBe(expected.get(m.id));
          expect(m.latest <= target, m.id).toBe(true);
          expect(m.slack, m.id).toBe(businessDaysBetween(mondayToFriday, finishOf(node), m.latest));
        }
        const open = r.milestones.filter((m) => nodes.find((x) => x.id === m.id)?.actualDate === null).map((m) => m.slack);
        expect(r.minSlack).toBe(open.length === 0 ? null : Math.min(...open));
      }),
      { numRuns: 400 },
    );
  });
});
