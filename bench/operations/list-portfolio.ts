import { listPrograms } from '../../src/app/list-programs.js';
import { defineOperation } from './types.js';

/** The portfolio page: every program with its derived health and next milestone. */
export const listPortfolio = defineOperation({
  name: 'list-portfolio',
  description: 'listPrograms: every program with health (the portfolio page)',
  run: async (ctx) => (await listPrograms(ctx.deps, { actor: ctx.actor })).length,
});
