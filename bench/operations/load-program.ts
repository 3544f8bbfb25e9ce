import { getProgram } from '../../src/app/get-program.js';
import { listChanges } from '../../src/app/list-changes.js';
import { listMilestones } from '../../src/app/list-milestones.js';
import { listProgramPeople } from '../../src/app/people/list-program-people.js';
import { defineOperation, expectOk } from './types.js';

/**
 * The program page's data, as web/src/program/program-page.tsx requests it, in parallel: the program
 * with its health, its milestones, the first page of its change log (100 changes, the web's
 * changePageSize) and the people on it.
 */
export const loadProgram = defineOperation<{ programId: string }>({
  name: 'load-program',
  description: 'the program page: getProgram + listMilestones + listChanges + listProgramPeople of a random program',
  targetP95Ms: 10,
  setup: () => ({ programId: '' }),
  beforeEach: (ctx, s) => {
    s.programId = ctx.rng.pick(ctx.portfolio.programs).id;
  },
  run: async (ctx, s) => {
    const input = { ...s, actor: ctx.actor };
    const [program, milestones, changes, people] = await Promise.all([
      getProgram(ctx.deps, input),
      listMilestones(ctx.deps, input),
      listChanges(ctx.deps, { ...input, limit: 100 }),
      listProgramPeople(ctx.deps, input),
    ]);
    expectOk(program, 'getProgram');
    expectOk(changes, 'listChanges');
    expectOk(people, 'listProgramPeople');
    return expectOk(milestones, 'listMilestones').length;
  },
});
