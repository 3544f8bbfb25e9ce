import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getProgram } from '../../app/get-program.js';
import { listPrograms } from '../../app/list-programs.js';
import { listProgramPeople } from '../../app/people/list-program-people.js';
import { ProgramPeopleSchema } from '../../contract/auth.js';
import { ProblemSchema } from '../../contract/common.js';
import { ProgramListSchema, ProgramParamsSchema, ProgramSummarySchema } from '../../contract/program.js';
import { programJson } from '../../present/api-json.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { reply } from '../problem.js';

export const programRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programs',
      {
        schema: {
          tags: ['programs'],
          summary: 'The portfolio: every program with health, next milestone and owner',
          response: { 200: ProgramListSchema, 401: ProblemSchema },
        },
      },
      async (req) => {
        const views = await listPrograms(deps.app, { actor: actorOf(req) });
        for (const v of views) {
          if (v.failure)
            req.log.error(
              { err: v.failure, programId: v.program.id, programCode: v.program.code },
              'program figures could not be computed',
            );
        }
        return { items: views.map(programJson) };
      },
    );

    app.get(
      '/programs/:programId',
      {
        schema: {
          tags: ['programs'],
          summary: 'One program with its health',
          params: ProgramParamsSchema,
          response: { 200: ProgramSummarySchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, res) => reply(res, await getProgram(deps.app, { programId: req.params.programId, actor: actorOf(req) }), programJson),
    );

    app.get(
      '/programs/:programId/people',
      {
        schema: {
          tags: ['programs'],
          summary: 'The people who hold a role on the program (who can own its items)',
          params: ProgramParamsSchema,
          response: { 200: ProgramPeopleSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, res) =>
        reply(res, await listProgramPeople(deps.app, { programId: req.params.programId, actor: actorOf(req) }), (items) => ({
          items: items.map((p) => ({ id: p.user.id, name: p.user.name, email: p.user.email, roles: [...p.roles] })),
        })),
    );
  };
