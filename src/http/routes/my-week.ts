import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { myWeek } from '../../app/my-week.js';
import { ProblemSchema } from '../../contract/common.js';
import { MyWeekSchema } from '../../contract/my-week.js';
import { myWeekJson } from '../../present/actions-json.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';

export const myWeekRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/me/week',
      {
        schema: {
          tags: ['me'],
          summary:
            'Your week across all your programs: decisions to make, actions due or overdue, closures to confirm, risks to review, milestones due or late',
          response: { 200: MyWeekSchema, 401: ProblemSchema },
        },
      },
      async (req) => {
        const week = await myWeek(deps.app, { actor: actorOf(req) });
        for (const u of week.unavailable) {
          req.log.error({ err: u.failure, programId: u.program.id, programCode: u.program.code }, "program's week could not be computed");
        }
        return myWeekJson(week);
      },
    );
  };
