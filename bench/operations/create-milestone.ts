import type { CreateMilestoneInput } from '../../src/app/create-milestone.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { addBusinessDays, mondayToFriday } from '../../src/domain/business-days.js';
import { phases } from '../../src/domain/milestone.js';
import { dateInZone } from '../../src/domain/plain-date.js';
import { defineOperation, expectOk } from './types.js';

/** Adding a milestone to a random program's plan, with an owner, some weeks ahead. */
export const createMilestoneOp = defineOperation<{ input: CreateMilestoneInput | null }>({
  name: 'create-milestone',
  description: 'createMilestone in a random program (next key, owner check, change-log rows)',
  setup: () => ({ input: null }),
  beforeEach: (ctx, s) => {
    const program = ctx.rng.pick(ctx.portfolio.programs);
    const today = dateInZone(ctx.deps.clock.now(), program.timeZone);
    s.input = {
      programId: program.id,
      actor: ctx.actor,
      name: `Extra check ${ctx.rng.int(1, 9999)}`,
      phase: ctx.rng.pick(phases),
      // Owners must hold a role on the program: one of its client's people.
      ownerId: ctx.rng.pick(program.people).id,
      baselineDate: addBusinessDays(mondayToFriday, today, ctx.rng.int(5, 120)),
      isCritical: ctx.rng.chance(0.2),
    };
  },
  run: async (ctx, s) => {
    if (!s.input) throw new Error('no input prepared');
    return expectOk(await createMilestone(ctx.deps, s.input), 'createMilestone').milestone.key;
  },
});
