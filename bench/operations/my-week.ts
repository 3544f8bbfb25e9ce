import type { Actor } from '../../src/app/deps.js';
import { myWeek } from '../../src/app/my-week.js';
import type { Portfolio } from '../lib/portfolio.js';
import { defineOperation } from './types.js';

const weekOf = (name: string, who: string, pick: (p: Portfolio) => Actor) =>
  defineOperation({
    name,
    description: `myWeek as ${who}: what they must do this week across the programs they see`,
    targetP95Ms: 20,
    run: async (ctx) => {
      const w = await myWeek(ctx.deps, { actor: pick(ctx.portfolio) });
      return w.decisions.length + w.actions.length + w.confirmations.length + w.risks.length + w.milestones.length;
    },
  });

/** The admin sees every program (and owns nothing in them): the widest read. */
export const myWeekAdmin = weekOf('my-week-admin', 'the admin (sees every program)', (p) => p.admin);
/** An ordinary member: the contributor of one client, who owns items in its programs. */
export const myWeekMember = weekOf('my-week-member', "a contributor on one client (that client's programs)", (p) => p.member);
