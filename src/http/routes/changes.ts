import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listChanges } from '../../app/list-changes.js';
import { ChangeListSchema, ChangesQuerySchema } from '../../contract/change.js';
import { ProblemSchema } from '../../contract/common.js';
import { ProgramParamsSchema } from '../../contract/program.js';
import { changeJson } from '../../present/api-json.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { reply } from '../problem.js';

export const changeRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programs/:programId/changes',
      {
        schema: {
          tags: ['change log'],
          summary: "The program's change log, newest first: who, when, old → new, why",
          description:
            'Plain dates in since/until are days in the program time zone; until is inclusive for a date and exclusive for an instant.',
          params: ProgramParamsSchema,
          querystring: ChangesQuerySchema,
          response: { 200: ChangeListSchema, 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, res) =>
        reply(res, await listChanges(deps.app, { programId: req.params.programId, actor: actorOf(req), ...req.query }), (page) => ({
          items: page.items.map(changeJson),
          nextCursor: page.nextCursor,
        })),
    );
  };
