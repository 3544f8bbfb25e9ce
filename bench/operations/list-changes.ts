import { listChanges } from '../../src/app/list-changes.js';
import { defineOperation, expectOk } from './types.js';

/** A program's change log, newest first, at the default page size. */
export const listChangesOp = defineOperation<{ programId: string }>({
  name: 'list-changes',
  description: 'listChanges of a random program (default limit 500, newest first)',
  setup: () => ({ programId: '' }),
  beforeEach: (ctx, s) => {
    s.programId = ctx.rng.pick(ctx.portfolio.programs).id;
  },
  run: async (ctx, s) => expectOk(await listChanges(ctx.deps, { ...s, actor: ctx.actor }), 'listChanges').items.length,
});
