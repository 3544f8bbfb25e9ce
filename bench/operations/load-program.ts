import { getProgram } from '../../src/app/get-program.js';
import { listMilestones } from '../../src/app/list-milestones.js';
import { defineOperation, expectOk } from './types.js';

/** The program page: the program with its health, and its milestone plan, read as the page does. */
export const loadProgram = defineOperation<{ programId: string }>({
  name: 'load-program',
  description: 'getProgram + listMilestones of a random program (the program page)',
  setup: () => ({ programId: '' }),
  beforeEach: (ctx, s) => {
    s.programId = ctx.rng.pick(ctx.portfolio.programs).id;
  },
  run: async (ctx, s) => {
    const input = { ...s, actor: ctx.actor };
    const [program, milestones] = await Promise.all([getProgram(ctx.deps, input), listMilestones(ctx.deps, input)]);
    expectOk(program, 'getProgram');
    return expectOk(milestones, 'listMilestones').length;
  },
});
