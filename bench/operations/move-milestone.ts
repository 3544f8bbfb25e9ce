import { moveMilestone } from '../../src/app/move-milestone.js';
import { addBusinessDays, mondayToFriday } from '../../src/domain/business-days.js';
import type { ProgramId } from '../../src/domain/ids.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { AuthorizedProgramId } from '../../src/domain/policy.js';
import { defineOperation, expectOk } from './types.js';

interface Target {
  programId: ProgramId;
  milestoneId: string;
  version: number;
  forecastDate: PlainDate;
}

/**
 * Slipping a date: moves the forecast of a random open milestone by ±1-5 business days with a
 * reason. The target and its current version are read untimed before each call, as a client holds
 * them from the page it shows, so the timed call is the write itself and never a version conflict.
 */
export const moveMilestoneOp = defineOperation<{ target: Target | null }>({
  name: 'move-milestone',
  description: 'moveMilestone with a reason on a random open milestone (version re-read untimed)',
  setup: (ctx) => {
    if (ctx.portfolio.openMilestones.length === 0) throw new Error('the portfolio has no open milestone to move');
    return { target: null };
  },
  beforeEach: async (ctx, s) => {
    const { programId, milestoneId } = ctx.rng.pick(ctx.portfolio.openMilestones);
    // Read untimed straight from the store, as the page the client holds would have it.
    const m = await ctx.deps.store.reads.findMilestone(programId as AuthorizedProgramId, milestoneId);
    if (!m) throw new Error(`milestone ${milestoneId} vanished`);
    const days = ctx.rng.int(1, 5) * (ctx.rng.chance(0.7) ? 1 : -1);
    s.target = { programId, milestoneId, version: m.version, forecastDate: addBusinessDays(mondayToFriday, m.forecastDate, days) };
  },
  run: async (ctx, s) => {
    if (!s.target) throw new Error('no target chosen');
    const input = { ...s.target, actor: ctx.actor, reason: 'Supplier reported a tooling delay.' };
    return expectOk(await moveMilestone(ctx.deps, input), 'moveMilestone').milestone.version;
  },
});
