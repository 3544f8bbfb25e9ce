import { listPrograms } from '../../src/app/list-programs.js';
import { defineOperation } from './types.js';

/** The portfolio page for a person who sees all of it: every program with its derived health and next milestone. */
export const listPortfolio = defineOperation({
  name: 'list-portfolio',
  description: 'listPrograms as the lead (sees every program): every program with health (the portfolio page)',
  targetP95Ms: 100,
  run: async (ctx) => (await listPrograms(ctx.deps, { actor: ctx.actor })).length,
});
