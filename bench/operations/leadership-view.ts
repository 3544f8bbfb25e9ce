import { getPortfolioWeek } from '../../src/app/reports/portfolio-week.js';
import { weekOfInstant } from '../../src/domain/report/iso-week.js';
import { countingReads } from './list-portfolio.js';
import { defineOperation, expectOk } from './types.js';

/**
 * The leadership view of the week in progress for a person who sees the whole portfolio (the lead): every
 * program's draft (none is issued) read in one batch, wound back, assembled, then ranked. Issue 14's
 * target: under 2 s at 1,000 programs.
 */
export const leadershipViewOp = defineOperation<{ week: string }>({
  name: 'leadership-view',
  description: 'getPortfolioWeek as the lead: every program’s weekly report (drafts) read in one batch, the leadership view of this week',
  targetP95Ms: 2000,
  // One untimed call with the store's reads counted: each kind of record is read once for all programs.
  async setup(ctx) {
    const week = weekOfInstant(ctx.deps.clock.now().toISOString(), 'UTC').label;
    const { deps, calls } = countingReads(ctx.deps);
    const view = expectOk(await getPortfolioWeek(deps, { actor: ctx.actor, week }), 'getPortfolioWeek').view;
    const total = [...calls.values()].reduce((a, b) => a + b, 0);
    ctx.note(
      `${week}: one call reads the store ${total} times for ${view.lines.length} programs ` +
        `(${view.lines.filter((l) => l.attention.length > 0).length} need attention, ${view.changes.length + view.moreChanges} changes; ` +
        `${[...calls].map(([name, n]) => (n === 1 ? name : `${name} ×${n}`)).join(', ')})`,
    );
    return { week };
  },
  run: async (ctx, s) =>
    expectOk(await getPortfolioWeek(ctx.deps, { actor: ctx.actor, week: s.week }), 'getPortfolioWeek').view.lines.length,
});
